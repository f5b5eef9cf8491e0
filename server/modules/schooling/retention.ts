import type { RetentionHandler } from '../../core/module.ts';
import { addMonths } from '../../core/time.ts';
import { cityDay } from './common.ts';
import * as repo from './schooling.repository.ts';
import { schoolingSettings } from './settings.ts';

/**
 * Children's records are anonymised a number of months after the first school day (the city profile's
 * schooling.anonymiseMonthsAfterFirstSchoolDay): names, address, exact birth date, special needs, counselling
 * appointments and the family's contact go; the birth year, languages, district and dates stay for the figures.
 */
export const schoolingRetention: Record<string, RetentionHandler> = {
  'schooling.children': async (ctx) => {
    const months = schoolingSettings(ctx).anonymiseMonthsAfterFirstSchoolDay;
    const cutOff = addMonths(cityDay(ctx), -months);
    const due = (await repo.findChildrenToAnonymise(ctx.db, cutOff)).map((row) => row.id);
    await repo.deleteAppointmentsOf(ctx.db, due);
    const count = await repo.anonymiseChildren(ctx.db, due, ctx.now);
    await repo.anonymiseOrphanFamilies(ctx.db, ctx.now);
    return count;
  },
};
