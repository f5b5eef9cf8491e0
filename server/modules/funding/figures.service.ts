/**
 * Figures for the masterplan: money requested / approved / paid / repaid by call, Stadtbezirk and kind of
 * organisation, first-time applicants, days from submission to decision. Aggregates only; counts of organisations
 * (and of applications, which name as few) under 5 are shown as "<5", in the API and in the CSV.
 */
import type { Ctx } from '../../core/context.ts';
import { csvField } from '../../core/csv.ts';
import { authorize } from '../../core/policy.ts';
import { daysBetween, localDate } from '../../core/time.ts';
import { organisationsByIds } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import { FUNDED_STATES } from './funding.terms.ts';
import { inLanguage } from './views.ts';

/** Counts below this are suppressed. */
const SMALL_COUNT = 5;
type Count = number | '<5';
const suppress = (n: number): Count => (n > 0 && n < SMALL_COUNT ? '<5' : n);

type Row = Awaited<ReturnType<typeof repo.listFiguresRows>>[number] & {
  kind: string;
  paid: number;
  repaid: number;
};

/** One group's figures: organisations and applications counted (suppressed), the money summed. */
function group(key: string, label: string, rows: Row[]) {
  const funded = rows.filter((r) => (FUNDED_STATES as readonly string[]).includes(r.state));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    key,
    label,
    organisations: suppress(new Set(rows.map((r) => r.organisationId)).size),
    applications: suppress(rows.length),
    firstTimeOrganisations: suppress(
      new Set(rows.filter((r) => r.firstTime).map((r) => r.organisationId)).size,
    ),
    requested: sum(rows.map((r) => r.requested)),
    approved: sum(funded.map((r) => r.approved ?? 0)),
    paid: sum(rows.map((r) => r.paid)),
    repaid: sum(rows.map((r) => r.repaid)),
  };
}

function groupBy(rows: Row[], keyOf: (row: Row) => string, labelOf: (key: string) => string) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.entries()]
    .map(([key, list]) => group(key, labelOf(key), list))
    .sort((a, b) => b.requested - a.requested || a.key.localeCompare(b.key));
}

function median(values: number[]): number | null {
  if (values.length < SMALL_COUNT) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The figures (coordinators). */
export async function fundingFigures(ctx: Ctx) {
  authorize(ctx, 'funding.coordinate');
  const zone = ctx.city.profile.timezone;
  const [rows, paid, repaid] = await Promise.all([
    repo.listFiguresRows(ctx.db),
    repo.paidPerApplication(ctx.db),
    repo.repaidPerApplication(ctx.db),
  ]);
  const paidOf = new Map(paid.map((p) => [p.applicationId, p.amount]));
  const repaidOf = new Map(repaid.map((p) => [p.applicationId, p.amount]));
  const organisations = await organisationsByIds(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  const kindOf = new Map(organisations.map((o) => [o.id, o.kind]));
  const callRows = await repo.findCallsByIds(ctx.db, [...new Set(rows.map((r) => r.callId))]);
  const calls = new Map(callRows.map((call) => [call.id, inLanguage(ctx, call.title)]));
  const all: Row[] = rows.map((r) => ({
    ...r,
    kind: kindOf.get(r.organisationId) ?? 'unknown',
    paid: paidOf.get(r.id) ?? 0,
    repaid: repaidOf.get(r.id) ?? 0,
  }));
  const days = all.flatMap((r) =>
    r.submittedAt && r.decidedAt
      ? [daysBetween(localDate(r.submittedAt, zone), localDate(r.decidedAt, zone))]
      : [],
  );
  const firstTime = all.filter((r) => r.firstTime);
  return {
    asOf: localDate(ctx.now, zone),
    total: group('all', '', all),
    byCall: groupBy(
      all,
      (r) => r.callId,
      (key) => calls.get(key) ?? key,
    ),
    byDistrict: groupBy(
      all,
      (r) => r.district ?? '',
      (key) => key,
    ),
    byKind: groupBy(
      all,
      (r) => r.kind,
      (key) => key,
    ),
    firstTime: group('first_time', '', firstTime),
    daysToDecision: { decided: suppress(days.length), medianDays: median(days) },
  };
}

/** The same figures as CSV (one row per group), with the same suppression. */
export async function fundingFiguresCsv(ctx: Ctx): Promise<string> {
  const figures = await fundingFigures(ctx);
  const header = ['figure', 'key', 'organisations', 'first_time_organisations', 'applications'];
  const rows: (string | number | null)[][] = [[...header, 'requested', 'approved', 'paid', 'repaid']];
  const add = (figure: string, g: ReturnType<typeof group>) =>
    rows.push([
      figure,
      g.key,
      g.organisations,
      g.firstTimeOrganisations,
      g.applications,
      g.requested,
      g.approved,
      g.paid,
      g.repaid,
    ]);
  add('total', figures.total);
  add('first_time', figures.firstTime);
  for (const g of figures.byCall) add('by_call', g);
  for (const g of figures.byDistrict) add('by_district', g);
  for (const g of figures.byKind) add('by_kind', g);
  rows.push([
    'days_to_decision_median',
    '',
    figures.daysToDecision.decided,
    null,
    null,
    figures.daysToDecision.medianDays,
  ]);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
