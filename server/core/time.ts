/** The city's local dates and wall-clock times, daylight saving included (Intl, no time-zone library). */

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

/** The instant at which the city's clocks show `date` `time` ("HH:MM"); DST gaps move forward. */
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
