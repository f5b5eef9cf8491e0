/**
 * Retention and the person's data. Closed cases are anonymised the profile's days after closing
 * (counselling.cases, default three years): the person is replaced by an empty one, notes and referrals are deleted;
 * topics, district, language, dates and outcomes stay for the figures. Bookings are deleted the profile's days after
 * their slot (counselling.bookings). Clients have no accounts (their data is reached through staff); a staff
 * account's export lists the notes, cases and visits it wrote and the break-glass accesses it made (with the reason
 * given), and its erasure removes the author from them.
 */
import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './counselling.repository.ts';
import { seal, unseal } from './seal.ts';

/** The person of an anonymised or erased case: nothing of them is left. */
export const ANONYMOUS = {
  name: '–',
  birthDate: null,
  languages: [],
  address: null,
  noFixedAddress: false,
  phone: null,
  email: null,
  household: [],
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
    const [authored, accesses] = await Promise.all([
      repo.countAuthored(ctx.db, userId),
      repo.listBreakGlassBy(ctx.db, userId),
    ]);
    const any = authored.notes.length + authored.cases.length + authored.visits.length + accesses.length > 0;
    return any
      ? {
          counselling: {
            notesWritten: authored.notes,
            casesOpened: authored.cases,
            clinicVisitsRecorded: authored.visits,
            breakGlassAccesses: accesses.map((access) => ({
              caseId: access.caseId,
              at: access.at.toISOString(),
              reason: unseal<string>(ctx.config, access.sealedReason),
            })),
          },
        }
      : {};
  },
  async erase(ctx, userId) {
    await repo.forgetAuthor(ctx.db, userId);
  },
};
