// What the network's services share: the caller's actor, the city's places, the horizon, the views with names.
import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { addDays, localDate } from '../../core/time.ts';
import { organisationNames } from '../platform/index.ts';
import type { ActivityRow } from './network.repository.ts';
import * as repo from './network.repository.ts';
import type { ActivityKind } from './network.terms.ts';
import { networkSettings } from './settings.ts';
import type { TargetGroup } from '../directory/index.ts';

/**
 * The actor an entry is for: the one named (coordinators, or staff naming their own), else the caller's
 * organisation's. Checks the write right on it; 409 when the caller's organisation has no entry yet.
 */
export async function actorFor(ctx: Ctx, actorId: string | null | undefined, field: string) {
  const actor = actorId
    ? await repo.findActor(ctx.db, actorId)
    : ctx.actor.organisationId
      ? await repo.findActorOfOrganisation(ctx.db, ctx.actor.organisationId)
      : undefined;
  if (!actor) {
    if (actorId) throw errors.notFound(field);
    authorize(ctx, 'network.actors.create');
    throw new AppError('network.no_actor', { field });
  }
  authorize(ctx, 'network.activity.write', actor);
  return actor;
}

/** The Stadtbezirk of an Ortsteil of the city, or a 400 naming the field. */
export function districtOf(ctx: Ctx, ortsteilId: string, field: string): string {
  for (const district of ctx.city.districts)
    if (district.ortsteile.some((o) => o.id === ortsteilId)) return district.id;
  throw new AppError('network.ortsteil_unknown', { field });
}

/** Whether each Stadtbezirk is one of the city's, or a 400 naming the field. */
export function checkDistricts(ctx: Ctx, ids: readonly string[], field: string): void {
  const known = new Set(ctx.city.districts.map((d) => d.id));
  const wrong = ids.findIndex((id) => !known.has(id));
  if (wrong >= 0) throw new AppError('network.district_unknown', { field: `${field}.${wrong}` });
}

/** Occurrences stay stored this many days back (the calendar's recent past, the gaps view's earliest week). */
export const KEEP_PAST_DAYS = 42;

/** Today and the last day of the horizon (local dates): what the check and the stored occurrences cover. */
export function horizon(ctx: Ctx): { today: string; last: string } {
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  return { today, last: addDays(today, networkSettings(ctx).horizonDays) };
}

/** Actors' names (their organisations'), by actor id: one query for the actors, one for the names. */
export async function actorNames(ctx: Ctx, actorIds: readonly string[]): Promise<Map<string, string>> {
  const actors = await repo.actorsByIds(ctx.db, [...new Set(actorIds)]);
  const names = await organisationNames(
    ctx.db,
    actors.map((a) => a.organisationId),
  );
  return new Map(actors.map((a) => [a.id, names.get(a.organisationId) ?? '']));
}

/** An activity as the API shows it. */
export function activityView(row: ActivityRow, actorName: string) {
  return {
    id: row.id,
    actorId: row.actorId,
    actorName,
    title: row.title,
    description: row.description,
    kind: row.kind as ActivityKind,
    date: row.startDate,
    from: row.startTime,
    to: row.endTime,
    rrule: row.rrule,
    exceptions: row.exceptions,
    skipSchoolHolidays: row.skipSchoolHolidays,
    ortsteilId: row.ortsteilId,
    districtId: row.districtId,
    place: row.place,
    roomId: row.roomId,
    targetGroups: row.targetGroups as TargetGroup[],
    languages: row.languages,
    public: row.public,
  };
}
