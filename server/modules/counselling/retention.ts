/**
 * Retention and the person's data. Closed cases are anonymised the profile's days after closing
 * (counselling.cases, default three years): the person is replaced by an empty one, notes and referrals are deleted;
 * topics, district, language, dates and outcomes stay for the figures. Bookings are deleted the profile's days after
 * their slot (counselling.bookings). Clients have no accounts (their data is reached through staff); a staff
 * account's export lists the notes, cases and visits it wrote, and its erasure removes the author from them.
 */
import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './counselling.repository.ts';
import { seal } from './seal.ts';

/** The person of an anonymised or erased case: nothing of them is left. */
export const ANONYMOUS = {
  name: '–',
  birthDate: null,
  languages: [],
  address: null,
  noFixedAddress: false,
  phone: null,
  email: null,
};

export const counsellingRetention: Record<string, RetentionHandler> = {
  'counselling.cases': async (ctx, rule) => {
    const before = new Date(ctx.now.getTime() - rule.days * 86_400_000);
    const rows = await repo.listClosedCasesBefore(ctx.db, before);
    for (const row of rows) await repo.anonymiseCase(ctx.db, row.id, seal(ctx.config, ANONYMOUS), ctx.now);
    return rows.length;
  },
  'counselling.bookings': async (ctx, rule) =>
    repo.deleteBookingsBefore(ctx.db, new Date(ctx.now.getTime() - rule.days * 86_400_000)),
};

export const counsellingPersonalData: PersonalData = {
  async export(ctx, userId) {
    const authored = await repo.countAuthored(ctx.db, userId);
    const any = authored.notes.length + authored.cases.length + authored.visits.length > 0;
    return any
      ? {
          counselling: {
            notesWritten: authored.notes,
            casesOpened: authored.cases,
            clinicVisitsRecorded: authored.visits,
          },
        }
      : {};
  },
  async erase(ctx, userId) {
    await repo.forgetAuthor(ctx.db, userId);
  },
};
