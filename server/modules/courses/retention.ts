import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import { addMonths, localDate } from '../../core/time.ts';
import * as repo from './courses.repository.ts';
import { coursesSettings } from './settings.ts';

/**
 * Enrolments (names, contacts, needs) and their moves are deleted a number of months after the course ended
 * (the city profile's courses.deleteMonthsAfterEnd); the course itself stays.
 */
export const coursesRetention: Record<string, RetentionHandler> = {
  'courses.enrolments': async (ctx) => {
    const today = localDate(ctx.now, ctx.city.profile.timezone);
    return repo.deleteEnrolmentsEndedBefore(
      ctx.db,
      addMonths(today, -coursesSettings(ctx).deleteMonthsAfterEnd),
    );
  },
};

/**
 * What the module holds about a signed-in person: the enrolments they made while signed in. (Enrolments without
 * an account are the person's through their code: the follow page shows them, cancelling ends them.)
 */
export const coursesPersonalData: PersonalData = {
  async export(ctx, userId) {
    const rows = await repo.listEnrolmentsOfUser(ctx.db, userId);
    return rows.length ? { courseEnrolments: rows } : {};
  },
  async erase(ctx, userId) {
    await repo.anonymiseEnrolmentsOfUser(ctx.db, userId, ctx.now);
  },
};
