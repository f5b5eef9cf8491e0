/**
 * Calls and what follows them: the public list and page, the published funded projects, creating and closing a
 * call, reviews (each reviewer scores each criterion with a reason; conflicts of interest kept out) and the
 * coordinator's score table with the spread between reviewers.
 */
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { authorize } from '../../core/policy.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import type { CallInput } from './funding.schema.ts';
import type { ApplicationState } from './funding.terms.ts';
import { weightedScore } from './rules.ts';
import { callView, inLanguage } from './views.ts';

/** Open calls whose deadline has not passed (public). */
export async function listOpenCalls(ctx: Ctx) {
  authorize(ctx, 'funding.read_public');
  const rows = await repo.listOpenCalls(ctx.db, ctx.now);
  return { items: rows.map((row) => callView(ctx, row)) };
}

/** One call's public page (not a draft). */
export async function readCall(ctx: Ctx, id: string) {
  authorize(ctx, 'funding.read_public');
  const row = await repo.findCall(ctx.db, id);
  if (!row || row.state === 'draft') throw errors.notFound();
  return callView(ctx, row);
}

/** The funded projects of decided calls: organisation, title, amount, year, district (open data). */
export async function listFunded(ctx: Ctx) {
  authorize(ctx, 'funding.read_public');
  const rows = await repo.listFunded(ctx.db);
  const names = await organisationNames(ctx.db, [...new Set(rows.map((r) => r.application.organisationId))]);
  return {
    items: rows.map(({ application, call }) => ({
      organisation: names.get(application.organisationId) ?? application.organisationId,
      title: application.content.project.title,
      amount: application.decision?.amount ?? 0,
      year: call.year,
      district: application.content.districts[0] ?? null,
      call: inLanguage(ctx, call.title),
    })),
  };
}

/** A coordinator publishes a call (open right away or as a draft). */
export async function createCall(ctx: Ctx, input: CallInput) {
  authorize(ctx, 'funding.coordinate');
  if (input.maxPerProject > input.budget)
    throw new AppError('funding.over_maximum', {
      field: 'body.maxPerProject',
      params: { max: input.budget },
    });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertCall(tx.db, {
      title: input.title,
      text: input.text,
      state: input.open ? 'open' : 'draft',
      year: input.year,
      budget: input.budget,
      maxPerProject: input.maxPerProject,
      categories: input.categories,
      criteria: input.criteria,
      requiredDocuments: input.requiredDocuments,
      reviewerIds: input.reviewerIds,
      deadline: new Date(input.deadline),
      createdAt: tx.now,
    });
    await audit(tx, { action: 'funding.call.create', entityType: 'funding_call', entityId: row.id });
    return callView(tx, row);
  });
}

/**
 * A coordinator extends an open call's deadline: only later, never earlier (an association may have planned on it).
 * Drafts can be submitted again until then; the reminders follow the new day.
 */
export async function extendDeadline(ctx: Ctx, id: string, input: { deadline: string }) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const call = await repo.findCall(tx.db, id);
    if (!call) throw errors.notFound();
    if (call.state !== 'open') throw new AppError('funding.wrong_state', { params: { state: call.state } });
    const deadline = new Date(input.deadline);
    if (deadline <= call.deadline || deadline <= tx.now)
      throw new AppError('funding.deadline_earlier', {
        field: 'body.deadline',
        params: { deadline: call.deadline.toISOString() },
      });
    await repo.setCallDeadline(tx.db, id, deadline);
    await audit(tx, {
      action: 'funding.call.extend',
      entityType: 'funding_call',
      entityId: id,
      details: { from: call.deadline.toISOString(), to: deadline.toISOString() },
    });
    return callView(tx, { ...call, deadline });
  });
}

const icsText = (text: string) =>
  text.replaceAll('\\', '\\\\').replaceAll(';', '\\;').replaceAll(',', '\\,').replace(/\r?\n/g, '\\n');
const icsInstant = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets (RFC 5545 3.1), not inside a UTF-8 sequence. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char) > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * A public call's deadline as an iCalendar file (RFC 5545): one event at the deadline's instant (UTC), titled in the
 * reader's language, with alarms the city profile's reminder days before, and the call's page as its URL.
 */
export async function deadlineCalendar(ctx: Ctx, id: string, publicUrl: string, leadDays: readonly number[]) {
  authorize(ctx, 'funding.read_public');
  const row = await repo.findCall(ctx.db, id);
  if (!row || row.state === 'draft') throw errors.notFound();
  const call = callView(ctx, row);
  const url = `${publicUrl.replace(/\/$/, '')}/foerderung/${row.id}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lotse//funding//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:funding-deadline-${row.id}@lotse`,
    `DTSTAMP:${icsInstant(ctx.now)}`,
    `DTSTART:${icsInstant(row.deadline)}`,
    `DTEND:${icsInstant(row.deadline)}`,
    `SUMMARY:${icsText(translate(ctx.locale, 'funding-mail:calendar.summary', { title: call.title }))}`,
    `DESCRIPTION:${icsText(`${translate(ctx.locale, 'funding-mail:calendar.description')}\n${url}`)}`,
    `URL:${url}`,
    'TRANSP:TRANSPARENT',
    ...leadDays.flatMap((days) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-P${days}D`,
      `DESCRIPTION:${icsText(translate(ctx.locale, 'funding-mail:calendar.summary', { title: call.title }))}`,
      'END:VALARM',
    ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Closes a call whose applications are all decided: its funded projects are published. */
export async function publishDecisions(ctx: Ctx, id: string) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const call = await repo.findCall(tx.db, id);
    if (!call) throw errors.notFound();
    const open = await repo.listApplicationsOfCall(tx.db, [id], ['submitted', 'changes_requested']);
    if (open.length > 0) throw new AppError('funding.undecided', { params: { count: open.length } });
    await repo.setCallState(tx.db, id, 'decided');
    await audit(tx, { action: 'funding.call.publish', entityType: 'funding_call', entityId: id });
    return callView(tx, { ...call, state: 'decided' });
  });
}

/** The reviewer's list: submitted applications of the calls they review, except their own organisation's. */
export async function listForReview(ctx: Ctx) {
  authorize(ctx, 'funding.review_list');
  const calls = await repo.listCallsOfReviewer(ctx.db, ctx.actor.id as string);
  const rows = await repo.listReviewable(
    ctx.db,
    calls.map((c) => c.id),
    ctx.actor.organisationId,
  );
  const reviews = await repo.reviewsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await organisationNames(ctx.db, [...new Set(rows.map((r) => r.organisationId))]);
  const criteriaCount = new Map(calls.map((c) => [c.id, c.criteria.length]));
  return {
    items: rows.map((row) => ({
      id: row.id,
      callId: row.callId,
      title: row.content.project.title,
      organisation: names.get(row.organisationId) ?? row.organisationId,
      scored:
        reviews.filter((r) => r.applicationId === row.id && r.reviewerId === ctx.actor.id).length >=
        (criteriaCount.get(row.callId) ?? 1),
    })),
  };
}

async function loadForReview(ctx: Ctx, id: string) {
  const row = await repo.findApplication(ctx.db, id);
  if (!row) throw errors.notFound();
  const call = await repo.findCall(ctx.db, row.callId);
  if (!call) throw errors.notFound();
  authorize(ctx, 'funding.review', { organisationId: row.organisationId, reviewerIds: call.reviewerIds });
  return { row, call };
}

/** The caller's own scores of an application. */
export async function readReview(ctx: Ctx, id: string) {
  await loadForReview(ctx, id);
  const rows = await repo.reviewsOf(ctx.db, [id]);
  return {
    scores: rows
      .filter((r) => r.reviewerId === ctx.actor.id)
      .map((r) => ({ criterion: r.criterion, score: r.score, reason: r.reason })),
  };
}

/** A reviewer scores criteria of a submitted application, each with a reason (again: replaces). */
export async function saveReview(
  ctx: Ctx,
  id: string,
  input: { scores: { criterion: string; score: number; reason: string }[] },
) {
  const { row, call } = await loadForReview(ctx, id);
  if (row.state !== 'submitted') throw new AppError('funding.wrong_state', { params: { state: row.state } });
  const keys = new Set(call.criteria.map((c) => c.key));
  input.scores.forEach((score, i) => {
    if (!keys.has(score.criterion))
      throw new AppError('funding.criterion_unknown', { field: `body.scores.${i}.criterion` });
  });
  await inTransaction(ctx, async (tx) => {
    await repo.upsertReviews(
      tx.db,
      input.scores.map((s) => ({
        applicationId: id,
        reviewerId: ctx.actor.id as string,
        criterion: s.criterion,
        score: s.score,
        reason: s.reason,
        updatedAt: tx.now,
      })),
    );
    await audit(tx, { action: 'funding.review', entityType: 'funding_application', entityId: id });
  });
  return readReview(ctx, id);
}

const SCORED_STATES: readonly ApplicationState[] = ['submitted', 'approved', 'partly', 'rejected'];

/** Per application of a call: weighted score per complete reviewer, their mean and spread. */
export async function scoresOfCall(ctx: Ctx, call: repo.CallRow) {
  const rows = await repo.listApplicationsOfCall(ctx.db, [call.id], SCORED_STATES);
  const reviews = await repo.reviewsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const byReviewer = new Map<string, Map<string, number>>();
    for (const review of reviews) {
      if (review.applicationId !== row.id) continue;
      const scores = byReviewer.get(review.reviewerId) ?? new Map<string, number>();
      scores.set(review.criterion, review.score);
      byReviewer.set(review.reviewerId, scores);
    }
    const totals = [...byReviewer.values()]
      .map((scores) => weightedScore(call.criteria, scores))
      .filter((score): score is number => score !== null);
    const mean = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
    return {
      row,
      reviewers: totals.length,
      score: mean === null ? null : Math.round(mean * 100) / 100,
      spread: totals.length ? Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100 : null,
    };
  });
}

/** The coordinator's score table: every scored application with mean, spread and the budget. */
export async function scoreTable(ctx: Ctx, id: string) {
  authorize(ctx, 'funding.coordinate');
  const call = await repo.findCall(ctx.db, id);
  if (!call) throw errors.notFound();
  const scored = await scoresOfCall(ctx, call);
  const names = await organisationNames(ctx.db, [...new Set(scored.map((s) => s.row.organisationId))]);
  const items = scored
    .map(({ row, reviewers, score, spread }) => ({
      id: row.id,
      title: row.content.project.title,
      organisation: names.get(row.organisationId) ?? row.organisationId,
      requested: row.content.budget.requested,
      minimum: row.content.budget.minimum,
      reviewers,
      score,
      spread,
      state: row.state as ApplicationState,
    }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  return {
    budget: call.budget,
    requested: items.filter((i) => i.state === 'submitted').reduce((sum, i) => sum + i.requested, 0),
    items,
  };
}
