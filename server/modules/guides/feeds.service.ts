import ical, { type ICalCalendar, ICalEventStatus } from 'ical-generator';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { newToken, tokenHash } from '../../core/passwords.ts';
import { authorize } from '../../core/policy.ts';
import { accountNames, findAccount } from '../platform/index.ts';
import * as repo from './guides.repository.ts';
import { endOf, links, requestLanguage, topicName } from './messages.ts';
import { firstName } from './workflow.ts';

/** A new secret calendar link for the signed-in guide (the old one stops working). */
export async function createGuideFeed(ctx: Ctx) {
  authorize(ctx, 'guides.feeds.guide');
  const guideId = ctx.actor.id as string;
  if (!(await repo.findProfile(ctx.db, guideId))) throw errors.notFound();
  const token = newToken();
  await inTransaction(ctx, async (tx) => {
    await repo.replaceGuideFeed(tx.db, {
      tokenHash: tokenHash(token),
      ownerKind: 'guide',
      guideId,
      createdBy: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'guide_feed.create', entityType: 'guide_profile', entityId: guideId });
  });
  return { url: links.feed(ctx, token) };
}

/** A new secret calendar link for the caller's organisation's booked appointments. */
export async function createOrganisationFeed(ctx: Ctx) {
  authorize(ctx, 'guides.feeds.organisation');
  const organisationId = ctx.actor.organisationId;
  if (!organisationId) throw errors.notFound();
  const token = newToken();
  await inTransaction(ctx, async (tx) => {
    await repo.replaceOrganisationFeed(tx.db, {
      tokenHash: tokenHash(token),
      ownerKind: 'organisation',
      organisationId,
      createdBy: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'guide_feed.create', entityType: 'organisation', entityId: organisationId });
  });
  return { url: links.feed(ctx, token) };
}

/**
 * One appointment as a calendar event, by the feeds' privacy rule: time, "language · topic" with one first name
 * (the newcomer's for the guide, the guide's for the requesting side), the address; no contacts, no notes. The
 * uid is the request's, so a calendar that also reads the feed keeps one entry.
 */
function addEvent(
  ctx: Ctx,
  calendar: ICalCalendar,
  input: {
    request: repo.RequestRow;
    start: Date;
    end: Date;
    locale: string;
    who: string | null;
    status: ICalEventStatus;
  },
) {
  const { request, locale } = input;
  const what = `${requestLanguage(locale, request)} · ${topicName(locale, request.topic)}`;
  calendar.createEvent({
    id: `guide-request-${request.id}@${new URL(ctx.config.publicUrl).host}`,
    start: input.start,
    end: input.end,
    stamp: ctx.now,
    summary: translate(locale, 'guides-mail:feed.summary', { what, who: input.who ?? '' }),
    location: request.placeAddress,
    status: input.status,
  });
}

function oneEventCalendar(ctx: Ctx) {
  return ical({
    name: ctx.city.profile.branding.title,
    prodId: { company: 'Lotse', product: 'guides', language: ctx.locale.toUpperCase() },
  });
}

/** The signed-in guide's one appointment as an .ics file (404 for anybody else's). */
export async function assignmentCalendar(ctx: Ctx, assignmentId: string): Promise<string> {
  authorize(ctx, 'guides.proposals.own');
  const row = await repo.findAssignmentWithRequest(ctx.db, assignmentId);
  // Another guide's appointment is not there for them: the same 404 as an unknown id.
  if (!row || row.assignment.guideId !== ctx.actor.id) throw errors.notFound();
  authorize(ctx, 'guides.proposals.respond', row.assignment);
  const calendar = oneEventCalendar(ctx);
  addEvent(ctx, calendar, {
    request: row.request,
    start: row.assignment.startsAt,
    end: row.assignment.endsAt,
    locale: ctx.locale,
    who: row.request.newcomerFirstName,
    status: row.assignment.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** A request's appointment as an .ics file, for those who may read the request (with the guide's first name). */
export async function requestCalendar(ctx: Ctx, requestId: string): Promise<string> {
  const request = await repo.findRequest(ctx.db, requestId);
  authorize(ctx, 'guides.requests.read', request);
  if (!request) throw errors.notFound();
  const assignment = await repo.activeAssignmentOfRequest(ctx.db, requestId);
  const names = await accountNames(ctx.db, assignment ? [assignment.guideId] : []);
  const calendar = oneEventCalendar(ctx);
  addEvent(ctx, calendar, {
    request,
    start: request.startsAt,
    end: endOf(request),
    locale: ctx.locale,
    who: assignment ? firstName(names.get(assignment.guideId) ?? '') : null,
    status:
      request.state === 'cancelled'
        ? ICalEventStatus.CANCELLED
        : request.state === 'confirmed' || request.state === 'done'
          ? ICalEventStatus.CONFIRMED
          : ICalEventStatus.TENTATIVE,
  });
  return calendar.toString();
}

/** The calendar behind a secret link: the guide's or the organisation's appointments of the last 30 days on. */
export async function readFeed(ctx: Ctx, token: string): Promise<string> {
  authorize(ctx, 'guides.feeds.read');
  const feed = await repo.findFeedByTokenHash(ctx.db, tokenHash(token));
  if (!feed) throw errors.notFound();
  await repo.touchFeed(ctx.db, feed.id, ctx.now);
  const from = new Date(ctx.now.getTime() - 30 * 86_400_000);
  const calendar = ical({
    name: ctx.city.profile.branding.title,
    prodId: { company: 'Lotse', product: 'guides', language: 'DE' },
  });
  const add = (
    request: repo.RequestRow,
    assignment: repo.AssignmentRow,
    locale: string,
    who: string | null,
  ) =>
    addEvent(ctx, calendar, {
      request,
      start: assignment.startsAt,
      end: assignment.endsAt,
      locale,
      who,
      status: ICalEventStatus.CONFIRMED,
    });
  if (feed.guideId) {
    const guide = await findAccount(ctx.db, feed.guideId);
    const rows = await repo.listAssignmentsOfGuide(ctx.db, feed.guideId, from);
    for (const { assignment, request } of rows) {
      if (assignment.state !== 'cancelled')
        add(request, assignment, guide?.locale ?? 'de', request.newcomerFirstName);
    }
  } else if (feed.organisationId) {
    const rows = await repo.listAssignmentsOfOrganisation(ctx.db, feed.organisationId, from);
    const names = await accountNames(
      ctx.db,
      rows.map((row) => row.assignment.guideId),
    );
    for (const { assignment, request } of rows) {
      add(request, assignment, request.requesterLocale, firstName(names.get(assignment.guideId) ?? ''));
    }
  }
  return calendar.toString();
}
