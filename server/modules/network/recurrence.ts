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
export type RuleProblem = 'syntax' | 'frequency' | 'time_parts' | 'dtstart';

const FORBIDDEN_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];

/**
 * Checks a rule written by a person: RRULE parts only, a frequency of DAILY to YEARLY, no times of day (those are the
 * activity's), no DTSTART. Answers the problem, or null when the rule is fine.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|\n/i.test(text)) return 'dtstart';
  const parts = text.split(';').map((p) => p.split('=')[0]?.toUpperCase() ?? '');
  if (parts.some((p) => FORBIDDEN_PARTS.includes(p))) return 'time_parts';
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) return 'syntax';
    const freq = RRule.FREQUENCIES[options.freq];
    if (!freq || !(FREQUENCIES as readonly string[]).includes(freq)) return 'frequency';
    // The whole rule must make sense to the engine (e.g. BYDAY values).
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)), count: 1 }).all();
    return null;
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
  const rule = new RRule({ ...options, dtstart: floating(recurrence.date, recurrence.from) });
  const days: string[] = [];
  let cut = false;
  const first = floating(laterDay(window.fromDate, recurrence.date), '00:00');
  const last = floating(addDays(window.toDate, 1), '00:00');
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
