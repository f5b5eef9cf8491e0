/** Local dates and times of the city, travel times, and the interval arithmetic of availability. */
import { greatCircleKm } from '../../core/geo.ts';
import { addDays, localParts } from '../../core/time.ts';

export { greatCircleKm } from '../../core/geo.ts';
export { addDays, localDate, zonedToUtc } from '../../core/time.ts';

export type Point = { lat: number; lon: number };
export type Interval = { start: Date; end: Date };

/** Travel minutes = great-circle km / speed × 60 (the solver's and the trigger's rule). */
export function travelMinutes(a: Point, b: Point, speedKmh: number): number {
  return (greatCircleKm(a, b) / speedKmh) * 60;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the local week of a date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Intervals minus other intervals (each list need not be sorted); pieces shorter than a minute are dropped. */
export function subtract(windows: Interval[], cuts: Interval[]): Interval[] {
  let result = windows.map((w) => ({ ...w }));
  for (const cut of cuts) {
    const next: Interval[] = [];
    for (const w of result) {
      if (cut.end <= w.start || cut.start >= w.end) {
        next.push(w);
        continue;
      }
      if (cut.start > w.start) next.push({ start: w.start, end: cut.start });
      if (cut.end < w.end) next.push({ start: cut.end, end: w.end });
    }
    result = next.filter((w) => w.end.getTime() - w.start.getTime() >= 60_000);
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** An ISO timestamp with the city's offset, e.g. 2026-12-07T09:30:00+01:00 (the solver's input format). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(y, m - 1, d) + p.minutes * 60_000 + p.seconds * 1000;
  const offset = Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(p.minutes / 60)).padStart(2, '0');
  const mm = String(p.minutes % 60).padStart(2, '0');
  const ss = String(p.seconds).padStart(2, '0');
  return `${p.date}T${hh}:${mm}:${ss}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
