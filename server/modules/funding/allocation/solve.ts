/** The allocation proposal: the exact branch and bound, its result as the file interface's, and flips explained. */
import { solveByBranchAndBound } from './branch.ts';
import { amountOf, buildModel, FUNDING, type Model, worthOf } from './model.ts';
import type { AllocationProblem, AllocationResult, FlipExplanation, Funding } from './types.ts';

export type SolveOptions = { timeLimitSeconds?: number };

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function resultOf(
  problem: AllocationProblem,
  m: Model,
  solved: ReturnType<typeof solveByBranchAndBound>,
  seconds: number,
): AllocationResult {
  let spent = 0;
  const decisions = problem.applications.map((a, i) => {
    const c = solved.choice[i] as number;
    spent += amountOf(m, i, c);
    return {
      id: a.id,
      funding: FUNDING[c] as Funding,
      amount: amountOf(m, i, c),
      value: round(worthOf(m, i, c)),
    };
  });
  const bound = solved.status === 'infeasible' ? 0 : solved.bound;
  return {
    status: solved.status,
    objective: round(solved.objective),
    bound: round(bound),
    gap: round(Math.max(0, bound - solved.objective) / Math.max(1, Math.abs(bound))),
    seconds: round(seconds),
    spent,
    method: 'branch_and_bound',
    decisions,
  };
}

/** Which applications to fund, and with how much, for the best total weighted score within budget and floors. */
export function solveAllocation(problem: AllocationProblem, options: SolveOptions = {}): AllocationResult {
  const started = performance.now();
  const m = buildModel(problem);
  const solved = solveByBranchAndBound(m, { timeLimitSeconds: options.timeLimitSeconds ?? 10 });
  return resultOf(problem, m, solved, (performance.now() - started) / 1000);
}

/**
 * What changes when the decision on one application is flipped: a funded one left out, or one left out funded
 * (full or cut, whichever is better): the best total then, how much is lost, and which others change.
 */
export function explainFlip(
  problem: AllocationProblem,
  result: AllocationResult,
  id: string,
  options: SolveOptions = {},
): FlipExplanation {
  const index = problem.applications.findIndex((a) => a.id === id);
  if (index < 0) throw new Error(`no application "${id}"`);
  const from = result.decisions[index]?.funding ?? 'none';
  const m = buildModel(problem);
  const limit = { timeLimitSeconds: options.timeLimitSeconds ?? 10 };
  const tries =
    from === 'none'
      ? (['full', ...((m.cut[index] as number) > 0 ? ['cut' as const] : [])] as const)
      : (['none'] as const);
  let best: ReturnType<typeof solveByBranchAndBound> | null = null;
  for (const forced of tries) {
    const solved = solveByBranchAndBound(m, { ...limit, forced: new Map([[index, forced]]) });
    if (solved.status !== 'infeasible' && (!best || solved.objective > best.objective)) best = solved;
  }
  if (!best)
    return {
      id,
      from,
      forced: from === 'none' ? 'funded' : 'none',
      to: from,
      status: 'infeasible',
      objective: 0,
      loss: 0,
      changes: [],
    };
  const changes = problem.applications.flatMap((a, i) => {
    const to = FUNDING[best.choice[i] as number] as Funding;
    const was = result.decisions[i]?.funding ?? 'none';
    return i !== index && to !== was ? [{ id: a.id, from: was, to }] : [];
  });
  return {
    id,
    from,
    forced: from === 'none' ? 'funded' : 'none',
    to: FUNDING[best.choice[index] as number] as Funding,
    status: best.status,
    objective: round(best.objective),
    loss: round(result.objective - best.objective),
    changes,
  };
}
