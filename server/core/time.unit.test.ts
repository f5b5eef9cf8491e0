import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleKm, travelMinutes } from './geo.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  formatOffset,
  isoWeekday,
  isoWithOffset,
  localDate,
  localDateTime,
  localMonth,
  localParts,
  localTime,
  monthRange,
  offsetMinutes,
  subtract,
  wallClock,
  weekStart,
  yearStart,
  zonedToUtc,
} from './time.ts';

const BERLIN = 'Europe/Berlin';
const ZONES = [BERLIN, 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];
const at = (iso: string) => new Date(iso);

describe('local dates and times', () => {
  it('reads the city clock on both sides of a daylight-saving change', () => {
    // Berlin's clocks go from 02:00 to 03:00 on 2026-03-29 and back from 03:00 to 02:00 on 2026-10-25.
    expect(localDateTime(at('2026-03-29T00:59:00Z'), BERLIN)).toBe('2026-03-29 01:59');
    expect(localDateTime(at('2026-03-29T01:00:00Z'), BERLIN)).toBe('2026-03-29 03:00');
    expect(localTime(at('2026-10-25T00:30:00Z'), BERLIN)).toBe('02:30');
    expect(localTime(at('2026-10-25T01:30:00Z'), BERLIN)).toBe('02:30');
    expect(localDate(at('2026-12-31T23:00:00Z'), BERLIN)).toBe('2027-01-01');
    expect(localMonth(at('2026-11-30T23:00:00Z'), BERLIN)).toBe('2026-12');
    expect(wallClock(at('2026-07-01T10:15:42Z'), BERLIN)).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 12,
      minute: 15,
      second: 42,
    });
  });

  it('knows the UTC offset, and writes it the ISO way', () => {
    expect(offsetMinutes(at('2026-01-15T12:00:00Z'), BERLIN)).toBe(60);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(formatOffset(60)).toBe('+01:00');
    expect(formatOffset(-150)).toBe('-02:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(isoWithOffset(at('2026-12-07T08:30:00Z'), BERLIN)).toBe('2026-12-07T09:30:00+01:00');
    expect(isoWithOffset(at('2026-06-07T08:30:05Z'), BERLIN)).toBe('2026-06-07T10:30:05+02:00');
  });

  it('turns a wall-clock time into the instant, a time in the spring gap moving forward', () => {
    expect(zonedToUtc('2026-12-07', '09:30', BERLIN)).toEqual(at('2026-12-07T08:30:00Z'));
    expect(zonedToUtc('2026-07-07', '09:30', BERLIN)).toEqual(at('2026-07-07T07:30:00Z'));
    expect(zonedToUtc('2026-03-29', '02:30', BERLIN)).toEqual(at('2026-03-29T01:30:00Z'));
    expect(localTime(zonedToUtc('2026-03-29', '02:30', BERLIN), BERLIN)).toBe('03:30');
  });

  it('reads back the wall-clock time it was given, in any zone, but for the times a DST gap skips', () => {
    const wall = fc.record({
      day: fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 }),
      minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      zone: fc.constantFrom(...ZONES),
    });
    fc.assert(
      fc.property(wall, ({ day, minutes, zone }) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const instant = zonedToUtc(date, time, zone);
        const back = localParts(instant, zone);
        // The clocks skip the times of a gap: those come out shifted by the gap's length (in Europe forward).
        const [y, m, d] = back.date.split('-').map(Number) as [number, number, number];
        const shift =
          (Date.UTC(y, m - 1, d) + back.minutes * 60_000 - (day * 86_400_000 + minutes * 60_000)) / 60_000;
        const gap =
          offsetMinutes(new Date(instant.getTime() + 3 * 3_600_000), zone) -
          offsetMinutes(new Date(instant.getTime() - 3 * 3_600_000), zone);
        expect(back.seconds).toBe(0);
        expect(shift === 0 || Math.abs(shift) === gap).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every instant through its wall-clock time (an autumn hour shown twice: the same wall-clock time)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...ZONES),
        (minute, zone) => {
          const instant = new Date(minute * 60_000);
          const back = zonedToUtc(localDate(instant, zone), localTime(instant, zone), zone);
          // Near a change of offset (within 3 h on either side) the clocks may show this time twice: before
          // the autumn change and after it. Then the same wall-clock time is enough.
          const offset = offsetMinutes(instant, zone);
          const repeated =
            offsetMinutes(new Date(instant.getTime() - 3 * 3_600_000), zone) !== offset ||
            offsetMinutes(new Date(instant.getTime() + 3 * 3_600_000), zone) !== offset;
          if (!repeated) expect(back).toEqual(instant);
          else expect(localDateTime(back, zone)).toBe(localDateTime(instant, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('calendar arithmetic on local dates', () => {
  it('adds days and months, and counts days between', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-03-03');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3000, max: 3000 }), (day, n) => {
        const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('knows weekdays and the Monday of a week', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('cuts months and years at midnight in the city, also across daylight saving', () => {
    expect(monthRange('2026-12', BERLIN)).toEqual({
      from: at('2026-11-30T23:00:00Z'),
      to: at('2026-12-31T23:00:00Z'),
    });
    expect(monthRange('2026-03', BERLIN)).toEqual({
      from: at('2026-02-28T23:00:00Z'),
      to: at('2026-03-31T22:00:00Z'),
    });
    expect(yearStart('2026-07', BERLIN)).toEqual(at('2025-12-31T23:00:00Z'));
  });
});

describe('intervals', () => {
  it('cuts intervals out of windows and drops pieces under a minute', () => {
    const t = (hhmm: string) => at(`2026-12-07T${hhmm}:00Z`);
    const windows = [{ start: t('08:00'), end: t('12:00') }];
    expect(
      subtract(windows, [
        { start: t('09:00'), end: t('10:00') },
        { start: t('11:59'), end: t('13:00') },
      ]),
    ).toEqual([
      { start: t('08:00'), end: t('09:00') },
      { start: t('10:00'), end: t('11:59') },
    ]);
    expect(subtract(windows, [{ start: t('07:59'), end: at('2026-12-07T11:59:30Z') }])).toEqual([]);
  });
});

describe('distances', () => {
  it('measures Duisburg to Düsseldorf as the crow flies, and the travel time at a speed', () => {
    const duisburg = { lat: 51.4344, lon: 6.7623 };
    const dusseldorf = { lat: 51.2277, lon: 6.7735 };
    expect(greatCircleKm(duisburg, dusseldorf)).toBeCloseTo(22.99, 1);
    expect(travelMinutes(duisburg, dusseldorf, 20)).toBeCloseTo(
      (greatCircleKm(duisburg, dusseldorf) / 20) * 60,
      9,
    );
  });
});
