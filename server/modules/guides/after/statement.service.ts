import { audit, auditRead } from '../../../core/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { errors } from '../../../core/errors.ts';
import { authorize } from '../../../core/policy.ts';
import { monthRange, yearStart } from '../../../core/time.ts';
import { accountsByIds } from '../../platform/index.ts';
import * as repo from './after.repository.ts';
import {
  buildStatement,
  type GuideKind,
  type Outcome,
  parseRates,
  type Statement,
  type StatementEntry,
} from './statement.ts';
import { statementCsv } from './statement.csv.ts';
import { statementPdf } from './statement.pdf.ts';

type Row = Awaited<ReturnType<typeof repo.statementRows>>[number];
type Guide = { id: string; kind: string; name: string };

/** Guides with their names (one lookup for all), ordered by name. */
async function named(ctx: Ctx, kinds: { id: string; kind: string }[]): Promise<Guide[]> {
  const kindOf = new Map(kinds.map((guide) => [guide.id, guide.kind]));
  const accounts = await accountsByIds(
    ctx.db,
    kinds.map((guide) => guide.id),
  );
  return accounts.flatMap((account) => {
    const kind = kindOf.get(account.id);
    return kind ? [{ id: account.id, kind, name: account.displayName }] : [];
  });
}

function outcomeOf(row: Row): Outcome {
  if (row.noShowBy === 'guide') return 'no_show_guide';
  if (row.noShowBy === 'newcomer') return 'no_show_newcomer';
  if (row.assignmentState === 'cancelled') return 'late_cancellation';
  return 'done';
}

/** Rows that count: what has happened by now (a late cancellation counts as soon as it is made). */
function entryOf(row: Row, now: Date): StatementEntry | null {
  const outcome = outcomeOf(row);
  if (outcome !== 'late_cancellation' && row.startsAt > now) return null;
  return {
    assignmentId: row.assignmentId,
    start: row.startsAt,
    bookedMinutes: row.bookedMinutes,
    outcome,
    loggedMinutes: row.minutes,
    travelKm: row.travelKm,
    confirmed: row.confirmedAt !== null,
    language: row.language,
    topic: row.topic,
  };
}

/** Statements of some guides for a month, from one query over the year up to the month's end. */
async function statementsFor(ctx: Ctx, guides: Guide[], month: string) {
  const rates = parseRates(ctx.city.profile.rates);
  const timeZone = ctx.city.profile.timezone;
  const { from, to } = monthRange(month, timeZone);
  const rows = await repo.statementRows(
    ctx.db,
    guides.map((guide) => guide.id),
    yearStart(month, timeZone),
    to,
  );
  return guides.map((guide) => {
    const entries = rows
      .filter((row) => row.guideId === guide.id)
      .map((row) => entryOf(row, ctx.now))
      .filter((entry): entry is StatementEntry => entry !== null);
    const statement = buildStatement({
      guideId: guide.id,
      kind: guide.kind as GuideKind,
      month,
      rates,
      entries: entries.filter((entry) => entry.start >= from),
      earlierThisYear: entries.filter((entry) => entry.start < from),
    });
    return { guide, statement };
  });
}

function summary(guide: Guide, statement: Statement) {
  const happened = statement.lines.filter((line) => line.outcome !== 'late_cancellation');
  return {
    guideId: guide.id,
    guideName: guide.name,
    kind: statement.kind,
    month: statement.month,
    currency: statement.currency,
    totals: statement.totals,
    unconfirmed: happened.filter((line) => line.loggedMinutes !== null && !line.confirmed).length,
    unlogged: happened.filter((line) => line.loggedMinutes === null && line.outcome !== 'no_show_guide')
      .length,
  };
}

/** The month's statements: a guide gets their own, coordinators every guide's (the staff read is audited). */
export async function listStatements(ctx: Ctx, input: { month: string }) {
  authorize(ctx, 'guides.statements.list');
  let guides: Guide[];
  if (ctx.actor.role === 'guide') {
    const own = ctx.actor.id ? await repo.findGuideKind(ctx.db, ctx.actor.id) : undefined;
    guides = await named(ctx, own ? [own] : []);
  } else {
    guides = await named(ctx, await repo.listGuideKinds(ctx.db));
    await audit(ctx, {
      action: 'read',
      entityType: 'guide_statement',
      details: { month: input.month, guides: guides.length },
    });
  }
  const statements = await statementsFor(ctx, guides, input.month);
  return statements.map(({ guide, statement }) => summary(guide, statement));
}

/** One guide's statement of a month: for the guide, or a coordinator (audited). */
export async function getStatement(ctx: Ctx, input: { guideId: string; month: string }) {
  authorize(ctx, 'guides.statements.list');
  authorize(ctx, 'guides.statements.read', { guideId: input.guideId });
  const own = await repo.findGuideKind(ctx.db, input.guideId);
  const [guide] = await named(ctx, own ? [own] : []);
  if (!guide) throw errors.notFound('guide');
  await auditRead(ctx, 'guide_statement', guide.id);
  const [found] = await statementsFor(ctx, [guide], input.month);
  if (!found) throw errors.notFound('guide');
  return { guide, statement: found.statement };
}

/** The statement as JSON for the web pages. */
export async function statementJson(ctx: Ctx, input: { guideId: string; month: string }) {
  const { guide, statement } = await getStatement(ctx, input);
  return {
    ...summary(guide, statement),
    lines: statement.lines.map((line) => ({
      assignmentId: line.assignmentId,
      start: line.start.toISOString(),
      language: line.language,
      topic: line.topic,
      outcome: line.outcome,
      bookedMinutes: line.bookedMinutes,
      loggedMinutes: line.loggedMinutes,
      paidMinutes: line.paidMinutes,
      km: line.km,
      payCents: line.payCents,
      travelCents: line.travelCents,
      allowanceCents: line.allowanceCents,
      confirmed: line.confirmed,
    })),
    cap: statement.cap,
  };
}

/** The statement as a CSV file in the reader's language. */
export async function statementCsvFile(ctx: Ctx, input: { guideId: string; month: string }) {
  const { statement } = await getStatement(ctx, input);
  return {
    fileName: `statement-${input.month}-${input.guideId.slice(0, 8)}.csv`,
    body: statementCsv(statement, { locale: ctx.locale, timeZone: ctx.city.profile.timezone }),
  };
}

/** The statement as a PDF in the reader's language. */
export async function statementPdfFile(ctx: Ctx, input: { guideId: string; month: string }) {
  const { guide, statement } = await getStatement(ctx, input);
  const body = await statementPdf(statement, {
    locale: ctx.locale,
    timeZone: ctx.city.profile.timezone,
    guideName: guide.name,
    cityTitle: ctx.city.profile.branding.title,
    organisation: ctx.city.profile.branding.organisation,
  });
  return { fileName: `statement-${input.month}-${input.guideId.slice(0, 8)}.pdf`, body };
}
