// An actor's own calendar (an iCal feed at a URL): imported as its activities and kept in sync by the daily job.
import ICAL from 'ical.js';
import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { checkOutsideUrl, fetchOutside, OutsideFetchError } from '../../core/net-guard.ts';
import { authorize } from '../../core/policy.ts';
import { localDate, localTime, zonedToUtc } from '../../core/time.ts';
import { occurrenceKey, storedOccurrences } from './activities.service.ts';
import { districtOf } from './common.ts';
import type { FeedBody } from './network.schema.ts';
import * as repo from './network.repository.ts';
import type { ActivityKind, FeedProblem } from './network.terms.ts';
import type { TargetGroup } from '../directory/index.ts';
import { type Recurrence, ruleProblem } from './recurrence.ts';

/** The message of each feed problem (keys written out for the i18n check). */
const PROBLEM_MESSAGE: Record<FeedProblem, string> = {
  address_refused: 'errors:network.feed_problem.address_refused',
  unreachable: 'errors:network.feed_problem.unreachable',
  timeout: 'errors:network.feed_problem.timeout',
  status: 'errors:network.feed_problem.status',
  too_large: 'errors:network.feed_problem.too_large',
  too_many_redirects: 'errors:network.feed_problem.too_many_redirects',
  malformed: 'errors:network.feed_problem.malformed',
};

/** Events read from one feed at most (the rest are counted as skipped). */
const MAX_EVENTS = 2000;

/** One event of a feed as an activity's fields (the feed's defaults added when it is written). */
export type FeedEvent = {
  /** The UID, with "#" and the RECURRENCE-ID (local "YYYY-MM-DDTHH:MM") for a changed single date. */
  key: string;
  sequence: number | null;
  modified: Date | null;
  title: string;
  description: string | null;
  place: string | null;
  recurrence: Recurrence;
};

class FeedProblemError extends Error {
  constructor(readonly problem: FeedProblem) {
    super(problem);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A DATE or DATE-TIME of the feed on the city's clocks: UTC and other zones converted (Intl's zones, else the
 * feed's own VTIMEZONE), floating times and the city's own zone read as written.
 */
function onCityClock(
  time: ICAL.Time,
  tzid: string | null,
  zones: ReadonlyMap<string, ICAL.Timezone>,
  cityZone: string,
): { date: string; time: string } {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  const clock = `${pad(time.hour)}:${pad(time.minute)}`;
  if (time.isDate) return { date, time: '00:00' };
  let instant: Date | null = null;
  if (time.zone?.tzid === 'UTC')
    instant = new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
  else if (tzid && tzid !== cityZone) {
    if (knownZone(tzid)) instant = zonedToUtc(date, clock, tzid);
    else {
      const zone = zones.get(tzid);
      if (zone) {
        const copy = time.clone();
        copy.zone = zone;
        instant = new Date(copy.toUnixTime() * 1000);
      }
    }
  }
  return instant
    ? { date: localDate(instant, cityZone), time: localTime(instant, cityZone) }
    : { date, time: clock };
}

const cut = (value: unknown, max: number): string | null => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text ? text.slice(0, max) : null;
};

/**
 * Reads an iCalendar text (RFC 5545, ical.js) into activities: one per VEVENT, its RRULE and EXDATEs kept, a changed
 * single date (RECURRENCE-ID) as its own activity and an exception of the series, cancelled ones left out. Events an
 * activity cannot hold (no UID or title, times of day in the rule, no length, more than a day) are counted as
 * skipped. Throws a FeedProblemError('malformed') when the text is no iCalendar.
 */
export function readFeed(text: string, cityZone: string): { events: FeedEvent[]; skipped: number } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch {
    throw new FeedProblemError('malformed');
  }
  if (root.name !== 'vcalendar') throw new FeedProblemError('malformed');
  const zones = new Map<string, ICAL.Timezone>();
  for (const component of root.getAllSubcomponents('vtimezone')) {
    try {
      const zone = new ICAL.Timezone(component);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // A broken VTIMEZONE: times in it are read as the city's.
    }
  }
  const local = (property: ICAL.Property | null, value: ICAL.Time) =>
    onCityClock(value, (property?.getParameter('tzid') as string | undefined) ?? null, zones, cityZone);
  const vevents = root.getAllSubcomponents('vevent');
  let skipped = Math.max(0, vevents.length - MAX_EVENTS);
  const events: FeedEvent[] = [];
  /** Dates of a series that a RECURRENCE-ID event replaces or cancels, by UID. */
  const replaced = new Map<string, string[]>();
  for (const vevent of vevents.slice(0, MAX_EVENTS)) {
    try {
      const event = new ICAL.Event(vevent);
      const uid = cut(event.uid, 500);
      const startProperty = vevent.getFirstProperty('dtstart');
      if (!uid || !startProperty || !event.startDate) {
        skipped++;
        continue;
      }
      const recurrenceId = event.recurrenceId
        ? local(vevent.getFirstProperty('recurrence-id'), event.recurrenceId)
        : null;
      if (recurrenceId) replaced.set(uid, [...(replaced.get(uid) ?? []), recurrenceId.date]);
      if (String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
      const title = cut(event.summary, 160);
      const start = local(startProperty, event.startDate);
      let from = start.time;
      let to = '23:59';
      if (!event.startDate.isDate) {
        const end = event.endDate
          ? local(vevent.getFirstProperty('dtend') ?? startProperty, event.endDate)
          : start;
        if (end.date === start.date) to = end.time;
        else if (end.date < start.date) to = from;
      } else from = '00:00';
      const rules = vevent.getAllProperties('rrule');
      const rrule = rules.length === 1 ? String(rules[0]?.getFirstValue()) : null;
      if (!title || to <= from || rules.length > 1 || (rrule && ruleProblem(rrule))) {
        skipped++;
        continue;
      }
      const exceptions = vevent
        .getAllProperties('exdate')
        .flatMap((property) => property.getValues().map((value) => local(property, value as ICAL.Time).date));
      const modified = vevent.getFirstPropertyValue('last-modified') as ICAL.Time | null;
      events.push({
        key: recurrenceId ? `${uid}#${recurrenceId.date}T${recurrenceId.time}` : uid,
        sequence: typeof event.sequence === 'number' ? event.sequence : null,
        modified: modified ? modified.toJSDate() : null,
        title,
        description: cut(event.description, 4000),
        place: cut(event.location, 300),
        recurrence: {
          date: start.date,
          from,
          to,
          rrule: recurrenceId ? null : rrule,
          exceptions,
          skipSchoolHolidays: false,
        },
      });
    } catch {
      skipped++;
    }
  }
  for (const event of events) {
    const dates = replaced.get(event.key);
    if (dates && event.recurrence.rrule)
      event.recurrence.exceptions = [...new Set([...event.recurrence.exceptions, ...dates])];
    event.recurrence.exceptions = [...new Set(event.recurrence.exceptions)].sort();
  }
  return { events, skipped };
}

/** An activity's row from an event and the feed's defaults. */
function rowOf(feed: repo.FeedRow, event: FeedEvent) {
  return {
    title: event.title,
    description: event.description,
    kind: feed.kind,
    startDate: event.recurrence.date,
    startTime: event.recurrence.from,
    endTime: event.recurrence.to,
    rrule: event.recurrence.rrule,
    exceptions: [...event.recurrence.exceptions],
    skipSchoolHolidays: false,
    ortsteilId: feed.ortsteilId,
    districtId: feed.districtId,
    place: event.place,
    targetGroups: feed.targetGroups,
    languages: feed.languages,
    public: feed.public,
    feedKey: event.key,
    feedSequence: event.sequence,
    feedModified: event.modified,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a stored activity must be rewritten: a later SEQUENCE or LAST-MODIFIED, or other contents. */
function changed(row: repo.ActivityRow, next: ReturnType<typeof rowOf>): boolean {
  // An older copy of the event (a lower SEQUENCE) never overwrites a newer one.
  if (next.feedSequence !== null && row.feedSequence !== null && next.feedSequence < row.feedSequence)
    return false;
  return (Object.keys(next) as (keyof typeof next)[]).some((field) =>
    field === 'feedModified'
      ? (row.feedModified?.getTime() ?? null) !== (next.feedModified?.getTime() ?? null)
      : !same(row[field], next[field]),
  );
}

/**
 * Fetches the feed and brings its activities in line: new events created, changed ones rewritten (with their
 * occurrences), events gone from the feed deleted. A feed that cannot be fetched or read changes nothing; its problem
 * is recorded for the actor. Never throws for the feed's sake.
 */
export async function syncFeed(ctx: Ctx, feed: repo.FeedRow): Promise<void> {
  let read: ReturnType<typeof readFeed>;
  try {
    const text = await fetchOutside(feed.url, {
      allowPrivate: ctx.config.privateFetchAllow,
      accept: 'text/calendar, */*;q=0.5',
    });
    read = readFeed(text, ctx.city.profile.timezone);
  } catch (error) {
    const problem: FeedProblem =
      error instanceof FeedProblemError
        ? error.problem
        : error instanceof OutsideFetchError
          ? error.problem === 'url_invalid'
            ? 'address_refused'
            : error.problem
          : 'unreachable';
    ctx.logger.info({ actorId: feed.actorId, problem }, 'network feed not imported');
    await repo.recordFeedResult(ctx.db, feed.actorId, { syncedAt: ctx.now, problem });
    return;
  }
  await inTransaction(ctx, async (tx) => {
    // One sync of a feed at a time (the job and "sync now"): the feed's row is locked first.
    const current = await repo.lockFeed(tx.db, feed.actorId);
    if (!current || current.url !== feed.url) return;
    const stored = new Map((await repo.listFeedActivities(tx.db, feed.actorId)).map((a) => [a.feedKey, a]));
    const counts = { created: 0, updated: 0, deleted: 0, unchanged: 0, skipped: read.skipped };
    const seen = new Set<string>();
    for (const event of read.events) {
      if (seen.has(event.key)) {
        counts.skipped++;
        continue;
      }
      seen.add(event.key);
      const existing = stored.get(event.key);
      const next = rowOf(current, event);
      if (existing && !changed(existing, next)) {
        counts.unchanged++;
        continue;
      }
      let occurrences: ReturnType<typeof storedOccurrences>;
      try {
        occurrences = storedOccurrences(tx, event.recurrence);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Nothing within the stored days (past, or too many): not imported; a stored copy goes.
        seen.delete(event.key);
        counts.skipped++;
        continue;
      }
      const row = existing
        ? await repo.updateActivity(tx.db, existing.id, { ...next, updatedAt: tx.now })
        : await repo.insertActivity(tx.db, {
            actorId: current.actorId,
            ...next,
            createdAt: tx.now,
            updatedAt: tx.now,
          });
      if (existing) await repo.deleteOccurrences(tx.db, row.id);
      await repo.insertOccurrences(tx.db, occurrenceKey(row), occurrences);
      counts[existing ? 'updated' : 'created']++;
    }
    const gone = [...stored.values()].filter((a) => !seen.has(a.feedKey as string)).map((a) => a.id);
    await repo.deleteActivities(tx.db, current.actorId, gone);
    counts.deleted = gone.length;
    await repo.recordFeedResult(tx.db, current.actorId, { syncedAt: tx.now, counts });
    if (counts.created + counts.updated + counts.deleted > 0)
      await audit(tx, {
        action: 'network.feed.sync',
        entityType: 'network_actor',
        entityId: current.actorId,
      });
  });
}

/** The daily job's part: every feed fetched and brought in line, one after the other. */
export async function syncFeeds(ctx: Ctx): Promise<Record<string, number>> {
  const feeds = await repo.listFeeds(ctx.db);
  for (const feed of feeds) await syncFeed(ctx, feed);
  const problems = (await repo.listFeeds(ctx.db)).filter((f) => f.problem).length;
  return { feeds: feeds.length, feedProblems: problems };
}

async function ownActor(ctx: Ctx, actorId: string) {
  const actor = await repo.findActor(ctx.db, actorId);
  if (!actor) throw errors.notFound('params.id');
  authorize(ctx, 'network.feed', actor);
  return actor;
}

/** The feed as the API shows it: settings, the last fetch and its problem in the reader's language. */
async function feedView(ctx: Ctx, actorId: string) {
  const feed = await repo.findFeed(ctx.db, actorId);
  if (!feed) return { feed: null };
  const activities = await repo.listFeedActivities(ctx.db, actorId);
  return {
    feed: {
      url: feed.url,
      kind: feed.kind as ActivityKind,
      ortsteilId: feed.ortsteilId,
      targetGroups: feed.targetGroups as TargetGroup[],
      languages: feed.languages,
      public: feed.public,
      syncedAt: feed.syncedAt?.toISOString() ?? null,
      okAt: feed.okAt?.toISOString() ?? null,
      problem: feed.problem
        ? {
            code: feed.problem as FeedProblem,
            message: translate(ctx.locale, PROBLEM_MESSAGE[feed.problem as FeedProblem]),
          }
        : null,
      counts: feed.counts
        ? {
            created: feed.counts.created ?? 0,
            updated: feed.counts.updated ?? 0,
            deleted: feed.counts.deleted ?? 0,
            unchanged: feed.counts.unchanged ?? 0,
            skipped: feed.counts.skipped ?? 0,
          }
        : null,
      activities: activities.length,
    },
  };
}

export async function getFeed(ctx: Ctx, actorId: string) {
  await ownActor(ctx, actorId);
  return feedView(ctx, actorId);
}

/**
 * Sets an actor's feed (its URL and the defaults for its events) and imports it at once. An address that is no
 * http(s) URL, or one of this network (private, loopback) when that is not allowed, is a 400 naming body.url;
 * a feed that cannot be fetched or read is saved with its problem.
 */
export async function setFeed(ctx: Ctx, actorId: string, input: FeedBody) {
  const actor = await ownActor(ctx, actorId);
  const url = input.url.replace(/^webcals?:\/\//i, 'https://');
  try {
    checkOutsideUrl(url, ctx.config.privateFetchAllow);
  } catch {
    throw new AppError('network.feed_url', { field: 'body.url' });
  }
  const districtId = districtOf(ctx, input.ortsteilId, 'body.ortsteilId');
  await inTransaction(ctx, async (tx) => {
    await repo.upsertFeed(tx.db, {
      actorId: actor.id,
      url,
      kind: input.kind,
      ortsteilId: input.ortsteilId,
      districtId,
      targetGroups: [...new Set(input.targetGroups)],
      languages: [...new Set(input.languages)],
      public: input.public,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'network.feed.set', entityType: 'network_actor', entityId: actor.id });
  });
  const feed = await repo.findFeed(ctx.db, actor.id);
  if (feed) await syncFeed(ctx, feed);
  return feedView(ctx, actor.id);
}

/** Fetches an actor's feed now (as the daily job does). */
export async function syncFeedNow(ctx: Ctx, actorId: string) {
  await ownActor(ctx, actorId);
  const feed = await repo.findFeed(ctx.db, actorId);
  if (!feed) throw errors.notFound('params.id');
  await syncFeed(ctx, feed);
  return feedView(ctx, actorId);
}

/** Removes an actor's feed and the activities it brought in. */
export async function deleteFeed(ctx: Ctx, actorId: string): Promise<void> {
  const actor = await ownActor(ctx, actorId);
  await inTransaction(ctx, async (tx) => {
    const imported = await repo.listFeedActivities(tx.db, actor.id);
    await repo.deleteActivities(
      tx.db,
      actor.id,
      imported.map((a) => a.id),
    );
    await repo.deleteFeed(tx.db, actor.id);
    await audit(tx, { action: 'network.feed.delete', entityType: 'network_actor', entityId: actor.id });
  });
}
