/**
 * solvePlan(): where to open the budget's new groups so that the most waiting persons get a place within their
 * travel limit. Exact: a first plan (greedy by marginal places, then the maximum flow that places persons in
 * its groups), and the bound each group's own reach gives; when they meet, the plan is proven optimal in
 * milliseconds. Otherwise the plan is improved by swapping one group for another (improvePlan) and the bound
 * lowered by the Lagrangian relaxation of "each person once" (lagrangianBound); when they still do not meet,
 * HiGHS's branch and bound on the plain model, started from the best plan, closes the gap (or stops at the time
 * limit with its bound).
 */
import { explainPlan } from './explain.ts';
import { buildModel, lagrangianBound, type Model, placeInGroups, upperBound } from './model.ts';
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

/** Persons of each cell not placed by the flow. */
function unplaced(m: Model, flows: Map<number, Map<number, number>>): Int32Array {
  const left = Int32Array.from(m.persons);
  for (const byCell of flows.values()) for (const [i, f] of byCell) left[i] = (left[i] as number) - f;
  return left;
}

/**
 * Drop and add: close one open group, place everyone again by the flow, and open instead the group that places
 * the most persons left without a place (a few candidates, each placed again by the flow); keep the best swap that
 * places more, and repeat until no swap does or the time is up. A fixed place keeps at least one group.
 */
export function improvePlan(
  m: Model,
  start: Int32Array,
  placedStart: ReturnType<typeof placeInGroups>,
  deadline: number,
  target: number,
): { open: Int32Array; placed: ReturnType<typeof placeInGroups> } {
  let open: Int32Array = Int32Array.from(start);
  let placed = placedStart;
  const CANDIDATES = 4;
  let improved = true;
  while (improved && placed.value < target && performance.now() < deadline) {
    improved = false;
    const used = new Int32Array(m.placeRooms.length);
    for (let t = 0; t < m.nTypes; t++) {
      const j = m.typePlace[t] as number;
      used[j] = (used[j] as number) + (open[t] as number);
    }
    const opened: number[] = [];
    for (let t = 0; t < m.nTypes; t++) if ((open[t] as number) > 0) opened.push(t);
    let best: { open: Int32Array; placed: ReturnType<typeof placeInGroups> } | null = null;
    for (const g of opened) {
      if (performance.now() >= deadline) break;
      const jg = m.typePlace[g] as number;
      const keepFixed = m.placeFixed[jg] === 1 && (used[jg] as number) === 1;
      const without = Int32Array.from(open);
      without[g] = (without[g] as number) - 1;
      const rest = placeInGroups(m, without);
      const left = unplaced(m, rest.flows);
      const need = (best?.placed.value ?? placed.value) - rest.value;
      const gains: { t: number; gain: number }[] = [];
      for (let t = 0; t < m.nTypes; t++) {
        if (t === g) continue;
        const j = m.typePlace[t] as number;
        if (keepFixed && j !== jg) continue;
        if ((used[j] as number) - (j === jg ? 1 : 0) >= (m.placeRooms[j] as number)) continue;
        const gain = take(m, t, left, false);
        if (gain > need) gains.push({ t, gain });
      }
      gains.sort((a, b) => b.gain - a.gain);
      for (const { t } of gains.slice(0, CANDIDATES)) {
        const next = Int32Array.from(without);
        next[t] = (next[t] as number) + 1;
        const tried = placeInGroups(m, next);
        if (tried.value > (best?.placed.value ?? placed.value)) best = { open: next, placed: tried };
      }
    }
    if (best) {
      open = best.open;
      placed = best.placed;
      improved = true;
    }
  }
  return { open, placed };
}

export async function solvePlan(problem: PlanProblem, options: PlanOptions = {}): Promise<PlanResult> {
  const started = performance.now();
  const timeLimit = options.timeLimitSeconds ?? 60;
  const m = buildModel(problem);
  const bound0 = upperBound(m);
  let open: Int32Array = greedyPlan(m);
  let placed = placeInGroups(m, open);
  let bound = bound0;
  let method: PlanResult['method'] = 'bound';
  if (placed.value < bound) {
    // up to 40 % of the time (at most 1.5 s) to improve the first plan by swapping groups
    const deadline = started + Math.min(1500, timeLimit * 400);
    ({ open, placed } = improvePlan(m, open, placed, deadline, bound));
  }
  if (placed.value < bound) {
    // and up to a quarter of it (at most 1 s) for the Lagrangian bound
    const deadline = performance.now() + Math.min(1000, timeLimit * 250);
    bound = Math.min(bound, lagrangianBound(m, placed.value, deadline));
  }
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
