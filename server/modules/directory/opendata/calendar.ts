import ical, {
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
  ICalEventRepeatingFreq,
  ICalWeekday,
} from 'ical-generator';
import { offsetMinutes, type WallClock, wallClock, zonedToUtc } from '../../../core/time.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const wallString = (w: WallClock) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

// ical-generator formats plain Dates in the process's time zone; Temporal-like objects carry the city's own.
export function zoned(wall: WallClock, timeZone: string): ICalTemporalZonedDateTimeStub {
  const local = wallString(wall);
  const instant = zonedToUtc(local.slice(0, 10), local.slice(11, 16), timeZone);
  const iso = `${wallString(wall)}[${timeZone}]`;
  return {
    ...wall,
    timeZoneId: timeZone,
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => instant.toISOString(),
      toString: () => instant.toISOString(),
      toZonedDateTimeISO: (zone: string) => zoned(wallClock(instant, zone), zone),
    }),
    toJSON: () => iso,
    toString: () => iso,
    toPlainDateTime: () => plain(wall),
    withTimeZone: (zone: string) => zoned(wallClock(instant, zone), zone),
  };
}

function plain(wall: WallClock): ICalTemporalPlainDateTimeStub {
  return {
    ...wall,
    toJSON: () => wallString(wall),
    toString: () => wallString(wall),
    toPlainDate: () => ({
      year: wall.year,
      month: wall.month,
      day: wall.day,
      toJSON: () => wallString(wall).slice(0, 10),
      toString: () => wallString(wall).slice(0, 10),
    }),
    toZonedDateTime: (zone: string) => zoned(wall, zone),
  };
}

const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
const icsLocal = (w: WallClock) =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;

/**
 * A VTIMEZONE for the years the calendar covers, from the time zone data of the runtime (Intl): one
 * sub-component per change of the UTC offset, so clients without the IANA database show the right local times.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const part = (kind: 'STANDARD' | 'DAYLIGHT', onset: WallClock, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${icsLocal(onset)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  let at = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  let offset = offsetMinutes(new Date(at), timeZone);
  part('STANDARD', wallClock(new Date(at), timeZone), offset, offset);
  const DAY = 86_400_000;
  while (at < end) {
    const next = offsetMinutes(new Date(at + DAY), timeZone);
    if (next !== offset) {
      // The change lies within this day: find its minute.
      let low = at;
      let high = at + DAY;
      while (high - low > 60_000) {
        const mid = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offsetMinutes(new Date(mid), timeZone) === offset) low = mid;
        else high = mid;
      }
      // DTSTART of an onset is the local time at the change, counted in the offset before it (TZOFFSETFROM).
      const onset = new Date(high + offset * 60_000);
      part(next > offset ? 'DAYLIGHT' : 'STANDARD', wallClock(onset, 'UTC'), offset, next);
      offset = next;
    }
    at += DAY;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export type CalendarEvent = {
  id: string;
  start: Date;
  end: Date;
  summary: string;
  description: string | null;
};
export type WeeklyOpening = { id: string; days: string[]; opens: string; closes: string; summary: string };

const WEEKDAYS: Record<string, ICalWeekday> = {
  MO: ICalWeekday.MO,
  TU: ICalWeekday.TU,
  WE: ICalWeekday.WE,
  TH: ICalWeekday.TH,
  FR: ICalWeekday.FR,
  SA: ICalWeekday.SA,
  SU: ICalWeekday.SU,
};
const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The first local date on or after `today` that falls on one of the days. */
function firstDay(today: WallClock, days: string[]): WallClock {
  for (let i = 0; i < 7; i++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    if (days.includes(DAY_CODES[date.getUTCDay()] ?? '')) {
      return { ...today, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
  }
  return today;
}

/** An offer's calendar: its dated events, and optionally its weekly opening hours as recurring events. */
export function offerCalendar(input: {
  name: string;
  url: string;
  host: string;
  timeZone: string;
  now: Date;
  language: string;
  product: string;
  location: { title: string; address: string; lat: number; lon: number } | null;
  events: CalendarEvent[];
  weekly: WeeklyOpening[];
}): string {
  const { timeZone } = input;
  const years = [input.now, ...input.events.flatMap((e) => [e.start, e.end])].map(
    (d) => wallClock(d, timeZone).year,
  );
  const calendar = ical({
    name: input.name,
    url: input.url,
    prodId: { company: 'Lotse', product: input.product, language: input.language.toUpperCase() },
    // The zone goes on each event (DTSTART;TZID=…) and its VTIMEZONE into the calendar; a calendar-wide zone
    // would make ical-generator write DTSTAMP in local time, which RFC 5545 forbids.
    timezone: {
      name: null,
      generator: (zone) => vtimezone(zone, Math.min(...years), Math.max(...years) + 1),
    },
    x: [['X-WR-TIMEZONE', timeZone]],
  });
  const location = input.location
    ? {
        title: input.location.title,
        address: input.location.address,
        geo: { lat: input.location.lat, lon: input.location.lon },
      }
    : null;
  for (const event of input.events) {
    calendar.createEvent({
      id: `${event.id}@${input.host}`,
      timezone: timeZone,
      start: zoned(wallClock(event.start, timeZone), timeZone),
      end: zoned(wallClock(event.end, timeZone), timeZone),
      stamp: input.now,
      summary: event.summary,
      description: event.description,
      location,
      url: input.url,
    });
  }
  const today = wallClock(input.now, timeZone);
  for (const opening of input.weekly) {
    const day = firstDay(today, opening.days);
    const at = (time: string) => ({
      ...day,
      hour: Number(time.slice(0, 2)),
      minute: Number(time.slice(3, 5)),
      second: 0,
    });
    calendar.createEvent({
      id: `${opening.id}@${input.host}`,
      timezone: timeZone,
      start: zoned(at(opening.opens), timeZone),
      end: zoned(at(opening.closes), timeZone),
      stamp: input.now,
      summary: opening.summary,
      location,
      url: input.url,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        byDay: opening.days.flatMap((d) => WEEKDAYS[d] ?? []),
      },
    });
  }
  return calendar.toString();
}
