/**
 * The allocation proposal for a call: the submitted, scored applications and the budget left go to the exact
 * branch and bound (allocation/, run in a worker thread); optionally what changes if one decision is flipped.
 * The committee decides (decide() in applications.service.ts); the proposal is a tool and is not stored.
 */
import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { organisationNames } from '../platform/index.ts';
import { type AllocationProblem, parseAllocationProblem, proposeInWorker } from './allocation/index.ts';
import { scoresOfCall } from './calls.service.ts';
import * as repo from './funding.repository.ts';
import type { AllocationInput } from './funding.schema.ts';

/** The solver's time limit for a request (the proposal is then marked time_limit with its gap). */
const PROPOSAL_SECONDS = 10;

export async function proposeAllocation(ctx: Ctx, callId: string, input: AllocationInput) {
  authorize(ctx, 'funding.coordinate');
  const call = await repo.findCall(ctx.db, callId);
  if (!call) throw errors.notFound();
  const scored = await scoresOfCall(ctx, call);
  const decided = scored.reduce(
    (sum, s) =>
      sum + (s.row.state === 'approved' || s.row.state === 'partly' ? (s.row.decision?.amount ?? 0) : 0),
    0,
  );
  const open = scored.filter((s) => s.row.state === 'submitted');
  const candidates = open.flatMap((s) => (s.score === null ? [] : [{ ...s, score: s.score }]));
  if (input.explain && !candidates.some((c) => c.row.id === input.explain))
    throw new AppError('validation.invalid_value', { field: 'body.explain' });
  const budget = Math.max(0, call.budget - decided);
  const problem: AllocationProblem = parseAllocationProblem({
    budget,
    floors: { perDistrict: input.perDistrict, firstTimeShare: input.firstTimeShare },
    applications: candidates.map(({ row, score }) => ({
      id: row.id,
      score: Math.min(100, Math.max(0, score)),
      requested: Math.max(1, row.content.budget.requested),
      minimum: row.content.budget.minimum,
      district: row.content.districts[0] ?? 'none',
      firstTime: row.firstTime,
    })),
  });
  const { result, flips } = await proposeInWorker(problem, input.explain ? [input.explain] : [], {
    timeLimitSeconds: PROPOSAL_SECONDS,
  });
  const names = await organisationNames(ctx.db, [...new Set(candidates.map((c) => c.row.organisationId))]);
  const flip = flips[0];
  return {
    status: result.status,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    seconds: result.seconds,
    budget,
    spent: result.spent,
    unscored: open.length - candidates.length,
    items: candidates
      .map(({ row, score }, i) => ({
        id: row.id,
        title: row.content.project.title,
        organisation: names.get(row.organisationId) ?? row.organisationId,
        district: problem.applications[i]?.district ?? 'none',
        firstTime: row.firstTime,
        score,
        requested: row.content.budget.requested,
        minimum: row.content.budget.minimum,
        funding: result.decisions[i]?.funding ?? 'none',
        amount: result.decisions[i]?.amount ?? 0,
      }))
      .sort((a, b) => b.score - a.score),
    flip: flip
      ? {
          id: flip.id,
          from: flip.from,
          to: flip.to,
          status: flip.status,
          objective: flip.objective,
          loss: flip.loss,
          changes: flip.changes,
        }
      : null,
  };
}
