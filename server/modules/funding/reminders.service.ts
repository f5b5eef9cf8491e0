/**
 * Reminders before each due day, through the mail outbox, in the recipient's language: a call's deadline to the
 * member who started a draft (or an application sent back for changes), the proof of use and a repayment claim to
 * the member who started the application, a tranche to the coordinator who decided. Each goes once per lead (the
 * profile's `funding.reminderDays`, 14 and 3 days before): the smallest lead the due day is within; a reminder row
 * with a primary key makes a second server send nothing.
 */
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import { queueMail } from '../../core/mail.ts';
import { authorize } from '../../core/policy.ts';
import { addDays, daysBetween, localDate, zonedToUtc } from '../../core/time.ts';
import { accountsByIds } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import type { ReminderKind } from './funding.terms.ts';
import { fundingSettings } from './settings.ts';

type Due = {
  subjectId: string;
  kind: ReminderKind;
  dueOn: string;
  to: string | null;
  params: { title: string; call?: Record<string, string>; amount?: number; applicationId: string };
};

/** The mail's keys per kind, written out (the i18n check sees them). */
const MAIL_KEYS: Record<ReminderKind, { subject: string; body: string }> = {
  deadline: { subject: 'funding-mail:deadline.subject', body: 'funding-mail:deadline.body' },
  tranche: { subject: 'funding-mail:tranche.subject', body: 'funding-mail:tranche.body' },
  proof: { subject: 'funding-mail:proof.subject', body: 'funding-mail:proof.body' },
  claim: { subject: 'funding-mail:claim.subject', body: 'funding-mail:claim.body' },
};

/** The smallest lead (days before) that the due day is within, or null when it is further off or past. */
export function leadFor(today: string, dueOn: string, leads: readonly number[]): number | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return null;
  const within = leads.filter((lead) => days <= lead);
  return within.length > 0 ? Math.min(...within) : null;
}

function formatDay(ctx: Ctx, locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: ctx.city.profile.timezone,
  }).format(zonedToUtc(day, '12:00', ctx.city.profile.timezone));
}

function formatEuros(locale: string, amount: number): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** Everything due within the longest lead: drafts before a deadline, tranches, proofs, claims. */
async function listDue(ctx: Ctx, today: string, until: string): Promise<Due[]> {
  const zone = ctx.city.profile.timezone;
  const [drafts, tranches, proofs, claims] = await Promise.all([
    repo.listDraftsBeforeDeadline(ctx.db, ctx.now, zonedToUtc(addDays(until, 1), '00:00', zone)),
    repo.listTranchesDue(ctx.db, today, until),
    repo.listProofsDue(ctx.db, today, until),
    repo.listClaimsDue(ctx.db, today, until),
  ]);
  const title = (application: repo.ApplicationRow) => application.content.project.title;
  return [
    ...drafts.map(({ application, call }) => ({
      subjectId: application.id,
      kind: 'deadline' as const,
      dueOn: localDate(call.deadline, zone),
      to: application.createdBy,
      params: { title: title(application), call: call.title, applicationId: application.id },
    })),
    ...tranches.map(({ tranche, application }) => ({
      subjectId: tranche.id,
      kind: 'tranche' as const,
      dueOn: tranche.dueOn,
      to: application.decision?.decidedBy ?? null,
      params: { title: title(application), amount: tranche.amount, applicationId: application.id },
    })),
    ...proofs.map(({ application }) => ({
      subjectId: application.id,
      kind: 'proof' as const,
      dueOn: application.proofDueOn ?? today,
      to: application.createdBy,
      params: { title: title(application), applicationId: application.id },
    })),
    ...claims.map(({ claim, application }) => ({
      subjectId: claim.id,
      kind: 'claim' as const,
      dueOn: claim.dueOn,
      to: application.createdBy,
      params: { title: title(application), amount: claim.amount, applicationId: application.id },
    })),
  ];
}

/** Job: sends the reminders that are due; returns how many went out. */
export async function sendFundingReminders(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'funding.jobs');
  const leads = fundingSettings(ctx).reminderDays;
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  const due = await listDue(ctx, today, addDays(today, Math.max(...leads)));
  const ids = [...new Set(due.flatMap((d) => (d.to ? [d.to] : [])))];
  const accounts = new Map((await accountsByIds(ctx.db, ids)).map((a) => [a.id, a]));
  let sent = 0;
  for (const item of due) {
    const lead = leadFor(today, item.dueOn, leads);
    const account = item.to ? accounts.get(item.to) : undefined;
    if (lead === null || !account || account.disabled) continue;
    const locale = account.locale;
    const params = {
      name: account.displayName,
      title: item.params.title,
      call: item.params.call?.[locale] ?? item.params.call?.de ?? '',
      amount: formatEuros(locale, item.params.amount ?? 0),
      date: formatDay(ctx, locale, item.dueOn),
      link: `${ctx.config.publicUrl}/funding/${item.params.applicationId}`,
    };
    const queued = await inTransaction(ctx, async (tx) => {
      const first = await repo.claimReminder(tx.db, {
        subjectId: item.subjectId,
        kind: item.kind,
        dueOn: item.dueOn,
        leadDays: lead,
        sentAt: tx.now,
      });
      if (!first) return false;
      await queueMail(tx, {
        to: account.email,
        subject: translate(locale, MAIL_KEYS[item.kind].subject, params),
        text: translate(locale, MAIL_KEYS[item.kind].body, params),
      });
      return true;
    });
    if (queued) sent++;
  }
  return { reminded: sent };
}
