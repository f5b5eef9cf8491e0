import type { FamilySolver } from './family.ts';
import { UNPLACED } from './flow.ts';
import type { Lagrangian } from './lagrange.ts';
import type { Master } from './master.ts';
import type { Model } from './model.ts';

const EPS = 1e-7;
/** Patterns per family, together at one school, that seed the master (cheapest at the starting prices). */
export const SEED_PATTERNS = 4;
/** Wentges smoothing: the weight of the best prices so far in the point where the families are priced. */
export const SMOOTHING = 0.7;

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
 * reached by stabilised column generation:
 * - the master starts near its optimum: besides the columns it has, each family's SEED_PATTERNS cheapest
 *   patterns together at one school at the starting prices (most families end up together);
 * - Wentges smoothing: the families are priced at a point between the best prices so far (the stability
 *   centre) and the master LP's duals, which swing widely while the master has few columns. L at that point
 *   is a proven bound, and the centre moves there when it is higher. Each family's cheapest pattern there
 *   enters the master if its reduced cost at the duals is negative; when none does (a mispricing), the point
 *   moves halfway towards the duals, and at the duals themselves no entering pattern proves the LP optimal.
 * The master's value is an upper bound on the LP's and every L a lower one: when they meet, the LP is solved.
 * `onLp` sees every master LP (for the primal heuristics); `stop` ends the loop early (the incumbent is proven).
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
  } = {},
): DualResult {
  const clock = options.clock ?? (() => performance.now());
  let bound = start.bound;
  let price = start.price;
  seedTogether(m, master, families, lagrangian, price);
  let alpha = SMOOTHING;
  const arcs = new Int32Array(m.n);
  const separation = new Float64Array(m.groups);
  let lp: LpSolution | null = null;
  let converged = false;
  while (!options.stop?.(bound) && left() > 0) {
    const lpStarted = clock();
    lp = master.solveLp(left());
    const lpSeconds = (clock() - lpStarted) / 1000;
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

/** Adds each family's SEED_PATTERNS cheapest patterns together at one school at `price` as columns. */
export function seedTogether(
  m: Model,
  master: Master,
  families: FamilySolver,
  lagrangian: Lagrangian,
  price: Float64Array,
): void {
  let largest = 1;
  for (let f = 0; f < m.families; f++)
    largest = Math.max(largest, (m.familyStart[f + 1] as number) - (m.familyStart[f] as number));
  const out = new Int32Array(SEED_PATTERNS * largest);
  for (let f = 0; f < m.families; f++) {
    const start = m.familyStart[f] as number;
    const k = (m.familyStart[f + 1] as number) - start;
    const count = lagrangian.together(f, price, SEED_PATTERNS, out);
    for (let q = 0; q < count; q++) {
      const groups = new Int32Array(k);
      for (let t = 0; t < k; t++) {
        const a = out[q * k + t] as number;
        groups[t] = a < 0 ? UNPLACED : (m.arcGroup[a] as number);
      }
      master.add({ family: f, groups, cost: families.costOf(f, groups, null).cost });
    }
  }
}
