/**
 * Appointment slots from each service's opening hours: 30-minute slots for the next four weeks, made at every start
 * (seedBase) and by the demo. Idempotent: the unique (service, start) index skips the slots that exist.
 */
import type { Ctx } from '../../core/context.ts';
import { addDays, isoWeekday, localDate, zonedToUtc } from '../../core/time.ts';
import * as repo from './counselling.repository.ts';

export const SLOT_MINUTES = 30;
export const SLOT_DAYS = 28;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export async function extendSlots(ctx: Ctx): Promise<void> {
  const zone = ctx.city.profile.timezone;
  const today = localDate(ctx.now, zone);
  for (const service of await repo.listServices(ctx.db)) {
    const slots: { serviceId: string; startsAt: Date; endsAt: Date }[] = [];
    for (let offset = 0; offset < SLOT_DAYS; offset++) {
      const day = addDays(today, offset);
      for (const hours of service.openingHours.filter((h) => h.weekday === isoWeekday(day))) {
        for (let m = minutesOf(hours.from); m + SLOT_MINUTES <= minutesOf(hours.to); m += SLOT_MINUTES) {
          slots.push({
            serviceId: service.id,
            startsAt: zonedToUtc(day, timeOf(m), zone),
            endsAt: zonedToUtc(day, timeOf(m + SLOT_MINUTES), zone),
          });
        }
      }
    }
    await repo.insertSlots(ctx.db, slots);
  }
}
