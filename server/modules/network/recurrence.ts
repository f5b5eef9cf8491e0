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
export type Occurrence = { start: Date; end: Date };

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
      start: zonedToUtc(day, recurrence.from, window.timeZone),
      end: zonedToUtc(day, recurrence.to, window.timeZone),
    })),
    cut: days.cut,
  };
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
  const options = RRule.parseString(recurrence.rrule.trim().replace(/^RRULE:/i, ''));
  const first = floating(laterDay(window.fromDate, recurrence.date), '00:00');
  const last = floating(addDays(window.toDate, 1), '00:00');
  const rule = new RRule({ ...options, dtstart: floating(recurrence.date, recurrence.from) });
  const days: string[] = [];
  let cut = false;
  rule.between(first, last, true, (instant) => {
    const day = instant.toISOString().slice(0, 10);
    if (!keep(day)) return true;
    if (days.length >= limit) {
      cut = true;
      return false;
    }
    days.push(day);
    return true;
  });
  return { days, cut };
}
