// The gaps view: week × Ortsteil for one target group, where nothing is offered.
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { addDays, weekStart, zonedToUtc } from '../../core/time.ts';
import type { TargetGroup } from '../directory/index.ts';
import { horizon, KEEP_PAST_DAYS } from './common.ts';
import * as repo from './network.repository.ts';
import { networkSettings } from './settings.ts';

/**
 * How many activities of approved actors (public and internal: an internal group still serves its target group)
 * run per Ortsteil and week for one target group; a 0 is a gap. Only weeks whose occurrences are stored can be
 * asked: from six weeks back to the horizon's end.
 */
export async function gaps(
  ctx: Ctx,
  input: {
    targetGroup: TargetGroup;
    from?: string | undefined;
    weeks: number;
    districtId?: string | undefined;
  },
) {
  authorize(ctx, 'network.gaps');
  const { today, last } = horizon(ctx);
  const first = weekStart(input.from ?? today);
  const outside = (field: string) =>
    new AppError('network.outside_horizon', { field, params: { days: networkSettings(ctx).horizonDays } });
  if (first < weekStart(addDays(today, -KEEP_PAST_DAYS)) || first > last) throw outside('query.from');
  if (addDays(first, 7 * input.weeks - 1) > addDays(last, 6)) throw outside('query.weeks');
  const districts = input.districtId
    ? ctx.city.districts.filter((d) => d.id === input.districtId)
    : ctx.city.districts;
  if (districts.length === 0) throw new AppError('network.district_unknown', { field: 'query.districtId' });
  const places = districts.flatMap((d) => d.ortsteile.map((o) => ({ ortsteilId: o.id, districtId: d.id })));
  const weeks = Array.from({ length: input.weeks }, (_, i) => addDays(first, 7 * i));
  const timeZone = ctx.city.profile.timezone;
  const found = await repo.countActivitiesByWeek(ctx.db, {
    from: zonedToUtc(first, '00:00', timeZone),
    to: zonedToUtc(addDays(first, 7 * input.weeks), '00:00', timeZone),
    timeZone,
    targetGroup: input.targetGroup,
    ortsteile: places.map((p) => p.ortsteilId),
  });
  const counts = new Map(found.map((f) => [`${f.ortsteilId} ${f.week}`, f.count]));
  const rows = places.map((place) => ({
    ...place,
    counts: weeks.map((week) => counts.get(`${place.ortsteilId} ${week}`) ?? 0),
  }));
  return {
    targetGroup: input.targetGroup,
    weeks,
    rows,
    gaps: rows.reduce((sum, row) => sum + row.counts.filter((count) => count === 0).length, 0),
  };
}
