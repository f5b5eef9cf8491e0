/**
 * The exact allocation: Lagrangian relaxation of the floors, reduced-cost fixing, and a branch and bound over the
 * few applications left open.
 *
 * 1. Multipliers λ_d (district floors) and μ (first-time euros) make the floors part of the values: an option of
 *    amount a and value v is worth v' = v + λ_d + μ·a (μ for first-time applicants only). For any λ, μ ≥ 0 the LP
 *    relaxation of the resulting multiple-choice knapsack (each application's options on their upper convex hull,
 *    filled greedily by efficiency) minus λ·N − μ·F bounds the best allocation from above. A subgradient method
 *    (Polyak steps towards the incumbent) lowers that bound to about the LP relaxation's.
 * 2. With e* the efficiency where the greedy fill stops, every allocation x satisfies
 *    value(x) ≤ U − Σ_i slack_i(x_i), slack_i(k) = max_j (v'_ij − e*·a_ij) − (v'_ik − e*·a_ik) ≥ 0. An option whose
 *    slack exceeds U − incumbent cannot be in a better allocation: most applications keep one option (fixed).
 * 3. Depth-first branch and bound over the rest, each node bounded by the same Lagrangian LP over the open
 *    applications and the budget left, pruned by budget and by the district floors' reachability. When the search
 *    ends, the incumbent is optimal: bound = objective.
 */
import { amountOf, evaluate, type Model, worthOf } from './model.ts';

export type Forced = Map<number, 'full' | 'cut' | 'none'>;
export type BranchResult = {
  status: 'optimal' | 'infeasible' | 'time_limit';
  objective: number;
  bound: number;
  choice: Uint8Array;
  /** Applications left open after fixing (the branch and bound's size) and nodes searched. */
  core: number;
  nodes: number;
};

const EPS = 1e-7;

/** The options an application may take: bit 0 none, bit 1 full, bit 2 cut. */
function allowedOptions(m: Model, forced: Forced): Uint8Array {
  const allowed = new Uint8Array(m.n);
  for (let i = 0; i < m.n; i++) {
    let bits = 0b011 | ((m.cut[i] as number) > 0 ? 0b100 : 0);
    const f = forced.get(i);
    if (f === 'none') bits = 0b001;
    else if (f === 'full') bits = 0b010;
    else if (f === 'cut') bits = bits & 0b100 ? 0b100 : 0b010;
    allowed[i] = bits;
  }
  return allowed;
}

type Multipliers = { lambda: Float64Array; mu: number };

const lagrangeValue = (m: Model, mult: Multipliers, i: number, c: number) =>
  c === 0
    ? 0
    : worthOf(m, i, c) +
      (mult.lambda[m.district[i] as number] as number) +
      (m.firstTime[i] ? mult.mu * amountOf(m, i, c) : 0);

/** Hull segments of the given items' allowed options (least option as base), sorted by efficiency. */
type Segments = {
  item: Int32Array;
  amount: Float64Array;
  value: Float64Array;
  /** Funding indicator per euro of the segment (the first step from none: 1 / its amount; later steps 0). */
  fund: Float64Array;
  /** The item's base option (the least allowed: none, or its only option) and its amount and Lagrangian value. */
  count: number;
};

function buildSegments(
  m: Model,
  mult: Multipliers,
  items: ArrayLike<number>,
  allowed: Uint8Array,
  base: Uint8Array,
): Segments {
  const item: number[] = [];
  const amount: number[] = [];
  const value: number[] = [];
  const eff: number[] = [];
  const fund: number[] = [];
  const order: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const i = items[k] as number;
    const bits = allowed[i] as number;
    // Options above the base: (amount, value) relative to the base, on the upper hull.
    const b = base[i] as number;
    const a0 = amountOf(m, i, b);
    const v0 = lagrangeValue(m, mult, i, b);
    const points: [number, number][] = [];
    for (const c of [2, 1]) {
      if (c === b || !(bits & (1 << c))) continue;
      const a = amountOf(m, i, c) - a0;
      const v = lagrangeValue(m, mult, i, c) - v0;
      if (a > 0 && v > 0) points.push([a, v]);
    }
    points.sort((p, q) => p[0] - q[0]);
    // Upper hull from (0, 0).
    let pa = 0;
    let pv = 0;
    let hull: [number, number][] = [];
    for (const p of points) {
      while (hull.length > 0) {
        const last = hull[hull.length - 1] as [number, number];
        const prevA = hull.length > 1 ? (hull[hull.length - 2] as [number, number])[0] : 0;
        const prevV = hull.length > 1 ? (hull[hull.length - 2] as [number, number])[1] : 0;
        // last is below the line from prev to p: drop it.
        if ((last[1] - prevV) * (p[0] - prevA) <= (p[1] - prevV) * (last[0] - prevA)) hull.pop();
        else break;
      }
      if (p[1] > (hull.length ? (hull[hull.length - 1] as [number, number])[1] : 0)) hull.push(p);
    }
    hull = hull.filter((p) => p[1] > 0);
    for (const [a, v] of hull) {
      item.push(i);
      amount.push(a - pa);
      value.push(v - pv);
      eff.push((v - pv) / (a - pa));
      fund.push(b === 0 && pa === 0 ? 1 / a : 0);
      order.push(order.length);
      pa = a;
      pv = v;
    }
  }
  order.sort((x, y) => (eff[y] as number) - (eff[x] as number) || x - y);
  return {
    item: Int32Array.from(order, (o) => item[o] as number),
    amount: Float64Array.from(order, (o) => amount[o] as number),
    value: Float64Array.from(order, (o) => value[o] as number),
    fund: Float64Array.from(order, (o) => fund[o] as number),
    count: order.length,
  };
}

/** The greedy LP fill: value, the break efficiency e*, and per item the fraction of its amount taken. */
function fill(segs: Segments, capacity: number) {
  let value = 0;
  let left = capacity;
  let breakEff = 0;
  const taken: { item: number; amount: number; fund: number }[] = [];
  for (let s = 0; s < segs.count; s++) {
    const a = segs.amount[s] as number;
    const v = segs.value[s] as number;
    if (a <= left) {
      value += v;
      left -= a;
      taken.push({ item: segs.item[s] as number, amount: a, fund: (segs.fund[s] as number) * a });
    } else {
      breakEff = v / a;
      value += breakEff * left;
      taken.push({ item: segs.item[s] as number, amount: left, fund: (segs.fund[s] as number) * left });
      left = 0;
      break;
    }
  }
  return { value, breakEff, taken };
}

/** Solves the allocation exactly (or stops at the time limit with the best found and its bound). */
export function solveByBranchAndBound(
  m: Model,
  options: { timeLimitSeconds?: number; forced?: Forced } = {},
): BranchResult {
  const started = performance.now();
  const deadline = started + (options.timeLimitSeconds ?? 30) * 1000;
  const allowed = allowedOptions(m, options.forced ?? new Map());
  const base = new Uint8Array(m.n);
  for (let i = 0; i < m.n; i++)
    base[i] = (allowed[i] as number) & 1 ? 0 : (allowed[i] as number) & 0b100 ? 2 : 1;
  const all = Int32Array.from({ length: m.n }, (_, i) => i);
  const nD = m.districts.length;
  const needSum = (mult: Multipliers) => {
    let c = m.firstTimeNeed * mult.mu;
    for (let d = 0; d < nD; d++) c += (mult.lambda[d] as number) * (m.districtNeed[d] as number);
    return c;
  };
  const baseTotals = (mult: Multipliers) => {
    let amount = 0;
    let value = 0;
    for (let i = 0; i < m.n; i++) {
      amount += amountOf(m, i, base[i] as number);
      value += lagrangeValue(m, mult, i, base[i] as number);
    }
    return { amount, value };
  };

  // A first allocation: greedy by efficiency at the given multipliers, then floors repaired by swaps.
  let incumbent = Number.NEGATIVE_INFINITY;
  let best = new Uint8Array(m.n);
  const consider = (choice: Uint8Array) => {
    const { feasible, value } = evaluate(m, choice);
    if (feasible && value > incumbent + EPS) {
      incumbent = value;
      best = choice.slice();
    }
  };
  const greedy = (mult: Multipliers) => {
    const choice = base.slice();
    const segs = buildSegments(m, mult, all, allowed, base);
    let left = m.budget - baseTotals(mult).amount;
    for (let s = 0; s < segs.count; s++) {
      const i = segs.item[s] as number;
      const a = segs.amount[s] as number;
      if (a > left + EPS) continue;
      // The item's next option along its hull: from base to the first point (cut or full), then to full.
      const next =
        choice[i] === base[i]
          ? amountOf(m, i, 2) - amountOf(m, i, base[i] as number) === a && (allowed[i] as number) & 0b100
            ? 2
            : 1
          : 1;
      left -= amountOf(m, i, next) - amountOf(m, i, choice[i] as number);
      choice[i] = next;
    }
    repair(m, choice, allowed, base);
    consider(choice);
  };

  // 1. Multipliers by subgradient steps on the Lagrangian LP bound.
  const mult: Multipliers = { lambda: new Float64Array(nD), mu: 0 };
  let bestMult: Multipliers = { lambda: mult.lambda.slice(), mu: 0 };
  let upper = Number.POSITIVE_INFINITY;
  const boundAt = (mu: Multipliers) => {
    const totals = baseTotals(mu);
    const segs = buildSegments(m, mu, all, allowed, base);
    const lp = fill(segs, m.budget - totals.amount);
    return {
      segs,
      lp,
      bound:
        totals.amount > m.budget + EPS ? Number.NEGATIVE_INFINITY : totals.value + lp.value - needSum(mu),
    };
  };
  greedy(mult);
  const hasFloors = m.firstTimeNeed > 0 || m.districtNeed.some((n) => n > 0);
  let step = 1;
  let stale = 0;
  for (let k = 0; k < (hasFloors ? 400 : 1); k++) {
    const { lp, bound } = boundAt(mult);
    if (bound < upper - 1e-9) {
      if (upper - bound < 1e-4 * Math.max(1, Math.abs(bound))) stale++;
      else stale = 0;
      upper = bound;
      bestMult = { lambda: mult.lambda.slice(), mu: mult.mu };
    } else {
      step *= 0.8;
      stale++;
    }
    if (stale > 25 || upper - incumbent < EPS) break;
    if (k === 0 || k === 20) greedy(mult);
    // Subgradient: LP's (fractional) funded count per district − need; first-time euros − need (scaled by budget).
    const count = new Float64Array(nD);
    let first = 0;
    for (let i = 0; i < m.n; i++) {
      if (base[i] !== 0) {
        count[m.district[i] as number] = (count[m.district[i] as number] as number) + 1;
        if (m.firstTime[i]) first += amountOf(m, i, base[i] as number);
      }
    }
    for (const t of lp.taken) {
      const i = t.item;
      count[m.district[i] as number] = (count[m.district[i] as number] as number) + t.fund;
      if (m.firstTime[i]) first += t.amount;
    }
    const scale = Math.max(1, m.budget);
    // Projected: a multiplier at 0 whose floor is over-met stays at 0 and does not shorten the others' steps.
    const gd = Array.from({ length: nD }, (_, d) => {
      const g = (count[d] as number) - (m.districtNeed[d] as number);
      return (mult.lambda[d] as number) <= 0 && g > 0 ? 0 : g;
    });
    const gmRaw = (first - m.firstTimeNeed) / scale;
    const gm = mult.mu <= 0 && gmRaw > 0 ? 0 : gmRaw;
    const norm = gd.reduce((s, g) => s + g * g, 0) + gm * gm;
    if (norm < 1e-12) break;
    const target = Number.isFinite(incumbent) ? incumbent : bound * 0.95;
    const t = (step * Math.max(bound - target, 1e-6 * Math.abs(bound) + 1e-9)) / norm;
    for (let d = 0; d < nD; d++)
      mult.lambda[d] = Math.max(0, (mult.lambda[d] as number) - t * (gd[d] as number));
    mult.mu = Math.max(0, mult.mu - (t * gm) / scale);
    if (performance.now() > deadline) break;
  }
  greedy(bestMult);
  const root = boundAt(bestMult);
  upper = Math.min(upper, root.bound);
  if (upper === Number.NEGATIVE_INFINITY)
    return { status: 'infeasible', objective: 0, bound: 0, choice: new Uint8Array(m.n), core: 0, nodes: 0 };

  // 2. Reduced-cost fixing at e*.
  const eStar = root.lp.breakEff;
  const reduced = (i: number, c: number) => lagrangeValue(m, bestMult, i, c) - eStar * amountOf(m, i, c);
  const gapOf = () => (Number.isFinite(incumbent) ? upper - incumbent : Number.POSITIVE_INFINITY);
  const keep = new Uint8Array(m.n);
  const topOf = new Float64Array(m.n);
  let open: number[] = [];
  const fixedChoice = base.slice();
  const fixByReducedCost = () => {
    const gap = gapOf();
    open = [];
    for (let i = 0; i < m.n; i++) {
      let top = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < 3; c++) if ((allowed[i] as number) & (1 << c)) top = Math.max(top, reduced(i, c));
      topOf[i] = top;
      let bits = 0;
      for (let c = 0; c < 3; c++)
        if ((allowed[i] as number) & (1 << c) && top - reduced(i, c) <= gap + EPS) bits |= 1 << c;
      keep[i] = bits;
      if (bits === 1 || bits === 2 || bits === 4) fixedChoice[i] = bits === 1 ? 0 : bits === 2 ? 1 : 2;
      else open.push(i);
    }
  };
  fixByReducedCost();

  // A better incumbent before the search: the best single or paired change among the open applications, repeated.
  if (Number.isFinite(incumbent)) {
    consider(localSearch(m, best, open, keep));
    fixByReducedCost();
  }

  // 3. Branch and bound over the open applications (most efficient first), options best reduced value first.
  // Clear-cut applications first (their other options cost much slack and are pruned at once), close calls last.
  const secondSlack = (i: number) => {
    let least = Number.POSITIVE_INFINITY;
    let topSeen = false;
    for (let c = 0; c < 3; c++) {
      if (!((keep[i] as number) & (1 << c))) continue;
      const slack = (topOf[i] as number) - reduced(i, c);
      if (!topSeen && slack <= EPS) topSeen = true;
      else least = Math.min(least, slack);
    }
    return least;
  };
  const clearness = new Float64Array(m.n);
  for (const i of open) clearness[i] = secondSlack(i);
  open.sort((x, y) => (clearness[y] as number) - (clearness[x] as number));
  const openBase = new Uint8Array(m.n);
  for (const i of open) openBase[i] = (keep[i] as number) & 1 ? 0 : (keep[i] as number) & 0b100 ? 2 : 1;
  const choice = fixedChoice.slice();
  for (const i of open) choice[i] = openBase[i] as number;
  let spent = 0;
  let lagr = 0;
  const funded = new Int32Array(nD);
  for (let i = 0; i < m.n; i++) {
    spent += amountOf(m, i, choice[i] as number);
    lagr += lagrangeValue(m, bestMult, i, choice[i] as number);
    if (choice[i] !== 0) funded[m.district[i] as number] = (funded[m.district[i] as number] as number) + 1;
  }
  // Per district: how many open applications after depth k could still be funded.
  const openIn = Array.from({ length: open.length + 1 }, () => new Int32Array(nD));
  for (let k = open.length - 1; k >= 0; k--) {
    (openIn[k] as Int32Array).set(openIn[k + 1] as Int32Array);
    const i = open[k] as number;
    if (openBase[i] === 0) {
      const row = openIn[k] as Int32Array;
      row[m.district[i] as number] = (row[m.district[i] as number] as number) + 1;
    }
  }
  const constant = needSum(bestMult);
  // The open segments, sorted once; each node's bound skips the items already decided (position < depth).
  const position = new Int32Array(m.n).fill(-1);
  open.forEach((i, k) => {
    position[i] = k;
  });
  const segs = buildSegments(m, bestMult, open, keep, openBase);
  const OPTION_ORDER: number[][] = [];
  for (const i of open)
    OPTION_ORDER[i] = [1, 2, 0]
      .filter((c) => (keep[i] as number) & (1 << c))
      .sort((x, y) => reduced(i, y) - reduced(i, x));
  let nodes = 0;
  let stopped = false;
  const nodeBound = (depth: number, left: number) => {
    let value = 0;
    for (let s = 0; s < segs.count; s++) {
      if ((position[segs.item[s] as number] as number) < depth) continue;
      const a = segs.amount[s] as number;
      if (a <= left) {
        value += segs.value[s] as number;
        left -= a;
      } else {
        value += ((segs.value[s] as number) / a) * left;
        break;
      }
    }
    return value;
  };
  // Σ slack of the decisions on the path: value ≤ upper − slack for every allocation below (the fixing rule).
  let pathSlack = 0;
  const search = (depth: number) => {
    nodes++;
    if ((nodes & 1023) === 0 && performance.now() > deadline) stopped = true;
    if (stopped) return;
    const left = m.budget - spent;
    if (left < -EPS) return;
    for (let d = 0; d < nD; d++)
      if (
        (funded[d] as number) + ((openIn[depth] as Int32Array)[d] as number) <
        (m.districtNeed[d] as number)
      )
        return;
    if (upper - pathSlack <= incumbent + EPS) return;
    if (lagr + nodeBound(depth, left) - constant <= incumbent + EPS) return;
    if (depth === open.length) {
      consider(choice);
      return;
    }
    const i = open[depth] as number;
    const b = openBase[i] as number;
    const options = OPTION_ORDER[i] as number[];
    for (const c of options) {
      const slack = (topOf[i] as number) - reduced(i, c);
      if (upper - pathSlack - slack <= incumbent + EPS) continue;
      const da = amountOf(m, i, c) - amountOf(m, i, b);
      const dv = lagrangeValue(m, bestMult, i, c) - lagrangeValue(m, bestMult, i, b);
      const df = (c !== 0 ? 1 : 0) - (b !== 0 ? 1 : 0);
      choice[i] = c;
      spent += da;
      lagr += dv;
      pathSlack += slack;
      funded[m.district[i] as number] = (funded[m.district[i] as number] as number) + df;
      search(depth + 1);
      choice[i] = b;
      spent -= da;
      lagr -= dv;
      pathSlack -= slack;
      funded[m.district[i] as number] = (funded[m.district[i] as number] as number) - df;
      if (stopped) return;
    }
  };
  search(0);
  if (!Number.isFinite(incumbent))
    return stopped
      ? {
          status: 'time_limit',
          objective: 0,
          bound: upper,
          choice: new Uint8Array(m.n),
          core: open.length,
          nodes,
        }
      : {
          status: 'infeasible',
          objective: 0,
          bound: 0,
          choice: new Uint8Array(m.n),
          core: open.length,
          nodes,
        };
  return {
    status: stopped ? 'time_limit' : 'optimal',
    objective: incumbent,
    bound: stopped ? upper : incumbent,
    choice: best,
    core: open.length,
    nodes,
  };
}

/**
 * Makes a greedy allocation meet the floors where it can: a short district gets its best unfunded application
 * (at its least amount), first-time applicants get theirs until their share is met; to stay within the budget the
 * least efficient funded applications that no floor needs are dropped; the money left funds what still fits.
 */
function repair(m: Model, choice: Uint8Array, allowed: Uint8Array, base: Uint8Array): void {
  const nD = m.districts.length;
  const least = (i: number) => ((allowed[i] as number) & 0b100 ? 2 : 1);
  const eff = (i: number) => (m.fullValue[i] as number) / (m.full[i] as number);
  const state = () => {
    let spent = 0;
    let first = 0;
    const funded = new Int32Array(nD);
    for (let i = 0; i < m.n; i++) {
      const a = amountOf(m, i, choice[i] as number);
      spent += a;
      if (m.firstTime[i]) first += a;
      if (choice[i] !== 0) funded[m.district[i] as number] = (funded[m.district[i] as number] as number) + 1;
    }
    return { spent, first, funded };
  };
  const byEff = Array.from({ length: m.n }, (_, i) => i).sort((x, y) => eff(y) - eff(x));
  /** Drops the least efficient funded applications no floor needs until `amount` more fits. */
  const makeRoom = (amount: number, keepFirst: boolean) => {
    let st = state();
    for (let k = byEff.length - 1; k >= 0 && st.spent + amount > m.budget; k--) {
      const i = byEff[k] as number;
      if (choice[i] === 0 || base[i] !== 0) continue;
      if (
        (st.funded[m.district[i] as number] as number) <= (m.districtNeed[m.district[i] as number] as number)
      )
        continue;
      if (keepFirst && m.firstTime[i]) continue;
      if (!keepFirst && m.firstTime[i] && st.first - amountOf(m, i, choice[i] as number) < m.firstTimeNeed)
        continue;
      choice[i] = 0;
      st = state();
    }
    return st.spent + amount <= m.budget;
  };
  for (let d = 0; d < nD; d++) {
    while ((state().funded[d] as number) < (m.districtNeed[d] as number)) {
      const i = byEff.find((j) => choice[j] === 0 && m.district[j] === d && (allowed[j] as number) & 0b110);
      if (i === undefined) break;
      const c = least(i);
      if (!makeRoom(amountOf(m, i, c), false)) break;
      choice[i] = c;
    }
  }
  for (;;) {
    const st = state();
    if (st.first >= m.firstTimeNeed) break;
    const i = byEff.find((j) => choice[j] === 0 && m.firstTime[j] && (allowed[j] as number) & 0b110);
    if (i === undefined) break;
    if (!makeRoom(m.full[i] as number, true)) break;
    choice[i] = 1;
  }
  let left = m.budget - state().spent;
  for (const i of byEff) {
    if (choice[i] !== 0 || !((allowed[i] as number) & 0b110)) continue;
    for (const c of [1, 2]) {
      if ((allowed[i] as number) & (1 << c) && amountOf(m, i, c) <= left) {
        choice[i] = c;
        left -= amountOf(m, i, c);
        break;
      }
    }
  }
}

/** Best-improvement search over one or two open applications' options, keeping the budget and the floors. */
function localSearch(m: Model, start: Uint8Array, open: number[], keep: Uint8Array): Uint8Array {
  const choice = start.slice();
  let spent = 0;
  let first = 0;
  const funded = new Int32Array(m.districts.length);
  for (let i = 0; i < m.n; i++) {
    const a = amountOf(m, i, choice[i] as number);
    spent += a;
    if (m.firstTime[i]) first += a;
    if (choice[i] !== 0) funded[m.district[i] as number] = (funded[m.district[i] as number] as number) + 1;
  }
  const moves = (i: number) => [0, 1, 2].filter((c) => c !== choice[i] && (keep[i] as number) & (1 << c));
  for (let round = 0; round < 12; round++) {
    let bestGain = EPS;
    let bestMove: [number, number, number, number] | null = null;
    // The most any open application's own change can add: pairs that cannot beat the best so far are skipped.
    const maxGain = new Float64Array(m.n);
    for (const j of open) {
      let g = Number.NEGATIVE_INFINITY;
      for (const c of moves(j)) g = Math.max(g, worthOf(m, j, c) - worthOf(m, j, choice[j] as number));
      maxGain[j] = g;
    }
    for (let x = 0; x < open.length; x++) {
      const i = open[x] as number;
      const ci0 = choice[i] as number;
      for (const ci of moves(i)) {
        const da = amountOf(m, i, ci) - amountOf(m, i, ci0);
        const dv = worthOf(m, i, ci) - worthOf(m, i, ci0);
        const dfi = m.firstTime[i] ? da : 0;
        const dn = (ci !== 0 ? 1 : 0) - (ci0 !== 0 ? 1 : 0);
        const di = m.district[i] as number;
        const okAlone =
          spent + da <= m.budget &&
          first + dfi >= m.firstTimeNeed &&
          (funded[di] as number) + dn >= (m.districtNeed[di] as number);
        if (okAlone && dv > bestGain) {
          bestGain = dv;
          bestMove = [i, ci, -1, 0];
        }
        for (let y = x + 1; y < open.length; y++) {
          const j = open[y] as number;
          if (dv + (maxGain[j] as number) <= bestGain) continue;
          const cj0 = choice[j] as number;
          for (const cj of moves(j)) {
            const gain = dv + worthOf(m, j, cj) - worthOf(m, j, cj0);
            if (gain <= bestGain) continue;
            const db = amountOf(m, j, cj) - amountOf(m, j, cj0);
            if (spent + da + db > m.budget) continue;
            if (first + dfi + (m.firstTime[j] ? db : 0) < m.firstTimeNeed) continue;
            const dj = m.district[j] as number;
            const dm = (cj !== 0 ? 1 : 0) - (cj0 !== 0 ? 1 : 0);
            if (di === dj) {
              if ((funded[di] as number) + dn + dm < (m.districtNeed[di] as number)) continue;
            } else if (
              (funded[di] as number) + dn < (m.districtNeed[di] as number) ||
              (funded[dj] as number) + dm < (m.districtNeed[dj] as number)
            )
              continue;
            bestGain = gain;
            bestMove = [i, ci, j, cj];
          }
        }
      }
    }
    if (!bestMove) break;
    const [i, ci, j, cj] = bestMove;
    for (const [k, c] of j < 0
      ? [[i, ci]]
      : [
          [i, ci],
          [j, cj],
        ]) {
      const old = choice[k as number] as number;
      const da = amountOf(m, k as number, c as number) - amountOf(m, k as number, old);
      spent += da;
      if (m.firstTime[k as number]) first += da;
      funded[m.district[k as number] as number] =
        (funded[m.district[k as number] as number] as number) + (c !== 0 ? 1 : 0) - (old !== 0 ? 1 : 0);
      choice[k as number] = c as number;
    }
  }
  return choice;
}
