import { inTransaction } from '../../core/context.ts';
import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './reports.repository.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Evidence is deleted the profile's number of days after a case was closed: the reporter's contact
 * (reports.contacts), photos (reports.photos), and the free texts — what happened, the messages through the code
 * and the internal notes (reports.texts). The case's categories stay for the statistics.
 */
export const reportsRetention: Record<string, RetentionHandler> = {
  'reports.contacts': async (ctx, rule) =>
    repo.deleteContactsClosedBefore(ctx.db, daysBefore(ctx.now, rule.days)),
  'reports.photos': async (ctx, rule) =>
    repo.deletePhotosClosedBefore(ctx.db, daysBefore(ctx.now, rule.days)),
  'reports.texts': (ctx, rule) =>
    inTransaction(ctx, async (tx) => {
      const before = daysBefore(tx.now, rule.days);
      const notes = await repo.deleteNotesClosedBefore(tx.db, before);
      const messages = await repo.deleteMessagesClosedBefore(tx.db, before);
      const descriptions = await repo.clearDescriptionsClosedBefore(tx.db, before);
      return notes + messages + descriptions;
    }),
};

/**
 * What the reports module holds about a person: only staff have records here (reporters have no account). A
 * counsellor's export has the messages they wrote to reporters and their internal notes (texts and times, no case
 * ids: whom they concerned stays out) and how many cases are assigned to them. Erasure unlinks their messages and
 * gives their cases back to the team; notes stay with the case file (the account itself is anonymised).
 */
export const reportsPersonalData: PersonalData = {
  async export(ctx, userId) {
    const [messages, notes, assigned] = await Promise.all([
      repo.listMessagesByAuthor(ctx.db, userId),
      repo.listNotesByAuthor(ctx.db, userId),
      repo.countAssigned(ctx.db, userId),
    ]);
    if (messages.length === 0 && notes.length === 0 && assigned === 0) return {};
    return {
      reportMessagesWritten: messages.map((m) => ({ body: m.body, at: m.createdAt.toISOString() })),
      reportNotesWritten: notes.map((n) => ({ body: n.body, at: n.createdAt.toISOString() })),
      reportCasesAssigned: assigned,
    };
  },
  async erase(ctx, userId) {
    await repo.unlinkMessagesOfAuthor(ctx.db, userId);
    await repo.unassignCases(ctx.db, userId, ctx.now);
  },
};
