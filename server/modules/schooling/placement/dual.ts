import type { FamilySolver } from './family.ts';
import { UNPLACED } from './flow.ts';
import type { Lagrangian } from './lagrange.ts';
import type { Master } from './master.ts';
import type { Model } from './model.ts';

const EPS = 1e-7;

export type LpSolution = ReturnType<Master['solveLp']>;

export type DualResult = {
  /** The best Lagrangian bound found, L(price); equal to the master LP's optimum when `converged`. */
  bound: number;
  price: Float64Array;
  /** The LP over all patterns is solved: no pattern has a negative reduced cost. */
  converged: boolean;
  /** The last master LP solved (null if none was). */
  lp: LpSolution | null;
};

/**
 * The LP bound of the family-pattern formulation (every family chooses one pattern, no seat group over-full),
 * reached by column generation, optionally stabilised:
 * - `seedPatterns`: the master also starts with each family's cheapest patterns together at one school at the
 *   starting prices (most families end up together);
 * - `smoothing` α (Wentges): the families are priced at α × the best prices so far (the stability centre) +
 *   (1 − α) × the master LP's duals. L at that point is a proven bound, and the centre moves there when it is
 *   higher. Each family's cheapest pattern there enters the master if its reduced cost at the duals is
 *   negative; when none does (a mispricing), α halves, and at the duals themselves (α = 0, plain column
 *   generation) no entering pattern proves the LP optimal.
 * The master's value is an upper bound on the LP's and every L a lower one: when they meet, the LP is solved.
 * `onLp` sees every master LP (for the primal heuristics); `stop` ends the loop early (the incumbent is proven).
 *
 * Measured on the full-size default instance (seed 1001, CPU seconds from the start to the LP optimum, load
 * ~26): the solver's way, the subgradient steps' patterns as seeds and plain pricing at the duals, 5.7 s in 12
 * master LPs; with them, four together-patterns per family 5.9 s; smoothing α = 0.4 / 0.7 6.3 / 7.1 s; the
 * together-patterns with α = 0.7 instead of the subgradient's patterns 8.0 s. So solve.ts prices at the duals.
 */
export function stabilisedDual(
  m: Model,
  master: Master,
  families: FamilySolver,
  lagrangian: Lagrangian,
  start: { bound: number; price: Float64Array },
  left: () => number,
  options: {
    onLp?: (lp: LpSolution, converged: boolean, lpSeconds: number) => void;
    stop?: (bound: number) => boolean;
    clock?: () => number;
    /** Wentges smoothing α in [0, 1) (default 0: plain pricing at the master's duals). */
    smoothing?: number;
    /** Patterns per family together at one school added to the master first (default 0). */
    seedPatterns?: number;
  } = {},
): DualResult {
  const clock = options.clock ?? (() => performance.now());
  let bound = start.bound;
  let price = start.price;
  if (options.seedPatterns) seedTogether(m, master, families, lagrangian, price, options.seedPatterns);
  let alpha = options.smoothing ?? 0;
  const arcs = new Int32Array(m.n);
  const separation = new Float64Array(m.groups);
  let lp: LpSolution | null = null;
  let converged = false;
  while (!options.stop?.(bound) && left() > 0) {
    const lpStarted = clock();
    lp = master.solveLp(left());
    const lpSeconds = (clock() - lpStarted) / 1000;
    // the duals of an LP stopped early (or of an infeasible master) prove nothing: no convergence from them
    if (!lp.optimal) {
      options.onLp?.(lp, false, lpSeconds);
      break;
    }
    let added = 0;
    for (;;) {
      for (let g = 0; g < m.groups; g++)
        separation[g] = alpha * (price[g] as number) + (1 - alpha) * (lp.price[g] as number);
      added = 0;
      let L = 0;
      for (let f = 0; f < m.families; f++) {
        L += lagrangian.family(f, separation, arcs);
        const groups = groupsOf(m, f, arcs);
        const { cost, priced } = families.costOf(f, groups, lp.price);
        if (priced - (lp.familyDual[f] as number) < -EPS && master.add({ family: f, groups, cost })) added++;
      }
      for (let g = 0; g < m.groups; g++) L -= (separation[g] as number) * (m.groupFree[g] as number);
      if (L > bound) {
        bound = L;
        price = Float64Array.from(separation);
      }
      if (added > 0 || alpha === 0 || left() <= 0) break;
      alpha = alpha < 0.1 ? 0 : alpha / 2;
    }
    converged = added === 0 || lp.value - bound <= EPS * Math.max(1, Math.abs(lp.value));
    options.onLp?.(lp, converged, lpSeconds);
    if (converged) break;
  }
  return { bound, price, converged, lp };
}

/** Family f's pattern (a group or −1 per member) from the arcs Lagrangian.family wrote. */
export function groupsOf(m: Model, f: number, arcs: Int32Array): Int32Array {
  const start = m.familyStart[f] as number;
  const k = (m.familyStart[f + 1] as number) - start;
  const groups = new Int32Array(k);
  for (let t = 0; t < k; t++) {
    const a = arcs[start + t] as number;
    groups[t] = a < 0 ? UNPLACED : (m.arcGroup[a] as number);
  }
  return groups;
}

/** Adds each family's `count` cheapest patterns together at one school at `price` as columns. */
export function seedTogether(
  m: Model,
  master: Master,
  families: FamilySolver,
  lagrangian: Lagrangian,
  price: Float64Array,
  count: number,
): void {
  let largest = 1;
  for (let f = 0; f < m.families; f++)
    largest = Math.max(largest, (m.familyStart[f + 1] as number) - (m.familyStart[f] as number));
  const out = new Int32Array(count * largest);
  for (let f = 0; f < m.families; f++) {
    const start = m.familyStart[f] as number;
    const k = (m.familyStart[f + 1] as number) - start;
    const found = lagrangian.together(f, price, count, out);
    for (let q = 0; q < found; q++) {
      const groups = new Int32Array(k);
      for (let t = 0; t < k; t++) {
        const a = out[q * k + t] as number;
        groups[t] = a < 0 ? UNPLACED : (m.arcGroup[a] as number);
      }
      master.add({ family: f, groups, cost: families.costOf(f, groups, null).cost });
    }
  }
}
