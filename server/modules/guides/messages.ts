import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Ctx } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import { languageNameIn } from '../../core/languages.ts';
import { type MailAttachment, queueMail } from '../../core/mail.ts';
import type { RequestRow } from './guides.repository.ts';
import { DIALECT_NAME_KEYS, type Dialect } from './guides.terms.ts';

/** Links into the web app (the guides pages). */
export const links = {
  follow: (ctx: Ctx, code: string) => `${ctx.config.publicUrl}/guides/follow/${code}`,
  proposals: (ctx: Ctx) => `${ctx.config.publicUrl}/guides/proposals`,
  assignments: (ctx: Ctx) => `${ctx.config.publicUrl}/guides/assignments`,
  request: (ctx: Ctx, id: string) => `${ctx.config.publicUrl}/guides/requests/${id}`,
  feed: (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/api/v1/guides/feeds/${token}/calendar.ics`,
};

/** A date and time as the recipient reads it, in the city's time zone. */
export function formatWhen(ctx: Ctx, locale: string, at: Date): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: ctx.city.profile.timezone,
  }).format(at);
}

/**
 * The language's name in the recipient's language ("ara" → "Arabisch", "rom" → "Romanes"): the same names the web
 * app shows (server/core/languages.ts), never the bare code of a language the locale files name.
 */
export function languageName(locale: string, code: string): string {
  return languageNameIn(locale, code, (key) => translate(locale, key));
}

/** A dialect's name in the recipient's language (guides.terms.ts names each one); an unknown code as it is. */
export function dialectName(locale: string, dialect: string): string {
  const key = Object.hasOwn(DIALECT_NAME_KEYS, dialect) ? DIALECT_NAME_KEYS[dialect as Dialect] : null;
  return key ? translate(locale, key) : dialect;
}

/** The request's language with its dialect, if it asks for one ("Romanes, Dialekt: Sinti-Romanes"). */
export function requestLanguage(locale: string, request: Pick<RequestRow, 'language' | 'dialect'>): string {
  const language = languageName(locale, request.language);
  return request.dialect
    ? translate(locale, 'guides-mail:languageWithDialect', {
        language,
        dialect: dialectName(locale, request.dialect),
      })
    : language;
}

/** The topic's name in the recipient's language. */
export function topicName(locale: string, topic: string): string {
  const keys: Record<string, string> = {
    health: translate(locale, 'guides-mail:topics.health'),
    authorities: translate(locale, 'guides-mail:topics.authorities'),
    school: translate(locale, 'guides-mail:topics.school'),
    housing: translate(locale, 'guides-mail:topics.housing'),
    court: translate(locale, 'guides-mail:topics.court'),
    psychiatric: translate(locale, 'guides-mail:topics.psychiatric'),
  };
  return keys[topic] ?? topic;
}

/** The onboarding step's name in the recipient's language. */
export function stepName(locale: string, step: string): string {
  const names: Record<string, string> = {
    interview: translate(locale, 'guides-mail:steps.interview'),
    training: translate(locale, 'guides-mail:steps.training'),
    confidentiality: translate(locale, 'guides-mail:steps.confidentiality'),
    police_clearance: translate(locale, 'guides-mail:steps.police_clearance'),
  };
  return names[step] ?? step;
}

const placeText = (request: RequestRow, locale: string) =>
  request.mode === 'on_site'
    ? (request.placeAddress ?? translate(locale, 'guides-mail:place.unknown'))
    : request.mode === 'phone'
      ? translate(locale, 'guides-mail:place.phone')
      : translate(locale, 'guides-mail:place.video');

const endOf = (request: RequestRow) =>
  new Date(request.startsAt.getTime() + request.durationMinutes * 60_000);

type CalendarKind = 'tentative' | 'confirmed' | 'cancelled';

/** One appointment as an iCalendar file (UTC times; the uid stays the same across changes). */
export function appointmentIcs(
  ctx: Ctx,
  input: { request: RequestRow; locale: string; kind: CalendarKind; sequence: number; summary: string },
): string {
  const { request, locale } = input;
  const calendar = ical({
    prodId: { company: 'Lotse', product: 'guides', language: locale.toUpperCase() },
    method: input.kind === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `guide-request-${request.id}@${new URL(ctx.config.publicUrl).host}`,
    start: request.startsAt,
    end: endOf(request),
    stamp: ctx.now,
    sequence: input.sequence,
    summary: input.summary,
    description: `${requestLanguage(locale, request)} · ${topicName(locale, request.topic)}`,
    location:
      request.mode === 'on_site' && request.placeAddress
        ? {
            title: request.placeAddress,
            geo: { lat: request.placeLat, lon: request.placeLon },
          }
        : placeText(request, locale),
    status:
      input.kind === 'cancelled'
        ? ICalEventStatus.CANCELLED
        : input.kind === 'tentative'
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

function icsAttachment(ics: string): MailAttachment {
  return {
    filename: 'termin.ics',
    contentType: 'text/calendar; charset=utf-8',
    content: Buffer.from(ics, 'utf8').toString('base64'),
  };
}

/** Seconds since 2020 at change time: a growing SEQUENCE so calendars take the newest version. */
const sequenceAt = (ctx: Ctx) => Math.floor((ctx.now.getTime() - Date.UTC(2020, 0, 1)) / 1000);

type Recipient = { email: string; locale: string; name?: string };

/** Mails a guide a new proposal, with a tentative calendar entry. */
export async function mailProposal(ctx: Ctx, to: Recipient, request: RequestRow, deadline: Date) {
  const { locale } = to;
  const params = {
    name: to.name ?? '',
    date: formatWhen(ctx, locale, request.startsAt),
    place: placeText(request, locale),
    language: requestLanguage(locale, request),
    topic: topicName(locale, request.topic),
    deadline: formatWhen(ctx, locale, deadline),
    link: links.proposals(ctx),
  };
  const summary = translate(locale, 'guides-mail:proposal.summary', params);
  await queueMail(ctx, {
    to: to.email,
    subject: translate(locale, 'guides-mail:proposal.subject', params),
    text: translate(locale, 'guides-mail:proposal.body', params),
    attachments: [
      icsAttachment(
        appointmentIcs(ctx, { request, locale, kind: 'tentative', sequence: sequenceAt(ctx), summary }),
      ),
    ],
  });
}

/** Mails the requester that a guide confirmed, and the guide the confirmed entry. */
export async function mailConfirmation(
  ctx: Ctx,
  input: { request: RequestRow; guideFirstName: string; guide: Recipient },
) {
  const { request } = input;
  if (request.requesterEmail) {
    const locale = request.requesterLocale;
    const params = {
      date: formatWhen(ctx, locale, request.startsAt),
      place: placeText(request, locale),
      language: requestLanguage(locale, request),
      guide: input.guideFirstName,
      code: request.code,
      link: links.follow(ctx, request.code),
    };
    const summary = translate(locale, 'guides-mail:confirmation.summary', params);
    await queueMail(ctx, {
      to: request.requesterEmail,
      subject: translate(locale, 'guides-mail:confirmation.subject', params),
      text: translate(locale, 'guides-mail:confirmation.body', params),
      attachments: [
        icsAttachment(
          appointmentIcs(ctx, { request, locale, kind: 'confirmed', sequence: sequenceAt(ctx), summary }),
        ),
      ],
    });
  }
  const locale = input.guide.locale;
  const params = {
    name: input.guide.name ?? '',
    date: formatWhen(ctx, locale, request.startsAt),
    place: placeText(request, locale),
    language: requestLanguage(locale, request),
    topic: topicName(locale, request.topic),
    link: links.assignments(ctx),
  };
  const summary = translate(locale, 'guides-mail:assigned.summary', params);
  await queueMail(ctx, {
    to: input.guide.email,
    subject: translate(locale, 'guides-mail:assigned.subject', params),
    text: translate(locale, 'guides-mail:assigned.body', params),
    attachments: [
      icsAttachment(
        appointmentIcs(ctx, { request, locale, kind: 'confirmed', sequence: sequenceAt(ctx), summary }),
      ),
    ],
  });
}

/** The reminder 24 hours before, to the guide or the requester. */
export async function mailReminder(ctx: Ctx, to: Recipient, request: RequestRow, forGuide: boolean) {
  const { locale } = to;
  const params = {
    date: formatWhen(ctx, locale, request.startsAt),
    place: placeText(request, locale),
    language: requestLanguage(locale, request),
    link: forGuide ? links.assignments(ctx) : links.follow(ctx, request.code),
  };
  const summary = translate(locale, 'guides-mail:reminder.summary', params);
  await queueMail(ctx, {
    to: to.email,
    subject: translate(locale, 'guides-mail:reminder.subject', params),
    text: translate(locale, 'guides-mail:reminder.body', params),
    attachments: [
      icsAttachment(
        appointmentIcs(ctx, { request, locale, kind: 'confirmed', sequence: sequenceAt(ctx), summary }),
      ),
    ],
  });
}

/** A changed appointment, with the updated calendar entry. */
export async function mailChange(ctx: Ctx, to: Recipient, request: RequestRow, forGuide: boolean) {
  const { locale } = to;
  const params = {
    date: formatWhen(ctx, locale, request.startsAt),
    place: placeText(request, locale),
    language: requestLanguage(locale, request),
    link: forGuide ? links.assignments(ctx) : links.follow(ctx, request.code),
  };
  const summary = translate(locale, 'guides-mail:change.summary', params);
  await queueMail(ctx, {
    to: to.email,
    subject: translate(locale, 'guides-mail:change.subject', params),
    text: translate(locale, 'guides-mail:change.body', params),
    attachments: [
      icsAttachment(
        appointmentIcs(ctx, { request, locale, kind: 'confirmed', sequence: sequenceAt(ctx), summary }),
      ),
    ],
  });
}

/** A cancelled appointment, with a cancelling calendar entry. */
export async function mailCancellation(ctx: Ctx, to: Recipient, request: RequestRow) {
  const { locale } = to;
  const params = {
    date: formatWhen(ctx, locale, request.startsAt),
    place: placeText(request, locale),
    language: requestLanguage(locale, request),
  };
  const summary = translate(locale, 'guides-mail:cancellation.summary', params);
  await queueMail(ctx, {
    to: to.email,
    subject: translate(locale, 'guides-mail:cancellation.subject', params),
    text: translate(locale, 'guides-mail:cancellation.body', params),
    attachments: [
      icsAttachment(
        appointmentIcs(ctx, { request, locale, kind: 'cancelled', sequence: sequenceAt(ctx), summary }),
      ),
    ],
  });
}

/** Tells a requester the request arrived, with its code and follow link. */
export async function mailReceived(ctx: Ctx, request: RequestRow) {
  if (!request.requesterEmail) return;
  const locale = request.requesterLocale;
  const params = {
    code: request.code,
    date: formatWhen(ctx, locale, request.startsAt),
    language: requestLanguage(locale, request),
    link: links.follow(ctx, request.code),
  };
  await queueMail(ctx, {
    to: request.requesterEmail,
    subject: translate(locale, 'guides-mail:received.subject', params),
    text: translate(locale, 'guides-mail:received.body', params),
  });
}

/** Reminds a guide that an onboarding step expires soon. */
export async function mailStepExpiring(ctx: Ctx, to: Recipient, step: string, expiresOn: string) {
  const { locale } = to;
  const [y, m, d] = expiresOn.split('-').map(Number) as [number, number, number];
  const params = {
    name: to.name ?? '',
    step: stepName(locale, step),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    ),
  };
  await queueMail(ctx, {
    to: to.email,
    subject: translate(locale, 'guides-mail:stepExpiring.subject', params),
    text: translate(locale, 'guides-mail:stepExpiring.body', params),
  });
}

export { endOf };
