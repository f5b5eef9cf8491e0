/** Local dates and times of the city, travel times, and the interval arithmetic of availability. */

export type Point = { lat: number; lon: number };
export type Interval = { start: Date; end: Date };

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine), the same formula as the database trigger. */
export function greatCircleKm(a: Point, b: Point): number {
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Travel minutes = great-circle km / speed × 60 (the solver's and the trigger's rule). */
export function travelMinutes(a: Point, b: Point, speedKmh: number): number {
  return (greatCircleKm(a, b) / speedKmh) * 60;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(instant: Date, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
    seconds: Number(p.second),
  };
}

/** The city's local date (YYYY-MM-DD) at an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return parts(instant, timeZone).date;
}

/** The instant at which the city's clocks show `date` `time` ("HH:MM"); DST gaps move forward. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wallMs = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: guess with the offset at the wall time read as UTC, then correct with the offset found there.
  let guess = wallMs;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const [py, pm, pd] = p.date.split('-').map(Number) as [number, number, number];
    const shownMs = Date.UTC(py, pm - 1, pd) + p.minutes * 60_000 + p.seconds * 1000;
    guess += wallMs - shownMs;
  }
  return new Date(guess);
}

/** A local date plus n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
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
  const p = parts(instant, timeZone);
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
