import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './guides.repository.ts';
import { type Account, accountNames } from '../platform/index.ts';
import { profilesWithAccounts } from './accounts.ts';
import type * as s from './guides.schema.ts';
import type { GuideKind, ProposalState, RequestSource } from './guides.terms.ts';
import {
  explainAssignment,
  type MatchingGuide,
  type MatchingProblem,
  type MatchingRequest,
  type MatchingResult,
  rankAlternatives,
  type Suggestion,
  solveMatching,
  solveMatchingInWorker,
  suggestions,
} from './matching/index.ts';
import { onboardingState } from './profiles.service.ts';
import { guideSettings } from './settings.ts';
import { travelMinutes } from '../../core/geo.ts';
import {
  addDays,
  type Interval,
  isoWeekday,
  isoWithOffset,
  localDate,
  subtract,
  weekStart,
  zonedToUtc,
} from '../../core/time.ts';
import { confirmAssignment, proposeToGuide, requireState, sendDraft, transition } from './workflow.ts';

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** What the problem builder knows about each guide besides the solver's fields. */
type GuideFacts = { profile: repo.ProfileRow; account: Account };
type BuiltProblem = {
  problem: MatchingProblem;
  guides: Map<string, GuideFacts>;
  requests: Map<string, repo.RequestRow>;
};

/**
 * The matching problem from the database: matchable guides (active, every required onboarding step recorded;
 * `validUntil` the earliest expiry), their weekly slots expanded over the period minus days off and minus
 * their confirmed assignments and pending proposals widened by the travel time to the farthest request, the
 * weekly maximum minus what they already hold that week, and each request's previous guides of the family.
 */
export async function buildProblem(
  ctx: Ctx,
  input: { requests: repo.RequestRow[]; excludeGuideIds?: string[] },
): Promise<BuiltProblem> {
  const settings = guideSettings(ctx);
  const tz = ctx.city.profile.timezone;
  const requests = input.requests;
  const excluded = new Set(input.excludeGuideIds ?? []);
  const days = [...new Set(requests.map((r) => localDate(r.startsAt, tz)))].sort();
  const firstDay = days[0] ?? localDate(ctx.now, tz);
  const lastDay = days[days.length - 1] ?? firstDay;
  const periodFrom = zonedToUtc(weekStart(firstDay), '00:00', tz);
  const periodTo = zonedToUtc(addDays(weekStart(lastDay), 7), '00:00', tz);

  const [profiles, onboarding, assignments, pending, counts, previous] = await Promise.all([
    profilesWithAccounts(ctx.db),
    repo.listOnboarding(ctx.db),
    repo.activeAssignmentsBetween(
      ctx.db,
      new Date(periodFrom.getTime() - DAY_MS),
      new Date(periodTo.getTime() + DAY_MS),
    ),
    repo.pendingProposalsBetween(
      ctx.db,
      new Date(periodFrom.getTime() - DAY_MS),
      new Date(periodTo.getTime() + DAY_MS),
    ),
    repo.countAssignmentsOfGuidesBetween(ctx.db, periodFrom, periodTo),
    repo.previousGuidesByCase(ctx.db, [...new Set(requests.flatMap((r) => (r.caseRef ? [r.caseRef] : [])))]),
  ]);
  const requestIds = new Set(requests.map((r) => r.id));
  const stepsOf = new Map<string, repo.OnboardingRow[]>();
  for (const row of onboarding) stepsOf.set(row.guideId, [...(stepsOf.get(row.guideId) ?? []), row]);
  const busyOf = new Map<string, { start: Date; end: Date; lat: number; lon: number }[]>();
  const addBusy = (guideId: string, start: Date, end: Date, lat: number, lon: number) =>
    busyOf.set(guideId, [...(busyOf.get(guideId) ?? []), { start, end, lat, lon }]);
  for (const a of assignments) addBusy(a.guideId, a.startsAt, a.endsAt, a.placeLat, a.placeLon);
  const pendingCount = new Map<string, number>();
  for (const { proposal, request } of pending) {
    if (requestIds.has(request.id)) continue;
    const end = new Date(request.startsAt.getTime() + request.durationMinutes * 60_000);
    addBusy(proposal.guideId, request.startsAt, end, request.placeLat, request.placeLon);
    if (request.startsAt >= periodFrom && request.startsAt < periodTo)
      pendingCount.set(proposal.guideId, (pendingCount.get(proposal.guideId) ?? 0) + 1);
  }
  const held = new Map(counts.map((c) => [c.guideId, c.n]));
  const weeks = Math.max(1, Math.round((periodTo.getTime() - periodFrom.getTime()) / (7 * DAY_MS)));

  const guides: MatchingGuide[] = [];
  const facts = new Map<string, GuideFacts>();
  for (const { profile, account } of profiles) {
    if (!profile.active || excluded.has(profile.userId)) continue;
    const state = onboardingState(stepsOf.get(profile.userId) ?? [], {
      required: settings.requiredSteps,
      today: localDate(ctx.now, tz),
      reminderDays: settings.onboardingReminderDays,
    });
    // Not yet onboarded: not part of the pool. Onboarded but expired: in the pool, refused by validUntil.
    if (!state.complete) continue;
    let windows: Interval[] = [];
    for (const day of days) {
      const off = profile.exceptions.some((e) => e.from <= day && day <= e.to);
      if (off) continue;
      for (const slot of profile.weekly.filter((w) => w.weekday === isoWeekday(day))) {
        windows.push({ start: zonedToUtc(day, slot.from, tz), end: zonedToUtc(day, slot.to, tz) });
      }
    }
    // Busy times widened by the travel to the farthest request of the problem: safe for every pair.
    const cuts = (busyOf.get(profile.userId) ?? []).map((busy) => {
      const widen = Math.max(
        0,
        ...requests.map((r) => travelMinutes(busy, { lat: r.placeLat, lon: r.placeLon }, settings.speedKmh)),
      );
      return {
        start: new Date(busy.start.getTime() - widen * 60_000 - 1000),
        end: new Date(busy.end.getTime() + widen * 60_000 + 1000),
      };
    });
    windows = subtract(windows, cuts);
    const already = (held.get(profile.userId) ?? 0) + (pendingCount.get(profile.userId) ?? 0);
    guides.push({
      id: profile.userId,
      languages: profile.languages.map((l) => l.code),
      dialects: profile.languages.flatMap((l) => (l.dialect ? [`${l.code}-${l.dialect}`] : [])),
      gender: (profile.gender as MatchingGuide['gender']) ?? null,
      topicsRefused: profile.topicsRefused,
      home: { lat: profile.homeLat, lon: profile.homeLon },
      maxAssignments: Math.max(0, profile.maxPerWeek * weeks - already),
      availability: windows.map((w) => ({
        start: isoWithOffset(w.start, tz),
        end: isoWithOffset(w.end, tz),
      })),
      validUntil: state.validUntil,
      kind: profile.kind as GuideKind,
    });
    facts.set(profile.userId, { profile, account });
  }
  const previousOf = new Map<string, string[]>();
  for (const row of previous) {
    if (row.caseRef) previousOf.set(row.caseRef, [...(previousOf.get(row.caseRef) ?? []), row.guideId]);
  }
  const problemRequests: MatchingRequest[] = requests.map((r) => ({
    id: r.id,
    language: r.language,
    dialect: r.dialect ? `${r.language}-${r.dialect}` : null,
    start: isoWithOffset(r.startsAt, tz),
    durationMinutes: r.durationMinutes,
    place: { lat: r.placeLat, lon: r.placeLon },
    topic: r.topic,
    genderRequired: (r.genderRequired as MatchingRequest['genderRequired']) ?? null,
    urgency: r.urgency,
    previousGuideIds: r.caseRef ? [...new Set(previousOf.get(r.caseRef) ?? [])] : [],
    preferredKind: settings.kindPreference[r.source as RequestSource] ?? null,
  }));
  return {
    problem: {
      weights: { ...settings.weights, speedKmh: settings.speedKmh },
      guides,
      requests: problemRequests,
    },
    guides: facts,
    requests: new Map(requests.map((r) => [r.id, r])),
  };
}

/** Why this guide, in words a coordinator reads: language, travel, same guide as before, workload. */
function explanationFor(
  built: BuiltProblem,
  input: {
    requestId: string;
    guideId: string;
    travelMinutes: number;
    continuity: boolean;
    load: number;
    assignmentsOfGuide: number;
    maxAssignments: number;
    alternatives: number;
    afterDecline?: boolean;
  },
): Record<string, unknown> {
  const facts = built.guides.get(input.guideId);
  const request = built.requests.get(input.requestId);
  const language = facts?.profile.languages.find((l) => l.code === request?.language);
  const km = request && facts ? (input.travelMinutes * built.problem.weights.speedKmh) / 60 : 0;
  return {
    guideId: input.guideId,
    guideName: facts?.account.displayName ?? null,
    kind: facts?.profile.kind ?? null,
    language: request?.language ?? null,
    dialect: request?.dialect ?? null,
    languageLevel: language?.level ?? null,
    travelMinutes: round1(input.travelMinutes),
    distanceKm: round1(km),
    sameGuideAsBefore: input.continuity,
    load: input.load,
    assignmentsThisPeriod: input.assignmentsOfGuide,
    maxAssignments: input.maxAssignments,
    alternatives: input.alternatives,
    ...(input.afterDecline ? { afterDecline: true } : {}),
  };
}

/** For tests and shutdown: the runs still computing in this process. */
const runsInFlight = new Map<string, Promise<void>>();

/** Resolves when the run (if it is computing in this process) has been stored. */
export async function waitForRun(id: string): Promise<void> {
  await runsInFlight.get(id);
}

function periodOf(ctx: Ctx, input: { from: string; to: string }) {
  const tz = ctx.city.profile.timezone;
  if (addDays(input.from, 6) < input.to) throw new AppError('guides.period_too_long', { field: 'body.to' });
  return { from: zonedToUtc(input.from, '00:00', tz), to: zonedToUtc(addDays(input.to, 1), '00:00', tz) };
}

/** A coordinator starts matching all open requests of a period (at most a week); it runs in a worker. */
export async function startRun(ctx: Ctx, input: z.infer<typeof s.runBody>) {
  authorize(ctx, 'guides.matching');
  const period = periodOf(ctx, input);
  const id = await inTransaction(ctx, async (tx) => {
    // A new run replaces the one still under review: its drafts never reach anybody.
    const discarded = await repo.discardUnsentRuns(tx.db, tx.now);
    await repo.deleteDraftsOfRuns(tx.db, discarded);
    const runId = await repo.insertRun(tx.db, {
      periodFrom: period.from,
      periodTo: period.to,
      requestedBy: tx.actor.id,
      createdAt: tx.now,
      status: 'running',
    });
    await audit(tx, {
      action: 'guide_matching.run',
      entityType: 'guide_matching_run',
      entityId: runId,
      details: { discardedRuns: discarded.length },
    });
    return runId;
  });
  const running = executeRun(ctx, id, period).finally(() => runsInFlight.delete(id));
  runsInFlight.set(id, running);
  return { id };
}

async function executeRun(ctx: Ctx, runId: string, period: { from: Date; to: Date }): Promise<void> {
  try {
    const from = new Date(Math.max(period.from.getTime(), ctx.clock.now().getTime()));
    const open = await repo.listOpenRequests(ctx.db, from, period.to);
    const built = await buildProblem(ctx, { requests: open });
    const result = open.length
      ? await solveMatchingInWorker(built.problem, { timeLimitSeconds: 5, gapTolerance: 0.005 })
      : { assignments: [], unassigned: [], objective: 0, bound: 0, gap: 0, seconds: 0 };
    await storeRun({ ...ctx, now: ctx.clock.now() }, runId, built, result);
  } catch (error) {
    const code = String((error as { code?: string }).code ?? (error as Error).name ?? 'error');
    ctx.logger.error({ runId, code }, 'matching run failed');
    await repo
      .updateRun(ctx.db, runId, { status: 'failed', error: code, finishedAt: ctx.clock.now() })
      .catch(() => {});
  }
}

function helpFor(list: Suggestion[], request: MatchingRequest | undefined): Record<string, unknown>[] {
  if (!request) return [];
  const weekday = isoWeekday(request.start.slice(0, 10));
  return list
    .filter((item) => item.language === request.language && item.weekday === weekday)
    .map((item) => ({ ...item }));
}

/**
 * Stores a solved run: draft proposals with explanations (for the coordinator's review: no guide sees them or
 * gets a mail until the run is sent), unmatched requests with reasons and what would help.
 */
async function storeRun(ctx: Ctx, runId: string, built: BuiltProblem, result: MatchingResult) {
  const help = suggestions(built.problem, result);
  const requestOf = new Map(built.problem.requests.map((r) => [r.id, r]));
  let proposed = 0;
  await inTransaction(ctx, async (tx) => {
    const run = await repo.lockRun(tx.db, runId);
    // A newer run replaced this one while it was computing: nothing to review.
    const assignments = run?.discardedAt ? [] : result.assignments;
    for (const assignment of assignments) {
      const request = await repo.lockRequest(tx.db, assignment.requestId);
      if (request?.state !== 'open') continue;
      const why = explainAssignment(built.problem, result, assignment.requestId);
      if (!why) continue;
      await proposeToGuide(tx, {
        request,
        guideId: assignment.guideId,
        runId,
        explanation: explanationFor(built, { ...why, requestId: assignment.requestId }),
        draft: true,
      });
      proposed++;
    }
    const unmatched = [];
    for (const { requestId, reasons } of result.unassigned) {
      const request = await repo.lockRequest(tx.db, requestId);
      if (request?.state !== 'open') continue;
      await repo.updateRequest(tx.db, requestId, { unmatchedReasons: reasons, updatedAt: tx.now });
      unmatched.push({ requestId, reasons, help: helpFor(help, requestOf.get(requestId)) });
    }
    await repo.updateRun(tx.db, runId, {
      status: 'done',
      finishedAt: tx.now,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      seconds: result.seconds,
      stats: {
        requests: built.problem.requests.length,
        guides: built.problem.guides.length,
        proposed,
        unmatched: unmatched.length,
      },
      unmatched,
      suggestions: help,
    });
  });
}

/** Runs of the last weeks, newest first. */
export async function listRuns(ctx: Ctx) {
  authorize(ctx, 'guides.matching');
  const rows = await repo.listRuns(ctx.db);
  return { items: rows.map(runSummary) };
}

function runSummary(row: repo.RunRow) {
  return {
    id: row.id,
    status: row.status as 'running' | 'done' | 'failed',
    periodFrom: row.periodFrom.toISOString(),
    periodTo: row.periodTo.toISOString(),
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    discardedAt: row.discardedAt?.toISOString() ?? null,
    objective: row.objective,
    bound: row.bound,
    gap: row.gap,
    seconds: row.seconds,
    stats: row.stats,
  };
}

/** Whether the run's drafts may still be changed and sent: done, neither sent nor replaced by a newer run. */
const inReview = (run: repo.RunRow) =>
  run.status === 'done' && !run.sentAt && !run.discardedAt && run.requestId === null;

/** How many alternatives a coordinator sees per draft: the next best ones. */
const ALTERNATIVES_SHOWN = 5;

/**
 * A run's drafts as the solver sees them now: the problem over their (still open) requests, and the drafts as
 * its assignments, so alternatives respect each guide's other drafts (no overlap, below the weekly maximum).
 */
async function reviewProblem(ctx: Ctx, drafts: { proposal: repo.ProposalRow; request: repo.RequestRow }[]) {
  const open = drafts.filter(({ request }) => request.state === 'open');
  const built = await buildProblem(ctx, { requests: open.map(({ request }) => request) });
  const assignments = open.map(({ proposal }) => ({
    requestId: proposal.requestId,
    guideId: proposal.guideId,
  }));
  return { built, assignments };
}

/** The eligible guides who could take a draft's request instead of its guide, best first. */
function alternativesOf(
  review: Awaited<ReturnType<typeof reviewProblem>>,
  proposal: repo.ProposalRow,
  names: Map<string, string>,
) {
  const { built, assignments } = review;
  const previous = built.problem.requests.find((r) => r.id === proposal.requestId)?.previousGuideIds ?? [];
  return rankAlternatives(built.problem, { assignments }, proposal.requestId, [proposal.guideId])
    .slice(0, ALTERNATIVES_SHOWN)
    .map((alternative) => ({
      guideId: alternative.guideId,
      guideName:
        names.get(alternative.guideId) ?? built.guides.get(alternative.guideId)?.account.displayName ?? '',
      travelMinutes: Math.round(alternative.travelMinutes),
      sameGuideAsBefore: previous.includes(alternative.guideId),
    }));
}

/** One run with each proposal's explanation (and, under review, its alternatives) and each gap's reasons. */
export async function getRun(ctx: Ctx, id: string) {
  authorize(ctx, 'guides.matching');
  const row = await repo.findRun(ctx.db, id);
  if (!row) throw errors.notFound();
  return runDetail(ctx, row);
}

async function runDetail(ctx: Ctx, row: repo.RunRow) {
  const proposals = await repo.listProposalsOfRun(ctx.db, row.id);
  const review = inReview(row) ? await reviewProblem(ctx, await repo.listDraftsOfRun(ctx.db, row.id)) : null;
  const names = await accountNames(
    ctx.db,
    proposals.map((proposal) => proposal.guideId),
  );
  return {
    ...runSummary(row),
    inReview: inReview(row),
    proposals: proposals.map((proposal) => ({
      id: proposal.id,
      requestId: proposal.requestId,
      guideId: proposal.guideId,
      guideName: names.get(proposal.guideId) ?? '',
      status: proposal.status as ProposalState,
      deadline: proposal.deadline.toISOString(),
      explanation: proposal.explanation,
      alternatives: review && proposal.status === 'draft' ? alternativesOf(review, proposal, names) : [],
    })),
    unmatched: row.unmatched as z.infer<typeof s.unmatchedItem>[],
    suggestions: row.suggestions as Record<string, unknown>[],
  };
}

/** What the matching page shows after a reload: the run under review (if any) and the last sent run. */
export async function currentRuns(ctx: Ctx) {
  authorize(ctx, 'guides.matching');
  const [unsent, sent] = await Promise.all([repo.latestUnsentRun(ctx.db), repo.latestSentRun(ctx.db)]);
  return {
    review: unsent ? await runDetail(ctx, unsent) : null,
    lastSent: sent ? runSummary(sent) : null,
  };
}

/** The run under review, locked, and one of its drafts; 404 for another run's or a sent proposal. */
async function openDraft(tx: Ctx, runId: string, proposalId: string) {
  const run = await repo.lockRun(tx.db, runId);
  if (!run) throw errors.notFound();
  if (!inReview(run)) throw new AppError('guides.run_not_in_review');
  const proposal = await repo.lockProposal(tx.db, proposalId);
  if (proposal?.runId !== runId || proposal.status !== 'draft') throw errors.notFound();
  return { run, proposal };
}

/** The coordinator drops a draft: the request stays open, the guide never hears of it. */
export async function dropProposal(ctx: Ctx, runId: string, proposalId: string) {
  authorize(ctx, 'guides.matching');
  await inTransaction(ctx, async (tx) => {
    await openDraft(tx, runId, proposalId);
    await repo.deleteDraft(tx.db, proposalId);
    await audit(tx, {
      action: 'guide_proposal.drop',
      entityType: 'guide_matching_run',
      entityId: runId,
      details: { proposalId },
    });
  });
}

/**
 * The coordinator gives a draft to another guide: only one of the eligible alternatives (hard rules met, no
 * overlap with the guide's other drafts, below the weekly maximum); the explanation is made anew for them.
 */
export async function swapProposal(ctx: Ctx, runId: string, proposalId: string, guideId: string) {
  authorize(ctx, 'guides.matching');
  return inTransaction(ctx, async (tx) => {
    const { proposal } = await openDraft(tx, runId, proposalId);
    const review = await reviewProblem(tx, await repo.listDraftsOfRun(tx.db, runId));
    const fits = rankAlternatives(
      review.built.problem,
      { assignments: review.assignments },
      proposal.requestId,
      [proposal.guideId],
    ).some((alternative) => alternative.guideId === guideId);
    if (!fits) throw new AppError('guides.guide_unfit', { field: 'body.guideId' });
    const assignments = review.assignments.map((a) =>
      a.requestId === proposal.requestId ? { ...a, guideId } : a,
    );
    const why = explainAssignment(review.built.problem, { assignments }, proposal.requestId);
    if (!why) throw new AppError('guides.guide_unfit', { field: 'body.guideId' });
    await repo.updateProposal(tx.db, proposalId, {
      guideId,
      explanation: explanationFor(review.built, { ...why, requestId: proposal.requestId }),
    });
    await audit(tx, {
      action: 'guide_proposal.swap',
      entityType: 'guide_matching_run',
      entityId: runId,
      details: { proposalId, from: proposal.guideId, to: guideId },
    });
    return { id: proposalId, guideId };
  });
}

/**
 * The coordinator sends the reviewed run: each draft whose request is still open and ahead becomes a proposal
 * (deadline, request → proposed, mail with a tentative calendar entry); the others are dropped.
 */
export async function sendRun(ctx: Ctx, runId: string) {
  authorize(ctx, 'guides.matching');
  return inTransaction(ctx, async (tx) => {
    const run = await repo.lockRun(tx.db, runId);
    if (!run) throw errors.notFound();
    if (!inReview(run)) throw new AppError('guides.run_not_in_review');
    let sent = 0;
    let skipped = 0;
    for (const { proposal } of await repo.listDraftsOfRun(tx.db, runId)) {
      const request = await repo.lockRequest(tx.db, proposal.requestId);
      if (request?.state === 'open' && request.startsAt > tx.now) {
        await sendDraft(tx, { proposal, request });
        sent++;
      } else {
        await repo.deleteDraft(tx.db, proposal.id);
        skipped++;
      }
    }
    await repo.updateRun(tx.db, runId, {
      sentAt: tx.now,
      sentBy: tx.actor.id,
      stats: { ...run.stats, proposed: sent },
    });
    await audit(tx, {
      action: 'guide_matching.send',
      entityType: 'guide_matching_run',
      entityId: runId,
      details: { sent, skipped },
    });
    return { sent, skipped };
  });
}

/**
 * Offers a request to the best guide not yet asked (after a decline or an expiry, or for an urgent request);
 * when nobody fits, the request goes back to open with the reasons.
 */
export async function offerToNextGuide(
  tx: Ctx,
  request: repo.RequestRow,
  options: { runId?: string | null; afterDecline?: boolean } = {},
): Promise<{ proposalId: string | null; guideId: string | null; reasons: string[] }> {
  const asked = await repo.proposedGuidesOfRequest(tx.db, request.id);
  const built = await buildProblem(tx, { requests: [request], excludeGuideIds: asked });
  const empty = { assignments: [] };
  const [best] = rankAlternatives(built.problem, empty, request.id);
  if (best) {
    const facts = built.guides.get(best.guideId);
    const explanation = explanationFor(built, {
      requestId: request.id,
      guideId: best.guideId,
      travelMinutes: best.travelMinutes,
      continuity: built.problem.requests[0]?.previousGuideIds.includes(best.guideId) ?? false,
      load: 1,
      assignmentsOfGuide: 1,
      maxAssignments: built.problem.guides.find((g) => g.id === best.guideId)?.maxAssignments ?? 0,
      alternatives: rankAlternatives(built.problem, empty, request.id).length - 1,
      ...(options.afterDecline ? { afterDecline: true } : {}),
    });
    if (facts) {
      const proposalId = await proposeToGuide(tx, {
        request,
        guideId: best.guideId,
        runId: options.runId ?? null,
        explanation,
      });
      return { proposalId, guideId: best.guideId, reasons: [] };
    }
  }
  const solved = solveMatching(built.problem, { timeLimitSeconds: 1 });
  const reasons: string[] = solved.unassigned.find((u) => u.requestId === request.id)?.reasons ?? [
    'all_busy',
  ];
  if (request.state !== 'open') {
    await transition(tx, request, 'open', 'no_guide', { unmatchedReasons: reasons });
  } else {
    await repo.updateRequest(tx.db, request.id, { unmatchedReasons: reasons, updatedAt: tx.now });
  }
  return { proposalId: null, guideId: null, reasons };
}

/** A coordinator proposes one urgent request to the best guide now. */
export async function proposeUrgent(ctx: Ctx, requestId: string) {
  authorize(ctx, 'guides.matching');
  return inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, requestId);
    if (!request) throw errors.notFound();
    requireState(request, ['open']);
    if (request.startsAt <= tx.now) throw new AppError('guides.in_the_past', { field: 'params.id' });
    const offered = await offerToNextGuide(tx, request);
    await audit(tx, {
      action: 'guide_matching.propose',
      entityType: 'guide_request',
      entityId: requestId,
      details: { proposed: offered.proposalId !== null },
    });
    return offered;
  });
}

/**
 * A coordinator confirms a guide directly (e.g. agreed by phone). Two coordinators doing this at the same moment
 * cannot double-book: the request row is locked, and the database refuses overlapping assignments of the guide.
 */
export async function assignGuide(ctx: Ctx, requestId: string, guideId: string) {
  authorize(ctx, 'guides.matching');
  return inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, requestId);
    if (!request) throw errors.notFound();
    requireState(request, ['open', 'proposed']);
    const profile = await repo.findProfile(tx.db, guideId);
    if (!profile) throw errors.invalid('body.guideId', 'validation.invalid_value');
    const settings = guideSettings(tx);
    const tz = tx.city.profile.timezone;
    const state = onboardingState(await repo.listOnboarding(tx.db, [guideId]), {
      required: settings.requiredSteps,
      today: localDate(request.startsAt, tz),
      reminderDays: 0,
    });
    const speaks = profile.languages.some((l) => l.code === request.language);
    if (!profile.active || !state.valid || !speaks || profile.topicsRefused.includes(request.topic)) {
      throw new AppError('guides.guide_unfit', { field: 'body.guideId' });
    }
    const pending = await repo.pendingProposalOfRequest(tx.db, requestId);
    if (pending) await repo.updateProposal(tx.db, pending.id, { status: 'withdrawn', respondedAt: tx.now });
    const assignmentId = await confirmAssignment(tx, { request, guideId, proposalId: null });
    await audit(tx, { action: 'guide_request.assign', entityType: 'guide_request', entityId: requestId });
    return { assignmentId };
  });
}
