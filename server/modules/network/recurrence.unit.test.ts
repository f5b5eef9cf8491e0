/**
 * Recurrence expansion against a reference: the rrule package reading the same activity as iCalendar text
 * (DTSTART;TZID=Europe/Berlin, the RRULE, EXDATE;TZID for the exception days), the school holidays taken out by
 * their local dates. Random rules (fast-check): daily, weekly, monthly, intervals, weekdays, COUNT and UNTIL,
 * across daylight-saving changes.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../core/time.ts';
import {
  expand,
  expandDays,
  expandDaysWithRrule,
  type Holiday,
  inHolidays,
  ruleProblem,
} from './recurrence.ts';

const { rrulestr } = createRequire(import.meta.url)('rrule') as typeof import('rrule');
const ZONE = 'Europe/Berlin';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const compact = (date: string) => date.replaceAll('-', '');
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** What the rrule package makes of the activity written as iCalendar, holidays removed by local date. */
function reference(input: {
  date: string;
  from: string;
  minutes: number;
  rrule: string;
  exceptions: string[];
  holidays: Holiday[];
  skip: boolean;
  window: { fromDate: string; toDate: string };
}) {
  const time = `T${input.from.replace(':', '')}00`;
  const text = [
    `DTSTART;TZID=${ZONE}:${compact(input.date)}${time}`,
    `RRULE:${input.rrule}`,
    ...(input.exceptions.length
      ? [`EXDATE;TZID=${ZONE}:${input.exceptions.map((d) => `${compact(d)}${time}`).join(',')}`]
      : []),
  ].join('\n');
  const set = rrulestr(text, { forceset: true });
  const end = new Date(`${addDays(input.window.toDate, 3)}T00:00:00Z`);
  return set
    .between(new Date(`${addDays(input.window.fromDate, -3)}T00:00:00Z`), end, true)
    .filter((start) => {
      const day = localDate(start, ZONE);
      return (
        day >= input.window.fromDate &&
        day <= input.window.toDate &&
        !(input.skip && inHolidays(day, input.holidays))
      );
    })
    .map((start) => ({
      start: start.toISOString(),
      end: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
    }));
}

const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2026-01-01', n));
const rule = fc.record({
  freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'),
  interval: fc.integer({ min: 1, max: 3 }),
  byDay: fc.subarray([...DAYS], { minLength: 0, maxLength: 3 }),
  end: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 40 }).map((n) => ({ count: n })),
    fc.integer({ min: 0, max: 300 }).map((n) => ({ untilOffset: n })),
  ),
});

describe('recurrence expansion', () => {
  it('gives the same occurrences as the rrule package for random rules, exceptions and holidays', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 6 * 4, max: 19 * 4 }).map((q) => q * 15),
        fc.integer({ min: 1, max: 12 }).map((q) => q * 15),
        rule,
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 5 }),
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 700 }), length: fc.integer({ min: 0, max: 20 }) }),
          {
            maxLength: 4,
          },
        ),
        fc.boolean(),
        fc.record({ from: fc.integer({ min: -30, max: 200 }), length: fc.integer({ min: 0, max: 400 }) }),
        (date, fromMinutes, minutes, r, exceptionOffsets, holidayRanges, skip, w) => {
          const from = clock(fromMinutes);
          const to = clock(fromMinutes + minutes);
          const parts = [`FREQ=${r.freq}`];
          if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
          if (r.byDay.length) parts.push(`BYDAY=${r.byDay.join(',')}`);
          if (r.end && 'count' in r.end) parts.push(`COUNT=${r.end.count}`);
          // UNTIL as a person sets it: up to the end of a day (UTC), after any activity of that day has started.
          if (r.end && 'untilOffset' in r.end)
            parts.push(`UNTIL=${compact(addDays(date, r.end.untilOffset))}T235959Z`);
          const rrule = parts.join(';');
          const exceptions = [...new Set(exceptionOffsets.map((n) => addDays(date, n)))].sort();
          const holidays = holidayRanges.map((h) => ({
            from: addDays('2026-01-01', h.start),
            to: addDays('2026-01-01', h.start + h.length),
          }));
          const window = { fromDate: addDays(date, w.from), toDate: addDays(date, w.from + w.length) };
          const ours = expand(
            { date, from, to, rrule, exceptions, skipSchoolHolidays: skip },
            { ...window, timeZone: ZONE, holidays },
          ).occurrences.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() }));
          expect(ours).toEqual(reference({ date, from, minutes, rrule, exceptions, holidays, skip, window }));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reads daily and weekly rules by arithmetic to the same days as the rrule package, however far back they start', () => {
    const simple = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY'),
      // Up to 6: a daily rule every 7th day on other weekdays than its first day's never matches, and the rrule
      // package then searches up to the year 9999 (the arithmetic stops at the window's end).
      interval: fc.integer({ min: 1, max: 6 }),
      byDay: fc.subarray([...DAYS], { minLength: 0, maxLength: 7 }),
      weekStart: fc.option(fc.constantFrom(...DAYS), { nil: null }),
      end: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 1, max: 200 }).map((n) => ({ count: n })),
        fc.record({ offset: fc.integer({ min: 0, max: 600 }), time: fc.boolean() }),
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }).map((n) => addDays('2025-01-01', n)),
        fc.integer({ min: 0, max: 23 * 4 }).map((q) => clock(q * 15)),
        simple,
        fc.record({ from: fc.integer({ min: -30, max: 500 }), length: fc.integer({ min: 0, max: 120 }) }),
        (date, from, r, w) => {
          const parts = [`FREQ=${r.freq}`];
          if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
          if (r.byDay.length) parts.push(`BYDAY=${r.byDay.join(',')}`);
          if (r.weekStart) parts.push(`WKST=${r.weekStart}`);
          if (r.end && 'count' in r.end) parts.push(`COUNT=${r.end.count}`);
          if (r.end && 'offset' in r.end)
            parts.push(`UNTIL=${compact(addDays(date, r.end.offset))}${r.end.time ? 'T120000Z' : ''}`);
          const recurrence = {
            date,
            from,
            to: '23:59',
            rrule: parts.join(';'),
            exceptions: [],
            skipSchoolHolidays: false,
          };
          const window = {
            fromDate: addDays(date, w.from),
            toDate: addDays(date, w.from + w.length),
            holidays: [],
          };
          expect(expandDays(recurrence, window).days, recurrence.rrule).toEqual(
            expandDaysWithRrule(recurrence, window),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps "every Tuesday 15–17 h" at 15 h local time across the change to summer time', () => {
    const { occurrences } = expand(
      {
        date: '2026-03-17',
        from: '15:00',
        to: '17:00',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        exceptions: [],
        skipSchoolHolidays: false,
      },
      { fromDate: '2026-03-17', toDate: '2026-04-07', timeZone: ZONE, holidays: [] },
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
    ]);
  });

  it('leaves out the exception days and the school holidays when asked', () => {
    const { occurrences } = expand(
      {
        date: '2026-03-17',
        from: '15:00',
        to: '17:00',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        exceptions: ['2026-03-24'],
        skipSchoolHolidays: true,
      },
      {
        fromDate: '2026-03-01',
        toDate: '2026-04-21',
        timeZone: ZONE,
        holidays: [{ from: '2026-03-30', to: '2026-04-11' }],
      },
    );
    expect(occurrences.map((o) => localDate(o.start, ZONE))).toEqual([
      '2026-03-17',
      '2026-04-14',
      '2026-04-21',
    ]);
  });

  it('refuses rules with times of day, a DTSTART, an unknown frequency, bad syntax, or no date ever', () => {
    expect(ruleProblem('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toBe('never');
    expect(ruleProblem('FREQ=MONTHLY;BYSETPOS=6;BYDAY=MO')).toBe('never');
    expect(ruleProblem('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')).toBe('syntax');
    expect(ruleProblem('FREQ=DAILY;INTERVAL=0')).toBe('syntax');
    expect(ruleProblem('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO')).toBeNull();
    expect(ruleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(ruleProblem('FREQ=WEEKLY;BYHOUR=15')).toBe('time_parts');
    expect(ruleProblem('DTSTART:20260101T100000Z\nRRULE:FREQ=DAILY')).toBe('dtstart');
    expect(ruleProblem('FREQ=HOURLY')).toBe('frequency');
    expect(ruleProblem('FREQ=WEEKLY;BYDAY=XX')).toBe('syntax');
    expect(ruleProblem('hello')).toBe('syntax');
  });

  it('cuts an endless daily rule at the limit and says so', () => {
    const result = expand(
      {
        date: '2026-01-01',
        from: '10:00',
        to: '11:00',
        rrule: 'FREQ=DAILY',
        exceptions: [],
        skipSchoolHolidays: false,
      },
      { fromDate: '2026-01-01', toDate: '2027-12-31', timeZone: ZONE, holidays: [] },
      550,
    );
    expect(result.occurrences).toHaveLength(550);
    expect(result.cut).toBe(true);
  });
});
