/**
 * Figures about waiting children and school places: aggregates only, counts of children under 5 shown as "<5"
 * (in the API and in the CSV export).
 */
import type { Ctx } from '../../core/context.ts';
import { csvField } from '../../core/csv.ts';
import { ALL, authorize } from '../../core/policy.ts';
import { addMonths, daysBetween } from '../../core/time.ts';
import { ageOn, cityDay } from './common.ts';
import * as repo from './schooling.repository.ts';
import type { Figures } from './schooling.schema.ts';
import { listSchools, listSeatGroups } from './views.ts';

/** Counts below this are suppressed. */
export const SMALL_COUNT = 5;
type Count = number | '<5';

/** A count of children as it may leave the module. */
export function suppress(n: number): Count {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}

const AGE_BANDS = [
  { key: '0-5', to: 5 },
  { key: '6-9', to: 9 },
  { key: '10-12', to: 12 },
  { key: '13-15', to: 15 },
  { key: '16-18', to: 18 },
  { key: '19+', to: Number.POSITIVE_INFINITY },
];
const WEEK_BANDS = [
  { key: '0-4', to: 4 },
  { key: '5-8', to: 8 },
  { key: '9-12', to: 12 },
  { key: '13-26', to: 26 },
  { key: '27+', to: Number.POSITIVE_INFINITY },
];
const bandOf = (bands: { key: string; to: number }[], value: number) =>
  (bands.find((b) => value <= b.to) ?? bands[bands.length - 1])?.key ?? '';

/** Counts per key, suppressed, in the order of `order` (when given) or largest first. */
function buckets(keys: string[], order?: string[]) {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const entries = [...counts.entries()];
  if (order) entries.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.map(([key, n]) => ({ key, count: suppress(n) }));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The figures (KI staff): waiting children, time to a place, free places, a forecast. */
export async function schoolingFigures(ctx: Ctx): Promise<Figures> {
  authorize(ctx, 'schooling.figures');
  const today = cityDay(ctx);
  const [rows, schools, groups] = await Promise.all([
    repo.figuresRows(ctx.db),
    listSchools(ctx.db),
    // Figures are aggregates over every school.
    listSeatGroups(ctx.db, ALL),
  ]);
  const waiting = rows.filter((r) => r.state !== 'attending' && !r.anonymised);
  const yearAgo = addMonths(today, -12);
  const placedLastYear = rows.filter((r) => r.firstSchoolDay && r.firstSchoolDay >= yearAgo);
  const quarterAgo = addMonths(today, -3);
  const arrivals = rows.filter((r) => r.arrivalDate >= quarterAgo && r.arrivalDate <= today);
  const districtOf = new Map(schools.map((s) => [s.id, s.districtId ?? s.orgDistrictId ?? '']));
  const free = new Map<string, { form: string; districtId: string; kind: string; free: number }>();
  for (const group of groups) {
    const districtId = districtOf.get(group.schoolId) ?? '';
    const key = `${group.form}|${districtId}|${group.kind}`;
    const entry = free.get(key) ?? { form: group.form, districtId, kind: group.kind, free: 0 };
    entry.free += group.free;
    free.set(key, entry);
  }
  const timeToPlace = placedLastYear.map((r) => daysBetween(r.registeredOn, r.firstSchoolDay as string));
  return {
    asOf: today,
    waiting: {
      total: suppress(waiting.length),
      byAgeBand: buckets(
        waiting.map((r) => bandOf(AGE_BANDS, ageOn(r.birthDate, today))),
        AGE_BANDS.map((b) => b.key),
      ),
      byLanguage: buckets(waiting.map((r) => r.languages[0] ?? 'und')),
      byDistrict: buckets(waiting.map((r) => r.districtId)),
      byWeeksWaiting: buckets(
        waiting.map((r) => bandOf(WEEK_BANDS, Math.floor(daysBetween(r.registeredOn, today) / 7))),
        WEEK_BANDS.map((b) => b.key),
      ),
    },
    timeToPlace: {
      children: suppress(timeToPlace.length),
      medianDays: timeToPlace.length >= SMALL_COUNT ? median(timeToPlace) : null,
    },
    freePlaces: [...free.values()].sort(
      (a, b) =>
        a.form.localeCompare(b.form) ||
        a.districtId.localeCompare(b.districtId) ||
        a.kind.localeCompare(b.kind),
    ),
    forecast: {
      arrivalsLast3Months: suppress(arrivals.length),
      byAgeBand: buckets(
        arrivals.map((r) => bandOf(AGE_BANDS, ageOn(r.birthDate, today))),
        AGE_BANDS.map((b) => b.key),
      ),
      // Arrivals go on at the last quarter's pace: as many places again in the next three months.
      placesNeededNext3Months: arrivals.length >= SMALL_COUNT ? arrivals.length : null,
    },
  };
}

/** The same figures as CSV (one row per figure and key), with the same suppression. */
export async function schoolingFiguresCsv(ctx: Ctx): Promise<string> {
  const figures = await schoolingFigures(ctx);
  const rows: (string | number | null)[][] = [['figure', 'key', 'value']];
  rows.push(['waiting_total', '', figures.waiting.total]);
  for (const [figure, list] of [
    ['waiting_by_age_band', figures.waiting.byAgeBand],
    ['waiting_by_language', figures.waiting.byLanguage],
    ['waiting_by_district', figures.waiting.byDistrict],
    ['waiting_by_weeks', figures.waiting.byWeeksWaiting],
    ['arrivals_last_3_months_by_age_band', figures.forecast.byAgeBand],
  ] as const) {
    for (const entry of list) rows.push([figure, entry.key, entry.count]);
  }
  rows.push(['placed_last_12_months', '', figures.timeToPlace.children]);
  rows.push(['median_days_to_first_school_day', '', figures.timeToPlace.medianDays]);
  for (const entry of figures.freePlaces)
    rows.push(['free_places', `${entry.form}/${entry.districtId}/${entry.kind}`, entry.free]);
  rows.push(['arrivals_last_3_months', '', figures.forecast.arrivalsLast3Months]);
  rows.push(['places_needed_next_3_months', '', figures.forecast.placesNeededNext3Months]);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
