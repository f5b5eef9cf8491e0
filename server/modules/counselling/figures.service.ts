/**
 * Figures for the masterplan: aggregates over non-identifying columns only (never a sealed value), the twelve months
 * up to the current one; counts of people or cases under 5 shown as "<5" (in the API and in the CSV export), and a
 * median or share only over at least 5 cases.
 */
import type { Ctx } from '../../core/context.ts';
import { csvField } from '../../core/csv.ts';
import { authorize } from '../../core/policy.ts';
import { addMonths, localDate, localMonth, zonedToUtc } from '../../core/time.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './counselling.repository.ts';
import type { Figures } from './counselling.schema.ts';
import { type HealthOutcome, type ReferralStatus, TOPICS } from './counselling.terms.ts';

/** Counts below this are suppressed. */
export const SMALL_COUNT = 5;
type Count = number | '<5';

/** A count as it may leave the module. */
export function suppress(n: number): Count {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}

/** Outcomes that mean the person is insured now. */
const INSURED: readonly HealthOutcome[] = ['home_country', 'work', 'family', 'jobcenter'];

function median(values: number[]): number | null {
  if (values.length < SMALL_COUNT) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Counts per key, largest first. */
function buckets(keys: string[]) {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => ({ key, count: suppress(n) }));
}

/** Opened and closed per key (a case with two topics counts for both), in the order of `order` or by opened. */
function openedClosed(opened: string[], closed: string[], order?: readonly string[]) {
  const keys = [...new Set([...(order ?? []), ...opened, ...closed])];
  const count = (list: string[], key: string) => list.filter((k) => k === key).length;
  return keys
    .map((key) => ({ key, opened: count(opened, key), closed: count(closed, key) }))
    .filter((row) => row.opened + row.closed > 0)
    .sort((a, b) => (order ? order.indexOf(a.key) - order.indexOf(b.key) : b.opened - a.opened))
    .map((row) => ({ key: row.key, opened: suppress(row.opened), closed: suppress(row.closed) }));
}

/** The figures (coordinators and admins): never a record, only counts. */
export async function counsellingFigures(ctx: Ctx): Promise<Figures> {
  authorize(ctx, 'counselling.figures');
  const zone = ctx.city.profile.timezone;
  const today = localDate(ctx.now, zone);
  const from = addMonths(`${localMonth(ctx.now, zone)}-01`, -11).slice(0, 7);
  const since = zonedToUtc(`${from}-01`, '00:00', zone);
  const [cases, contacts, bookings, visits, referrals] = await Promise.all([
    repo.figuresCases(ctx.db, since),
    repo.figuresContacts(ctx.db, since),
    repo.figuresBookings(ctx.db, since),
    repo.figuresVisits(ctx.db, `${from}-01`),
    repo.figuresReferrals(ctx.db, since),
  ]);
  const openedCases = cases.filter((c) => c.openedAt >= since);
  const closedCases = cases.filter((c) => c.closedAt && c.closedAt >= since);
  const opened = [
    ...openedCases.map((c) => ({ at: c.openedAt, topics: c.topics, districtId: c.districtId })),
    ...contacts.map((c) => ({ at: c.at, topics: c.topics, districtId: c.districtId })),
  ];
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${from}-01`, i).slice(0, 7));
  const monthOf = (at: Date) => localMonth(at, zone);
  const cleared = closedCases.filter(
    (c) => c.topics.includes('health_insurance') && c.outcomes.health_insurance,
  );
  const days = cleared.map((c) =>
    Math.round(((c.closedAt as Date).getTime() - c.openedAt.getTime()) / 86_400_000),
  );
  const insured = cleared.filter((c) => INSURED.includes(c.outcomes.health_insurance as HealthOutcome));
  const names = await organisationNames(
    ctx.db,
    referrals.map((r) => r.recipientId),
  );
  return {
    asOf: today,
    from,
    months: months.map((month) => ({
      month,
      opened: suppress(opened.filter((o) => monthOf(o.at) === month).length),
      closed: suppress(closedCases.filter((c) => monthOf(c.closedAt as Date) === month).length),
    })),
    byTopic: openedClosed(
      opened.flatMap((o) => o.topics),
      closedCases.flatMap((c) => c.topics),
      TOPICS,
    ),
    byDistrict: openedClosed(
      opened.map((o) => o.districtId ?? ''),
      closedCases.map((c) => c.districtId ?? ''),
    ),
    clearing: {
      closedWithOutcome: suppress(cleared.length),
      medianDays: median(days),
      shareInsured:
        cleared.length >= SMALL_COUNT ? Math.round((insured.length / cleared.length) * 100) / 100 : null,
    },
    clinicVisits: {
      total: suppress(visits.length),
      referredToClearing: suppress(visits.filter((v) => v.referredToClearing).length),
    },
    languages: buckets([
      ...openedCases.map((c) => c.language),
      ...contacts.map((c) => c.language),
      ...bookings.map((b) => b.language),
    ]),
    mediatorBookings: suppress(bookings.filter((b) => b.mediator).length),
    referrals: referrals
      .map((r) => ({
        recipient: names.get(r.recipientId) ?? '',
        status: r.status as ReferralStatus,
        n: r.n,
      }))
      .sort((a, b) => a.recipient.localeCompare(b.recipient) || a.status.localeCompare(b.status))
      .map(({ n, ...rest }) => ({ ...rest, count: suppress(n) })),
  };
}

/** The same figures as CSV (one row per figure and key), with the same suppression. */
export async function counsellingFiguresCsv(ctx: Ctx): Promise<string> {
  const figures = await counsellingFigures(ctx);
  const rows: (string | number | null)[][] = [['figure', 'key', 'value']];
  for (const m of figures.months) {
    rows.push(['opened_by_month', m.month, m.opened]);
    rows.push(['closed_by_month', m.month, m.closed]);
  }
  for (const [figure, list] of [
    ['topic', figures.byTopic],
    ['district', figures.byDistrict],
  ] as const) {
    for (const entry of list) {
      rows.push([`opened_by_${figure}`, entry.key, entry.opened]);
      rows.push([`closed_by_${figure}`, entry.key, entry.closed]);
    }
  }
  rows.push(['health_insurance_closed_with_outcome', '', figures.clearing.closedWithOutcome]);
  rows.push(['median_days_to_clearing', '', figures.clearing.medianDays]);
  rows.push(['share_cleared_to_insurance', '', figures.clearing.shareInsured]);
  rows.push(['clinic_visits', '', figures.clinicVisits.total]);
  rows.push(['clinic_visits_referred_to_clearing', '', figures.clinicVisits.referredToClearing]);
  for (const entry of figures.languages) rows.push(['language', entry.key, entry.count]);
  rows.push(['mediator_bookings', '', figures.mediatorBookings]);
  for (const entry of figures.referrals)
    rows.push(['referrals', `${entry.recipient}/${entry.status}`, entry.count]);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
