// The module's figures for the masterplan: active actors, activities per month, the rooms' use. Counts under 5
// leave the module as "<5".
import type { Ctx } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { addDays, zonedToUtc } from '../../core/time.ts';
import { horizon } from './common.ts';
import type { TargetGroup } from '../directory/index.ts';
import * as repo from './network.repository.ts';
import type { ActorKind } from './network.terms.ts';
import { networkSettings } from './settings.ts';

const SMALL_COUNT = 5;
type Count = number | '<5';
const suppress = (n: number): Count => (n > 0 && n < SMALL_COUNT ? '<5' : n);

/** How many months the activities' figures cover: this one and the next five (their occurrences are stored). */
export const FIGURE_MONTHS = 6;
/** The rooms' use: confirmed bookings in the last four weeks. */
export const ROOM_DAYS = 28;

/** The first day of the month `offset` months after the one of `day` (YYYY-MM-DD). */
function monthStart(day: string, offset: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Active (approved) actors by kind and Stadtbezirk; activities per month by Stadtbezirk and target group (each
 * activity once a month however often it meets); per room of the meeting centre its confirmed bookings, hours and
 * days in use in the last four weeks, and the share of those days.
 */
export async function networkFigures(ctx: Ctx) {
  authorize(ctx, 'network.figures');
  const { today } = horizon(ctx);
  const timeZone = ctx.city.profile.timezone;
  const from = monthStart(today, 0);
  const to = monthStart(today, FIGURE_MONTHS);
  const roomsFrom = addDays(today, -ROOM_DAYS);
  const [actors, activities, use] = [
    await repo.countActorsByKindAndDistrict(ctx.db),
    await repo.countActivitiesByMonth(ctx.db, { from, to }),
    await repo.roomUse(ctx.db, {
      from: zonedToUtc(roomsFrom, '00:00', timeZone),
      to: zonedToUtc(today, '00:00', timeZone),
      timeZone,
    }),
  ];
  const { centre } = networkSettings(ctx);
  const useOf = new Map(use.map((u) => [u.roomId, u]));
  return {
    actors: {
      total: suppress(actors.reduce((sum, a) => sum + a.count, 0)),
      byKindAndDistrict: actors.map((a) => ({ ...a, kind: a.kind as ActorKind, count: suppress(a.count) })),
    },
    activities: {
      months: Array.from({ length: FIGURE_MONTHS }, (_, i) => monthStart(today, i).slice(0, 7)),
      byMonth: activities.map((a) => ({
        ...a,
        targetGroup: a.targetGroup as TargetGroup,
        count: suppress(a.count),
      })),
    },
    rooms: {
      from: roomsFrom,
      to: addDays(today, -1),
      days: ROOM_DAYS,
      items: centre.rooms.map((room) => {
        const u = useOf.get(room.id);
        return {
          roomId: room.id,
          name: room.name,
          bookings: suppress(u?.bookings ?? 0),
          hours: Math.round((u?.hours ?? 0) * 10) / 10,
          daysInUse: u?.days ?? 0,
          rate: Math.round(((u?.days ?? 0) / ROOM_DAYS) * 100) / 100,
        };
      }),
    },
  };
}
