/**
 * Mails to enrolled and waiting people, in the language they enrolled in: the offer of a freed place (with its
 * deadline), and the one question whether to keep the other waiting places. Queued in the caller's transaction
 * (server/core/mail.ts). The code is stored only as its hash, so a mail links to the page where it is typed in.
 * Without an e-mail address (phone only) nothing is sent: the provider calls (SMS is not built yet).
 */
import type { Ctx } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import { queueMail } from '../../core/mail.ts';
import type { CourseRow, EnrolmentRow } from './courses.repository.ts';
import { nameIn } from './views.ts';

const followLink = (ctx: Ctx) => `${ctx.config.publicUrl}/kurse/code`;

/** A date and time as the recipient reads it, on the city's clock. */
const when = (ctx: Ctx, locale: string, at: Date) =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: ctx.city.profile.timezone,
  }).format(at);

/** A freed place is held for the person until the deadline. */
export async function sendOffer(ctx: Ctx, enrolment: EnrolmentRow, course: CourseRow): Promise<void> {
  if (!enrolment.email || !enrolment.offerExpiresAt) return;
  const locale = enrolment.language;
  const params = {
    name: enrolment.participantName,
    course: nameIn(locale, course.name),
    deadline: when(ctx, locale, enrolment.offerExpiresAt),
    link: followLink(ctx),
    city: ctx.city.profile.name,
  };
  await queueMail(ctx, {
    to: enrolment.email,
    subject: translate(locale, 'courses-mail:offer.subject', params),
    text: translate(locale, 'courses-mail:offer.body', params),
  });
}

/** Placed in one course: keep the places on the other waiting lists? (one message) */
export async function sendOthersQuestion(
  ctx: Ctx,
  enrolment: EnrolmentRow,
  course: CourseRow,
  count: number,
): Promise<void> {
  if (!enrolment.email) return;
  const locale = enrolment.language;
  const params = {
    name: enrolment.participantName,
    course: nameIn(locale, course.name),
    count,
    link: followLink(ctx),
  };
  await queueMail(ctx, {
    to: enrolment.email,
    subject: translate(locale, 'courses-mail:others.subject', params),
    text: translate(locale, 'courses-mail:others.body', params),
  });
}
