/**
 * The city's local dates and wall-clock times, daylight saving included (Intl, no time-zone library). Pure and
 * without Node APIs or imports: the server and the web app use the same functions.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date, minutes after midnight and seconds that the clocks of a time zone show at an instant. */
export function localParts(instant: Date, timeZone: string) {
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
  return localParts(instant, timeZone).date;
}

/**
 * The instant at which the city's clocks show `date` `time` ("HH:MM"). A time the clocks skip (a DST gap) comes out
 * shifted by the gap: forward where the change is not at midnight (Europe), back where it is (e.g. Santiago).
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wallMs = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: guess with the offset at the wall time read as UTC, then correct with the offset found there.
  let guess = wallMs;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
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

/** A local date plus n months (day overflow rolls on, like Date: 2026-01-31 + 1 month = 2026-03-03). */
export function addMonths(date: string, months: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

/** The local month ("2026-12") at an instant. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** The local time ("09:30") at an instant. */
export function localTime(instant: Date, timeZone: string): string {
  const { minutes } = localParts(instant, timeZone);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The local date and time ("2026-12-07 09:30") at an instant. */
export function localDateTime(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone)} ${localTime(instant, timeZone)}`;
}

/** A wall-clock reading as numbers, year … second. */
export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** What the clocks of a time zone show at an instant, as numbers. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const { date, minutes, seconds } = localParts(instant, timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: seconds };
}

/** The UTC offset of a time zone at an instant, in minutes (Europe/Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const { date, minutes, seconds } = localParts(instant, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(y, m - 1, d) + minutes * 60_000 + seconds * 1000;
  return Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** An offset in minutes as ISO 8601 writes it: 60 → "+01:00", -210 → "-03:30". */
export function formatOffset(offset: number): string {
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
}

/** An ISO timestamp with the zone's offset, e.g. 2026-12-07T09:30:00+01:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const { date, minutes, seconds } = localParts(instant, timeZone);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return `${date}T${hh}:${mm}:${ss}${formatOffset(offsetMinutes(instant, timeZone))}`;
}

/** The instants a local month ("2026-12") spans in a time zone: [from, to). */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const next = addMonths(`${month}-01`, 1);
  return { from: zonedToUtc(`${month}-01`, '00:00', timeZone), to: zonedToUtc(next, '00:00', timeZone) };
}

/** The first instant of the calendar year of a local month ("2026-12") in a time zone. */
export function yearStart(month: string, timeZone: string): Date {
  return zonedToUtc(`${month.slice(0, 4)}-01-01`, '00:00', timeZone);
}

/** A span of time, [start, end). */
export type Interval = { start: Date; end: Date };

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

const WEEKDAY_CODES: readonly string[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** Opening hours: on these days (MO … SU), from … to (local time, HH:MM). */
export type OpeningHours = { days: readonly string[]; from: string; to: string };

/** Opening hours in a language: "Mo–Fr 08:30–12:00 und Do 14:00–17:00" (weekday names from Intl). */
export function openingHours(lang: string, hours: readonly OpeningHours[]): string {
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
  // 5 January 2026 was a Monday.
  const name = (index: number) => weekday.format(new Date(Date.UTC(2026, 0, 5 + index)));
  const entries = hours.map(({ days, from, to }) => {
    const indexes = [...new Set(days.map((d) => WEEKDAY_CODES.indexOf(d)))].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const index of indexes) {
      const last = ranges.at(-1);
      if (last && last[1] === index - 1) last[1] = index;
      else ranges.push([index, index]);
    }
    const dayText = ranges
      .map(([first, last]) =>
        first === last ? name(first) : `${name(first)}${last === first + 1 ? ', ' : '–'}${name(last)}`,
      )
      .join(', ');
    return `${dayText} ${from}–${to}`;
  });
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(entries);
}
