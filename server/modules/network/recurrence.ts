/**
 * Occurrences of an activity: one day, or an RFC 5545 recurrence read on the city's clocks ("every Tuesday
 * 15–17 h" stays 15–17 h across daylight saving), minus exception days and, when asked, the school holidays.
 * Pure (no database): the service stores what it answers, the tests compare it with the rrule package's own reading
 * of the same rule as iCalendar text (DTSTART;TZID, EXDATE).
 */
import { createRequire } from 'node:module';
import { addDays, zonedToUtc } from '../../core/time.ts';
import { FREQUENCIES } from './network.terms.ts';

// rrule ships CommonJS for Node (its ESM build has no "exports"): loaded through require, typed from its types.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

export type Recurrence = {
  /** The first day (local date YYYY-MM-DD). */
  date: string;
  /** Local times "HH:MM", the same day. */
  from: string;
  to: string;
  /** RRULE without DTSTART (e.g. FREQ=WEEKLY;BYDAY=TU), or null for one date. */
  rrule: string | null;
  /** Local dates left out. */
  exceptions: readonly string[];
  skipSchoolHolidays: boolean;
};
export type Holiday = { from: string; to: string };
/** One occurrence: its instants, and its day on the city's clocks. */
export type Occurrence = { start: Date; end: Date; day: string };

/** Why a rule cannot be used, as an error code of the caller's choice. */
export type RuleProblem = 'syntax' | 'frequency' | 'time_parts' | 'dtstart' | 'never';

const TIME_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
/** The parts an activity's rule may have (times of day are the activity's own). */
const ALLOWED_PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
];
/**
 * Parts that make a daily or weekly rule able to never match (the 30th of February every day): the engine would
 * search up to the year 9999, so they are for monthly and yearly rules only.
 */
const MONTHLY_PARTS = ['BYMONTHDAY', 'BYSETPOS'];

/**
 * Checks a rule written by a person: RRULE parts only, a frequency of DAILY to YEARLY, no times of day (those are the
 * activity's), no DTSTART. Answers the problem, or null when the rule is fine.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|\n/i.test(text)) return 'dtstart';
  const parts = text.split(';').map((p) => p.split('=')[0]?.toUpperCase() ?? '');
  if (parts.some((p) => TIME_PARTS.includes(p))) return 'time_parts';
  if (parts.some((p) => !ALLOWED_PARTS.includes(p))) return 'syntax';
  if (/FREQ=(DAILY|WEEKLY)/i.test(text) && parts.some((p) => MONTHLY_PARTS.includes(p))) return 'syntax';
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) return 'syntax';
    const freq = RRule.FREQUENCIES[options.freq];
    if (!freq || !(FREQUENCIES as readonly string[]).includes(freq)) return 'frequency';
    if (options.interval !== undefined && !(options.interval >= 1 && options.interval <= 99)) return 'syntax';
    // A rule that never matches (the 31st of February) would make the engine search up to the year 9999 at every
    // expansion: it must match within the last two centuries the engine knows (the calendar repeats every 400 years).
    const probe = new RRule({ ...options, until: null, count: 1, dtstart: new Date(Date.UTC(9800, 0, 1)) });
    return probe.all().length === 1 ? null : 'never';
  } catch {
    return 'syntax';
  }
}

/** The later of two local dates (YYYY-MM-DD sorts as text). */
export const laterDay = (a: string, b: string) => [a, b].sort()[1] as string;

/** Whether a local date lies in one of the holidays (first and last day included). */
export function inHolidays(date: string, holidays: readonly Holiday[]): boolean {
  return holidays.some((h) => h.from <= date && date <= h.to);
}

/** "YYYY-MM-DD" + "HH:MM" as a floating time (the wall clock written as UTC), as rrule works without a zone. */
const floating = (date: string, time: string) => new Date(`${date}T${time}:00Z`);

/**
 * The occurrences whose day lies in [fromDate, toDate] (local dates, both included), at most `limit` of them (the
 * rest is cut: the caller tells the user). Times are the city's wall-clock times converted to instants.
 */
export function expand(
  recurrence: Recurrence,
  window: { fromDate: string; toDate: string; timeZone: string; holidays: readonly Holiday[] },
  limit = Number.POSITIVE_INFINITY,
): { occurrences: Occurrence[]; cut: boolean } {
  const days = expandDays(recurrence, window, limit);
  return {
    occurrences: days.days.map((day) => ({
      start: onCityClock(day, recurrence.from, window.timeZone),
      end: onCityClock(day, recurrence.to, window.timeZone),
      day,
    })),
    cut: days.cut,
  };
}

/** Instants of wall-clock times already converted, by zone, day and time (at most MEMO_SIZE, then started anew). */
const converted = new Map<string, number>();
const MEMO_SIZE = 100_000;

/**
 * zonedToUtc(), remembered: Intl's formatToParts costs about 40 µs (four per occurrence), which made converting a
 * year of a daily rule the larger part of an overlap check; the same days and times come back in every check.
 */
function onCityClock(day: string, time: string, timeZone: string): Date {
  const key = `${timeZone}|${day}|${time}`;
  let ms = converted.get(key);
  if (ms === undefined) {
    if (converted.size >= MEMO_SIZE) converted.clear();
    ms = zonedToUtc(day, time, timeZone).getTime();
    converted.set(key, ms);
  }
  return new Date(ms);
}

/** The local dates of the occurrences in the window (see expand). */
export function expandDays(
  recurrence: Recurrence,
  window: { fromDate: string; toDate: string; holidays: readonly Holiday[] },
  limit = Number.POSITIVE_INFINITY,
): { days: string[]; cut: boolean } {
  const exceptions = new Set(recurrence.exceptions);
  const keep = (day: string) =>
    day >= window.fromDate &&
    day <= window.toDate &&
    !exceptions.has(day) &&
    !(recurrence.skipSchoolHolidays && inHolidays(day, window.holidays));
  if (!recurrence.rrule) return { days: keep(recurrence.date) ? [recurrence.date] : [], cut: false };
  const simple = simpleRule(recurrence.rrule);
  const days: string[] = [];
  let cut = false;
  const take = (day: string) => {
    if (!keep(day)) return true;
    if (days.length >= limit) {
      cut = true;
      return false;
    }
    days.push(day);
    return true;
  };
  if (simple) walkSimple(simple, recurrence, window, take);
  else walkRrule(recurrence, window, take);
  return { days, cut };
}

/**
 * The same days as expandDays, always read by the rrule package (the reference the arithmetic for daily and weekly
 * rules is tested against).
 */
export function expandDaysWithRrule(
  recurrence: Recurrence,
  window: { fromDate: string; toDate: string; holidays: readonly Holiday[] },
): string[] {
  const exceptions = new Set(recurrence.exceptions);
  const days: string[] = [];
  if (!recurrence.rrule) return [recurrence.date];
  walkRrule(recurrence, window, (day) => {
    if (
      day >= window.fromDate &&
      day <= window.toDate &&
      !exceptions.has(day) &&
      !(recurrence.skipSchoolHolidays && inHolidays(day, window.holidays))
    )
      days.push(day);
    return true;
  });
  return days;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a local date, and back (0 = Thursday). */
const dayNumber = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Monday 0 … Sunday 6. */
const weekdayOf = (n: number) => (((n + 3) % 7) + 7) % 7;

/** A daily or weekly rule whose days follow by arithmetic: interval, plain weekdays, week start, COUNT, UNTIL. */
type SimpleRule = {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  /** Weekdays (Monday 0), or null: the first day's weekday (weekly) or every day (daily). */
  byDay: number[] | null;
  weekStart: number;
  count: number | null;
  /** The last moment an occurrence may start, on the floating clock (the rrule package's reading of UNTIL). */
  until: Date | null;
};

/** The rule as a SimpleRule, or null when it needs the rrule package (monthly, yearly, BYMONTH, "1MO" …). */
function simpleRule(text: string): SimpleRule | null {
  const parts = new Map<string, string>();
  for (const part of text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    const [name = '', value = ''] = part.split('=');
    if (!name) continue;
    if (parts.has(name.toUpperCase())) return null;
    parts.set(name.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return null;
  for (const name of parts.keys())
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'WKST', 'COUNT', 'UNTIL'].includes(name)) return null;
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  if (
    !Number.isInteger(interval) ||
    interval < 1 ||
    (count !== null && !(Number.isInteger(count) && count >= 0))
  )
    return null;
  const byDayText = parts.get('BYDAY');
  const byDay = byDayText ? byDayText.split(',').map((d) => WEEKDAYS.indexOf(d)) : null;
  if (byDay && (byDay.length === 0 || byDay.some((d) => d < 0))) return null;
  const weekStart = parts.has('WKST') ? WEEKDAYS.indexOf(parts.get('WKST') as string) : 0;
  if (weekStart < 0) return null;
  let until: Date | null = null;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(untilText);
    if (!m) return null;
    until = new Date(
      Date.UTC(
        +(m[1] as string),
        +(m[2] as string) - 1,
        +(m[3] as string),
        +(m[4] ?? 0),
        +(m[5] ?? 0),
        +(m[6] ?? 0),
      ),
    );
    if (Number.isNaN(until.getTime())) return null;
  }
  return {
    freq,
    interval,
    byDay: byDay ? [...new Set(byDay)].sort((a, b) => a - b) : null,
    weekStart,
    count,
    until,
  };
}

/**
 * Walks the days of a simple rule from its first day in order, calling `take` until it answers false or the
 * window (or COUNT, UNTIL) ends. Without COUNT it starts at the window's first period instead of the rule's first day.
 */
function walkSimple(
  rule: SimpleRule,
  recurrence: Recurrence,
  window: { fromDate: string; toDate: string },
  take: (day: string) => boolean,
): void {
  const first = dayNumber(recurrence.date);
  const last = dayNumber(window.toDate);
  const [hh, mm] = recurrence.from.split(':').map(Number) as [number, number];
  const startMs = hh * 3_600_000 + mm * 60_000;
  const ends = (n: number) => rule.until !== null && n * DAY_MS + startMs > rule.until.getTime();
  let seen = 0;
  const visit = (n: number): boolean => {
    if (n > last || ends(n)) return false;
    if (rule.count !== null && seen >= rule.count) return false;
    seen++;
    return take(dateOf(n));
  };
  if (rule.freq === 'DAILY') {
    const allowed = rule.byDay ? new Set(rule.byDay) : null;
    const step = rule.interval;
    let n = first;
    if (rule.count === null && dayNumber(window.fromDate) > first)
      n = first + Math.floor((dayNumber(window.fromDate) - first) / step) * step;
    for (; n <= last; n += step) {
      if (allowed && !allowed.has(weekdayOf(n))) continue;
      if (!visit(n)) return;
    }
    return;
  }
  // Weekly: the week (from WKST) of the first day, then every interval-th week; in each, the BYDAY days in order.
  const days = rule.byDay ?? [weekdayOf(first)];
  const offsets = days.map((d) => (d - rule.weekStart + 7) % 7).sort((a, b) => a - b);
  const firstWeek = first - ((weekdayOf(first) - rule.weekStart + 7) % 7);
  const stride = 7 * rule.interval;
  let week = firstWeek;
  if (rule.count === null && dayNumber(window.fromDate) > firstWeek + stride)
    week = firstWeek + Math.floor((dayNumber(window.fromDate) - firstWeek) / stride) * stride;
  for (; week <= last; week += stride)
    for (const offset of offsets) {
      const n = week + offset;
      if (n < first) continue;
      if (!visit(n)) return;
    }
}

/** Walks the days of any rule with the rrule package (see walkSimple). */
function walkRrule(
  recurrence: Recurrence,
  window: { fromDate: string; toDate: string },
  take: (day: string) => boolean,
): void {
  const options = RRule.parseString((recurrence.rrule as string).trim().replace(/^RRULE:/i, ''));
  const first = floating(laterDay(window.fromDate, recurrence.date), '00:00');
  const last = floating(addDays(window.toDate, 1), '00:00');
  const rule = new RRule({ ...options, dtstart: floating(recurrence.date, recurrence.from) });
  rule.between(first, last, true, (instant) => take(instant.toISOString().slice(0, 10)));
}
