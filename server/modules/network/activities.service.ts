// Activities: plan (the overlap check), save with their occurrences, change, delete, list.
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { addDays, localDate, zonedToUtc } from '../../core/time.ts';
import { organisationNames } from '../platform/index.ts';
import { actorFor, actorNames, activityView, districtOf, horizon, KEEP_PAST_DAYS } from './common.ts';
import type { ActivityBody, CheckBody } from './network.schema.ts';
import * as repo from './network.repository.ts';
import { MAX_OCCURRENCES } from './network.terms.ts';
import { expand, laterDay, type Occurrence, type Recurrence, ruleProblem } from './recurrence.ts';
import { nearbyOrtsteile, networkSettings } from './settings.ts';

/** How many other activities the check names at most. */
const MAX_OVERLAPS = 50;

type When = Pick<CheckBody, 'date' | 'from' | 'to' | 'rrule' | 'exceptions' | 'skipSchoolHolidays'>;

/** The recurrence of a request, checked: times in order, a usable rule (400s naming the field). */
function recurrenceOf(input: When): Recurrence {
  if (input.to <= input.from) throw new AppError('network.time_order', { field: 'body.to' });
  const rrule = input.rrule ? input.rrule.trim().replace(/^RRULE:/i, '') : null;
  if (rrule) {
    const problem = ruleProblem(rrule);
    if (problem) throw new AppError('network.rrule_invalid', { field: 'body.rrule', params: { problem } });
  }
  return {
    date: input.date,
    from: input.from,
    to: input.to,
    rrule,
    exceptions: input.exceptions ?? [],
    skipSchoolHolidays: input.skipSchoolHolidays ?? false,
  };
}

/** The occurrences from `fromDate` to the horizon's end; too many is a 400 on the rule. */
function occurrencesOf(ctx: Ctx, recurrence: Recurrence, fromDate: string) {
  const { last } = horizon(ctx);
  const settings = networkSettings(ctx);
  const { occurrences, cut } = expand(
    recurrence,
    { fromDate, toDate: last, timeZone: ctx.city.profile.timezone, holidays: settings.schoolHolidays },
    MAX_OCCURRENCES,
  );
  if (cut)
    throw new AppError('network.too_many_occurrences', {
      field: recurrence.rrule ? 'body.rrule' : 'body.date',
      params: { max: MAX_OCCURRENCES },
    });
  return occurrences;
}

/**
 * Other actors' activities that overlap (same target group, same or neighbouring Ortsteil): one query, and one
 * for their actors' names when any overlaps.
 */
async function overlapsOf(
  ctx: Ctx,
  input: {
    occurrences: readonly Occurrence[];
    ortsteilId: string;
    targetGroups: readonly string[];
    actorId: string | null;
    organisationId?: string | null;
    activityId: string | null;
  },
) {
  const found = await repo.findOverlaps(ctx.db, {
    ranges: input.occurrences,
    ortsteile: nearbyOrtsteile(ctx, input.ortsteilId),
    targetGroups: input.targetGroups,
    exceptActorId: input.actorId,
    exceptOrganisationId: input.actorId ? null : (input.organisationId ?? null),
    exceptActivityId: input.activityId,
    limit: MAX_OVERLAPS,
  });
  // The actors' names through the platform (a second query only when something overlaps).
  const names = await organisationNames(
    ctx.db,
    found.map((f) => f.organisationId),
  );
  return found.map((f) => ({
    activityId: f.activityId,
    actorName: names.get(f.organisationId) ?? '',
    title: f.title,
    ortsteilId: f.ortsteilId,
    start: f.start.toISOString(),
    end: f.end.toISOString(),
    occurrences: f.count,
  }));
}

/**
 * The overlap check while an activity is planned: its occurrences from today to the horizon's end against every
 * other actor's stored occurrences. Staff plan for their own actor (left out); coordinators may name one.
 */
export async function checkOverlaps(ctx: Ctx, input: CheckBody) {
  authorize(ctx, 'network.activities.check');
  const recurrence = recurrenceOf(input);
  districtOf(ctx, input.ortsteilId, 'body.ortsteilId');
  const { today, last } = horizon(ctx);
  const occurrences = occurrencesOf(ctx, recurrence, today);
  const overlaps = await overlapsOf(ctx, {
    occurrences,
    ortsteilId: input.ortsteilId,
    targetGroups: input.targetGroups,
    // Staff's own actor is left out inside the one query (by their organisation), unless they name an actor.
    actorId: input.actorId ?? null,
    organisationId: ctx.actor.organisationId ?? null,
    activityId: input.activityId ?? null,
  });
  return { overlaps, horizon: { from: today, to: last }, occurrences: occurrences.length };
}

/** The stored occurrences of an activity: from a few weeks back (or its first day) to the horizon's end. */
export function storedOccurrences(ctx: Ctx, recurrence: Recurrence) {
  const { today } = horizon(ctx);
  const earliest = addDays(today, -KEEP_PAST_DAYS);
  const occurrences = occurrencesOf(ctx, recurrence, laterDay(recurrence.date, earliest));
  if (occurrences.length === 0) throw new AppError('network.no_occurrences', { field: 'body.date' });
  return occurrences;
}

async function checkRoom(ctx: Ctx, roomId: string | null | undefined): Promise<void> {
  if (roomId && !(await repo.findRoom(ctx.db, roomId))) throw errors.notFound('body.roomId');
}

function rowOf(input: ActivityBody, recurrence: Recurrence, districtId: string) {
  return {
    title: input.title,
    description: input.description ?? null,
    kind: input.kind,
    startDate: recurrence.date,
    startTime: recurrence.from,
    endTime: recurrence.to,
    rrule: recurrence.rrule,
    exceptions: [...new Set(recurrence.exceptions)].sort(),
    skipSchoolHolidays: recurrence.skipSchoolHolidays,
    ortsteilId: input.ortsteilId,
    districtId,
    place: input.place ?? null,
    roomId: input.roomId ?? null,
    targetGroups: [...new Set(input.targetGroups)],
    languages: [...new Set(input.languages)],
    public: input.public,
  };
}

/** Saves a new activity with its occurrences; the answer names the overlaps (saving is allowed anyway). */
export async function createActivity(ctx: Ctx, input: ActivityBody) {
  const actor = await actorFor(ctx, input.actorId, 'body.actorId');
  const recurrence = recurrenceOf(input);
  const districtId = districtOf(ctx, input.ortsteilId, 'body.ortsteilId');
  await checkRoom(ctx, input.roomId);
  const occurrences = storedOccurrences(ctx, recurrence);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertActivity(tx.db, {
      actorId: actor.id,
      ...rowOf(input, recurrence, districtId),
      createdBy: tx.actor.id,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await repo.insertOccurrences(tx.db, occurrenceKey(row), occurrences);
    await audit(tx, { action: 'network.activity.create', entityType: 'network_activity', entityId: row.id });
    return saved(tx, row, occurrences);
  });
}

/** Replaces an activity (all its fields) and its occurrences. */
export async function replaceActivity(ctx: Ctx, id: string, input: ActivityBody) {
  const existing = await repo.findActivity(ctx.db, id);
  if (!existing) throw errors.notFound('params.id');
  const actor = await repo.findActor(ctx.db, existing.actorId);
  if (!actor) throw errors.notFound('params.id');
  authorize(ctx, 'network.activity.write', actor);
  const recurrence = recurrenceOf(input);
  const districtId = districtOf(ctx, input.ortsteilId, 'body.ortsteilId');
  await checkRoom(ctx, input.roomId);
  const occurrences = storedOccurrences(ctx, recurrence);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateActivity(tx.db, id, {
      ...rowOf(input, recurrence, districtId),
      updatedAt: tx.now,
    });
    await repo.deleteOccurrences(tx.db, id);
    await repo.insertOccurrences(tx.db, occurrenceKey(row), occurrences);
    await audit(tx, { action: 'network.activity.update', entityType: 'network_activity', entityId: id });
    return saved(tx, row, occurrences);
  });
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  const existing = await repo.findActivity(ctx.db, id);
  if (!existing) throw errors.notFound('params.id');
  const actor = await repo.findActor(ctx.db, existing.actorId);
  if (!actor) throw errors.notFound('params.id');
  authorize(ctx, 'network.activity.write', actor);
  await inTransaction(ctx, async (tx) => {
    await repo.deleteActivity(tx.db, id);
    await audit(tx, { action: 'network.activity.delete', entityType: 'network_activity', entityId: id });
  });
}

/** Activities the caller may see (the coordinators all, or one actor's; staff their own actor's). */
export async function listActivities(ctx: Ctx, input: { actorId?: string | undefined }) {
  const scope = scopeOf(ctx, 'network.activities.list');
  const rows = await repo.listActivities(ctx.db, scope, input);
  const names = await actorNames(
    ctx,
    rows.map((r) => r.actorId),
  );
  return { items: rows.map((r) => activityView(r, names.get(r.actorId) ?? '')) };
}

export const occurrenceKey = (row: repo.ActivityRow) => ({
  activityId: row.id,
  actorId: row.actorId,
  ortsteilId: row.ortsteilId,
  targetGroups: row.targetGroups,
  public: row.public,
});

async function saved(ctx: Ctx, row: repo.ActivityRow, occurrences: Occurrence[]) {
  const { today } = horizon(ctx);
  const upcoming = occurrences.filter((o) => o.end > ctx.now || row.startDate >= today);
  const overlaps = await overlapsOf(ctx, {
    occurrences: upcoming,
    ortsteilId: row.ortsteilId,
    targetGroups: row.targetGroups,
    actorId: row.actorId,
    activityId: row.id,
  });
  const names = await actorNames(ctx, [row.actorId]);
  return {
    activity: activityView(row, names.get(row.actorId) ?? ''),
    overlaps,
    occurrences: occurrences.length,
  };
}

/** How many recurring activities the daily job extends per run (the rest on the next run). */
const EXTEND_BATCH = 2000;
/** How many of them are written per transaction. */
const WRITE_BATCH = 200;

/**
 * The daily job: recurring activities whose stored occurrences end more than a week before the horizon's end are
 * expanded again (from a few weeks back to the horizon), so the check and the calendar always look a year ahead.
 * An activity whose rule gives nothing after its last stored date (ended, or next date beyond the horizon) is left.
 */
export async function extendOccurrences(ctx: Ctx): Promise<Record<string, number>> {
  const { today, last } = horizon(ctx);
  const settings = networkSettings(ctx);
  const timeZone = ctx.city.profile.timezone;
  const stale = await repo.listRecurringStoredBefore(
    ctx.db,
    zonedToUtc(addDays(last, -7), '00:00', timeZone),
    EXTEND_BATCH,
  );
  // Expanded first (CPU only), then written a batch of activities per transaction: one delete and a few
  // multi-row inserts each, not a transaction per activity (420 demo activities took 16 s on PGlite that way).
  const due: { key: ReturnType<typeof occurrenceKey>; occurrences: Occurrence[] }[] = [];
  for (const { activity: row, last: stored } of stale) {
    const recurrence: Recurrence = {
      date: row.startDate,
      from: row.startTime,
      to: row.endTime,
      rrule: row.rrule,
      exceptions: row.exceptions,
      skipSchoolHolidays: row.skipSchoolHolidays,
    };
    const window = { toDate: last, timeZone, holidays: settings.schoolHolidays };
    // Nothing new after what is stored (the rule has ended, or its next date lies beyond the horizon): skip.
    const after = stored ? addDays(localDate(stored, timeZone), 1) : row.startDate;
    if (expand(recurrence, { ...window, fromDate: after }, 1).occurrences.length === 0) continue;
    const { occurrences } = expand(
      recurrence,
      { ...window, fromDate: laterDay(row.startDate, addDays(today, -KEEP_PAST_DAYS)) },
      MAX_OCCURRENCES,
    );
    due.push({ key: occurrenceKey(row), occurrences });
  }
  for (let i = 0; i < due.length; i += WRITE_BATCH) {
    const batch = due.slice(i, i + WRITE_BATCH);
    await inTransaction(ctx, async (tx) => {
      await repo.deleteOccurrencesOf(
        tx.db,
        batch.map((b) => b.key.activityId),
      );
      await repo.insertOccurrenceRows(
        tx.db,
        batch.flatMap((b) => b.occurrences.map((o) => ({ ...b.key, ...o }))),
      );
    });
  }
  const extended = due.length;
  return { extended };
}
