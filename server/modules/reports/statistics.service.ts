/**
 * Published figures: a year's reports by quarter, ground, setting, district, violence and extremism, in the form
 * advice centres publish (a report with several grounds counts in each), counts from 1 to 4 as "<5" (JSON and
 * CSV). The monitoring export: one row per case, no free text, no contact, the month only.
 */
import type { Ctx } from '../../core/context.ts';
import { toCsv } from '../../core/csv.ts';
import { authorize } from '../../core/policy.ts';
import { localDate, localMonth, zonedToUtc } from '../../core/time.ts';
import * as repo from './reports.repository.ts';
import type { Statistics } from './reports.schema.ts';
import { type Count, GROUNDS, SETTINGS, SMALL_COUNT } from './reports.terms.ts';

/** A count as it may leave the module. */
export function suppress(n: number): Count {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}

/** Counts per key, in the order of `keys` (every key, zeros included), suppressed. */
function buckets(keys: readonly string[], values: string[]) {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([key, n]) => ({ key, count: suppress(n) }));
}

type Period = { year?: number | undefined; quarter?: number | undefined };

/** The period asked for: a year, or one quarter of it, as instants in the city's zone. */
function periodOf(ctx: Ctx, query: Period) {
  const zone = ctx.city.profile.timezone;
  const year = query.year ?? thisYear(ctx);
  const quarter = query.quarter ?? null;
  const month = (m: number) => (m > 12 ? `${year + 1}-01-01` : `${year}-${String(m).padStart(2, '0')}-01`);
  const [first, next] = quarter ? [quarter * 3 - 2, quarter * 3 + 1] : [1, 13];
  return {
    year,
    quarter,
    from: zonedToUtc(month(first), '00:00', zone),
    to: zonedToUtc(month(next), '00:00', zone),
  };
}

const thisYear = (ctx: Ctx) => Number(localDate(ctx.now, ctx.city.profile.timezone).slice(0, 4));

/** A year's or a quarter's statistics (public). */
export async function statistics(ctx: Ctx, query: Period): Promise<Statistics> {
  authorize(ctx, 'reports.statistics');
  const { year, quarter, from, to } = periodOf(ctx, query);
  const rows = await repo.statisticsRows(ctx.db, from, to);
  const zone = ctx.city.profile.timezone;
  const quarterOf = (at: Date) => `Q${Math.floor((Number(localMonth(at, zone).slice(5, 7)) - 1) / 3) + 1}`;
  const districtIds = [...ctx.city.districts.map((d) => d.id), 'online', 'outside'];
  return {
    year,
    quarter,
    total: suppress(rows.length),
    quarters: buckets(
      quarter ? [`Q${quarter}`] : ['Q1', 'Q2', 'Q3', 'Q4'],
      rows.map((r) => quarterOf(r.receivedAt)),
    ),
    grounds: buckets(
      GROUNDS,
      rows.flatMap((r) => r.grounds),
    ),
    settings: buckets(
      SETTINGS,
      rows.map((r) => r.setting),
    ),
    districts: buckets(
      districtIds,
      rows.map((r) => (r.placeKind === 'ortsteil' ? (r.districtId ?? 'outside') : r.placeKind)),
    ),
    violence: buckets(
      ['yes', 'no'],
      rows.map((r) => (r.violence ? 'yes' : 'no')),
    ),
    extremist: buckets(
      ['yes', 'no'],
      rows.map((r) => (r.extremist.length > 0 ? 'yes' : 'no')),
    ),
  };
}

/** The statistics as CSV: one line per category and key, with the same suppression (quarter empty: the year). */
export async function statisticsCsv(ctx: Ctx, query: Period): Promise<string> {
  const figures = await statistics(ctx, query);
  const parts = ['quarters', 'grounds', 'settings', 'districts', 'violence', 'extremist'] as const;
  const period = [figures.year, figures.quarter ?? ''];
  return toCsv(
    ['year', 'quarter', 'category', 'key', 'count'],
    [
      [...period, 'total', 'all', figures.total],
      ...parts.flatMap((part) => figures[part].map((b) => [...period, part, b.key, b.count])),
    ],
  );
}

/**
 * The export for the state's monitoring (counsellors): one row per case of the year, categories only — no free
 * text, no contact, no exact date (the month it happened, or was reported).
 */
export async function monitoringCsv(ctx: Ctx, query: Period): Promise<string> {
  authorize(ctx, 'reports.export');
  const { from, to } = periodOf(ctx, query);
  const rows = await repo.statisticsRows(ctx.db, from, to);
  const zone = ctx.city.profile.timezone;
  return toCsv(
    ['month', 'district', 'setting', 'grounds', 'violence', 'police', 'extremist', 'affected', 'status'],
    rows.map((r) => [
      r.occurredOn?.slice(0, 7) ?? localMonth(r.receivedAt, zone),
      r.placeKind === 'ortsteil' ? r.districtId : r.placeKind,
      r.setting,
      r.grounds.join(' '),
      r.violence ? 'yes' : 'no',
      r.police,
      r.extremist.join(' '),
      r.affected,
      r.status,
    ]),
  );
}
