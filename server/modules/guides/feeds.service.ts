import ical, { ICalEventStatus } from 'ical-generator';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { newToken, tokenHash } from '../../core/passwords.ts';
import { authorize } from '../../core/policy.ts';
import { accountNames, findAccount } from '../platform/index.ts';
import * as repo from './guides.repository.ts';
import { languageName, links, topicName } from './messages.ts';
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

/** The calendar behind a secret link: the guide's or the organisation's appointments of the last 30 days on. */
export async function readFeed(ctx: Ctx, token: string): Promise<string> {
  authorize(ctx, 'guides.feeds.read');
  const feed = await repo.findFeedByTokenHash(ctx.db, tokenHash(token));
  if (!feed) throw errors.notFound();
  await repo.touchFeed(ctx.db, feed.id, ctx.now);
  const from = new Date(ctx.now.getTime() - 30 * 86_400_000);
  const host = new URL(ctx.config.publicUrl).host;
  const calendar = ical({
    name: ctx.city.profile.branding.title,
    prodId: { company: 'Lotse', product: 'guides', language: 'DE' },
  });
  const add = (
    request: repo.RequestRow,
    assignment: repo.AssignmentRow,
    locale: string,
    who: string | null,
  ) => {
    const what = `${languageName(locale, request.language)} · ${topicName(locale, request.topic)}`;
    calendar.createEvent({
      id: `guide-request-${request.id}@${host}`,
      start: assignment.startsAt,
      end: assignment.endsAt,
      stamp: ctx.now,
      summary: translate(locale, 'guides-mail:feed.summary', { what, who: who ?? '' }),
      location: request.placeAddress,
      status: ICalEventStatus.CONFIRMED,
    });
  };
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
