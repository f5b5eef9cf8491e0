import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate, zonedToUtc } from '../../../server/core/time.ts';

export { openingHours } from '../../../server/core/time.ts';
import { useCity } from './city';

/*
 * The web's one time library. Wall-clock arithmetic is the server's (server/core/time.ts, pure); this file adds
 * what only the web needs: the city's zone from the city profile and formatting in the reader's language.
 * Dates and times are entered and shown as the city's clocks show them, wherever the browser is.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^\d{2}:\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat: pages format many rows with the same few formats. */
function formatOf(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([lang, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    formats.set(key, format);
  }
  return format;
}

type DateStyle = NonNullable<Intl.DateTimeFormatOptions['dateStyle']>;
type TimeStyle = NonNullable<Intl.DateTimeFormatOptions['timeStyle']>;

/**
 * Formatting and wall-clock helpers for one language and time zone. Until the city's zone is known, instants
 * are shown as '' rather than in the browser's zone, and "today" is the browser's.
 */
export function cityTime(lang: string, timeZone: string | undefined) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  /** An instant formatted in the city's zone; '' when there is none or the zone is not known yet. */
  const instant = (iso: string | null | undefined, options: Intl.DateTimeFormatOptions) => {
    if (!iso || !timeZone) return '';
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : formatOf(lang, { ...options, timeZone }).format(at);
  };
  const today = () => localDate(new Date(), zone);
  return {
    timeZone,
    /** A calendar date ("2026-12-07") as it is, or the city's date at an instant. */
    date(value: string | null | undefined, dateStyle: DateStyle = 'medium'): string {
      if (!value) return '';
      if (!CALENDAR_DATE.test(value)) return instant(value, { dateStyle });
      return formatOf(lang, { dateStyle, timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`));
    },
    /** Date and time at an instant on the city's clocks. */
    dateTime(
      iso: string | null | undefined,
      dateStyle: DateStyle = 'medium',
      timeStyle: TimeStyle = 'short',
    ) {
      return instant(iso, { dateStyle, timeStyle });
    },
    /** The time of day at an instant on the city's clocks. */
    time(iso: string | null | undefined): string {
      return instant(iso, { timeStyle: 'short' });
    },
    /** The zone's name in the reader's language ("Mitteleuropäische Zeit"). */
    zoneName(): string {
      return (
        formatOf(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
          .formatToParts(new Date())
          .find((part) => part.type === 'timeZoneName')?.value ?? zone
      );
    },
    /** The name of an ISO weekday (1 Monday … 7 Sunday); 2024-01-01 was a Monday. */
    weekday(isoWeekday: number): string {
      return formatOf(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoWeekday));
    },
    /** Today in the city, as YYYY-MM-DD (the default of date inputs). */
    today,
    /** A month ("2026-12") by name in the reader's language ("Dezember 2026"). */
    monthName(month: string): string {
      return formatOf(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}-15T12:00:00Z`),
      );
    },
    /** This month in the city, as YYYY-MM. */
    month: () => today().slice(0, 7),
    /** The instant (ISO, UTC) at which the city's clocks show a date and a time ("09:30"); null if malformed. */
    instant(date: string, time: string): string | null {
      if (!CALENDAR_DATE.test(date) || !WALL_TIME.test(time)) return null;
      const at = zonedToUtc(date, time, zone);
      return Number.isNaN(at.getTime()) ? null : at.toISOString();
    },
  };
}

/** The city's time helpers in the reader's language; `timeZone` overrides the city's (an offer's own zone). */
export function useCityTime(timeZone?: string) {
  const { i18n } = useTranslation();
  const city = useCity();
  const zone = timeZone ?? city.data?.timezone;
  return useMemo(() => cityTime(i18n.language, zone), [i18n.language, zone]);
}
