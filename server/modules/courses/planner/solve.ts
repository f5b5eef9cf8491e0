/**
 * solvePlan(): where to open the budget's new groups so that the most waiting persons get a place within their
 * travel limit. Exact: a first plan (greedy by marginal places, then the maximum flow that places persons in
 * its groups), and the bound each group's own reach gives; when they meet, the plan is proven optimal in
 * milliseconds. Otherwise HiGHS's branch and bound on the plain model, started from the first plan, closes the
 * gap (or stops at the time limit with its bound).
 */
import { explainPlan } from './explain.ts';
import { buildModel, type Model, placeInGroups, upperBound } from './model.ts';
import { loadHighs, solveMip } from './mip.ts';
import type { PlanOptions, PlanProblem, PlanResult } from './types.ts';

/** Marginal persons a new group of type t places, taken from `left` (childcare cells nearest-need first). */
function take(m: Model, t: number, left: Int32Array, commit: boolean): number {
  let cc = Math.min(m.typeChildcare[t] as number, m.groupSize);
  let free = m.groupSize;
  let placed = 0;
  for (const i of m.typeCells[t] as Int32Array) {
    if (!m.cellChildcare[i] || cc === 0) continue;
    const k = Math.min(left[i] as number, cc);
    cc -= k;
    free -= k;
    placed += k;
    if (commit) left[i] = (left[i] as number) - k;
  }
  for (const i of m.typeCells[t] as Int32Array) {
    if (m.cellChildcare[i] || free === 0) continue;
    const k = Math.min(left[i] as number, free);
    free -= k;
    placed += k;
    if (commit) left[i] = (left[i] as number) - k;
  }
  return placed;
}

/** The first plan: fixed places first, then the group that places the most persons still waiting, budget times. */
export function greedyPlan(m: Model): Int32Array {
  const open = new Int32Array(m.nTypes);
  const used = new Int32Array(m.placeRooms.length);
  const left = Int32Array.from(m.persons);
  let budget = m.groups;
  const openBest = (types: Iterable<number>, force: boolean) => {
    let best = -1;
    let bestGain = -1;
    for (const t of types) {
      const j = m.typePlace[t] as number;
      if ((used[j] as number) >= (m.placeRooms[j] as number)) continue;
      const gain = take(m, t, left, false);
      if (gain > bestGain) {
        bestGain = gain;
        best = t;
      }
    }
    if (best < 0 || (bestGain <= 0 && !force)) return false;
    take(m, best, left, true);
    open[best] = (open[best] as number) + 1;
    const j = m.typePlace[best] as number;
    used[j] = (used[j] as number) + 1;
    budget--;
    return bestGain > 0;
  };
  m.placeTypes.forEach((types, j) => {
    if (m.placeFixed[j] && budget > 0) openBest(types, true);
  });
  const all = Array.from({ length: m.nTypes }, (_, t) => t);
  while (budget > 0 && openBest(all, false)) {}
  return open;
}

export async function solvePlan(problem: PlanProblem, options: PlanOptions = {}): Promise<PlanResult> {
  const started = performance.now();
  const timeLimit = options.timeLimitSeconds ?? 60;
  const m = buildModel(problem);
  const bound0 = upperBound(m);
  let open = greedyPlan(m);
  let placed = placeInGroups(m, open);
  let bound = bound0;
  let method: PlanResult['method'] = 'bound';
  if (placed.value < bound) {
    method = 'highs';
    const highs = await loadHighs();
    const left = timeLimit - (performance.now() - started) / 1000;
    const mip = solveMip(highs, m, left, { open, flows: placed.flows });
    if (mip.open) {
      const better = placeInGroups(m, mip.open);
      if (better.value > placed.value) {
        open = mip.open;
        placed = better;
      }
    }
    bound = Math.min(bound, mip.optimal ? placed.value : Math.floor(mip.bound + 1e-6));
    bound = Math.max(bound, placed.value);
  }
  const waiting = problem.demand.reduce((sum, d) => sum + d.persons, 0);
  return {
    objective: placed.value,
    bound,
    gap: (bound - placed.value) / Math.max(1, bound),
    seconds: (performance.now() - started) / 1000,
    status: bound === placed.value ? 'optimal' : 'time_limit',
    method,
    waiting,
    proposals: explainPlan(m, open, placed.flows),
  };
}
