import { groupsOf, stabilisedDual } from './dual.ts';
import { FamilySolver } from './family.ts';
import { solveFlow, UNPLACED } from './flow.ts';
import { anchoredFlow, anchorsOf, improveByFamilyMoves, objectiveOf, patternOf } from './heuristic.ts';
import { Lagrangian } from './lagrange.ts';
import { type Column, Master } from './master.ts';
import { buildModel, type Model } from './model.ts';
import type { PlacementProblem, PlacementResult, SolveOptions, UnplacedReason } from './types.ts';

/** What a caseworker waits for the result (issue 12): the default when no time limit is given. */
export const DEFAULT_TIME_LIMIT = 5;
/** At most this many patterns are enumerated to prove optimality; beyond it the bound stays the Lagrangian one. */
const MAX_PROOF_PATTERNS = 200_000;
const EPS = 1e-7;
/** Neighbourhood searches (HiGHS on part of the families) stop after this many without improvement. */
const STALE_NEIGHBOURHOODS = 10;
/** The share of the families where incumbent and LP disagree that one neighbourhood frees. */
const NEIGHBOURHOOD_SHARE = 0.35;
/** The share of the schools whose families another kind of neighbourhood frees (more after failures). */
const SCHOOL_SHARE = 0.08;
/** Subgradient steps that seed the column generation. */
const SUBGRADIENT_STEPS = 60;
/**
 * The master LP is worth starting only with this many flows' time left after the flow: its first solve takes
 * about 5 flows' time and its optimum about 20 (HiGHS, full size: 1.5–2 and ~6 CPU s). With less, the budget
 * goes to subgradient steps and the anchored flows instead (a short solve: the 2-s goal, the 5-s default).
 */
const LP_FLOWS = 25;
/** Below this many seconds per flow the solve is never short (a small instance: the LP is quick). */
const MIN_SHORT_FLOW = 0.03;
/** A short solve stops its subgradient steps with this many flows' time left, for the anchored flows. */
const SHORT_RESERVE_FLOWS = 1.6;
/** At most this many subgradient steps in a short solve. */
const SHORT_SUBGRADIENT_STEPS = 400;
/**
 * The subgradient steps aim at most this share above the best bound (measured on clustered/1001, 150 steps: the
 * bound stayed at the flow's with the flow's objective as the target, +2.3 % with this cap; others alike or better).
 */
const TARGET_ABOVE = 0.06;
/** The subgradient direction keeps this share of the previous one (deflection: fewer zig-zags). */
const DEFLECTION = 0.3;

/**
 * Solves the placement (issue 5, "Hard rules" and "Objective"):
 * 1. the min-cost assignment without the sibling term (successive shortest paths, flow.ts): a first solution
 *    and seat prices. At any seat prices p ≥ 0, the Lagrangian L(p) = Σ families' cheapest priced pattern −
 *    Σ p × free is a proven lower bound (lagrange.ts); a few subgradient steps from the flow's prices raise it
 *    and collect the families' patterns;
 * 2. column generation on the family-pattern LP (dual.ts: each family chooses one pattern, a group or
 *    "unplaced" per child, costed with the sibling term), seeded with those patterns: HiGHS solves the LP over
 *    the patterns so far, its seat prices price every family exactly, until no pattern has a negative reduced
 *    cost; the LP optimum is then the best L(p). (dual.ts can also smooth the prices and seed together-patterns;
 *    measured, that was slower, see there.) The LP solution anchors each family at the school that holds most
 *    of it, and the anchored flow (heuristic.ts) places everyone at once;
 * 3. neighbourhood search: HiGHS re-decides part of the families (where incumbent and LP disagree, or all at a
 *    few schools) over the generated patterns while the others keep theirs, from the incumbent, as long as
 *    that improves it; then HiGHS on the whole integer master over the generated patterns;
 * 4. proof: any solution better than the incumbent z uses, in every family, a pattern whose reduced cost at p
 *    is below z − L(p). All such patterns are enumerated and the integer master is solved again: its optimum
 *    is then the proven optimum (bound = objective, gap 0). When time runs out or there are too many such
 *    patterns, the result carries the best solution and L(p) as the bound.
 */
/**
 * Milliseconds for the time limit; PLACEMENT_CPU_CLOCK=1 counts process CPU time instead (to compare runs on a
 * shared, loaded machine: the bench prints both). The reported `seconds` are always wall time.
 */
const clock: () => number = process.env.PLACEMENT_CPU_CLOCK
  ? () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
  : () => performance.now();

export function solvePlacement(problem: PlacementProblem, options: SolveOptions = {}): PlacementResult {
  const started = performance.now();
  const budget = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT;
  const deadline = clock() + budget * 1000;
  const left = () => (deadline - clock()) / 1000;
  const m = buildModel(problem);
  const families = new FamilySolver(m);
  const lagrangian = new Lagrangian(m);
  const open = (objective: number, bound: number) =>
    objective - bound > EPS * Math.max(1, Math.abs(objective));

  const flowStarted = clock();
  const flow = solveFlow(m);
  /** Seconds one flow takes: the heuristics below cost about that much. */
  const flowSeconds = (clock() - flowStarted) / 1000;
  let incumbent = flow.assign;
  let objective = objectiveOf(m, families, incumbent);
  const master = new Master(m);
  const addPlacement = (groupOfChild: Int32Array) => {
    for (let f = 0; f < m.families; f++) {
      const groups = patternOf(m, f, groupOfChild);
      master.add({ family: f, groups, cost: families.costOf(f, groups, null).cost });
    }
  };
  const offer = (groupOfChild: Int32Array) => {
    improveByFamilyMoves(m, lagrangian, families, groupOfChild);
    addPlacement(groupOfChild);
    const value = objectiveOf(m, families, groupOfChild);
    if (value < objective - EPS) {
      incumbent = groupOfChild;
      objective = value;
    }
  };
  addPlacement(incumbent);

  const arcs = new Int32Array(m.n);
  const use = new Int32Array(m.groups);
  let bestPrice = flow.price;
  let bound = lagrangian.evaluate(flow.price, arcs, use);
  addArcPatterns(m, master, families, arcs);
  const lpGroups = new Int32Array(m.n);
  /** Too little time for the master LP: subgradient steps and anchored flows only (see LP_FLOWS). */
  // a flow of a few ms (small instances) says nothing: a busy machine's pause can make it look long
  const short = options.short === true || (flowSeconds > MIN_SHORT_FLOW && left() < LP_FLOWS * flowSeconds);
  /**
   * Per family of two or more and school: how many of its members the cheapest priced patterns of the later
   * subgradient steps put there. The school with most (an average over the steps, which tends to the LP
   * solution where a single step's patterns jump) anchors the family for the anchored flow.
   */
  const votes = new Float64Array(m.families * m.schools);
  let voted = 0;
  /** Adds the cheapest priced patterns in `arcs` with this weight (later steps weigh more). */
  const vote = (weight: number) => {
    voted++;
    for (let f = 0; f < m.families; f++) {
      const start = m.familyStart[f] as number;
      const end = m.familyStart[f + 1] as number;
      if (end - start < 2) continue;
      for (let x = start; x < end; x++) {
        const a = arcs[x] as number;
        if (a >= 0) {
          const at = f * m.schools + (m.groupSchool[m.arcGroup[a] as number] as number);
          votes[at] = (votes[at] as number) + weight;
        }
      }
    }
  };
  // 1b. subgradient steps on L(p) from the flow's prices (deflected, Polyak steps towards the incumbent's
  //     objective): a better bound at once, and their families' patterns seed the column generation, so that it
  //     needs fewer LP solves, and vote for the anchors
  const price = Float64Array.from(flow.price);
  const step = new Float64Array(m.groups);
  let theta = 0.5;
  let L = bound;
  let sinceBest = 0;
  let stepsDone = 0;
  // the long solve keeps its measured settings (plain steps towards the flow's objective)
  const deflection = short ? DEFLECTION : 0;
  const subgradient = (steps: number, more: () => boolean, target: number, seed: boolean) => {
    for (let k = 0; k < steps && more() && open(objective, bound); k++) {
      let norm = 0;
      for (let g = 0; g < m.groups; g++) {
        let v =
          (1 - deflection) * ((use[g] as number) - (m.groupFree[g] as number)) +
          deflection * (step[g] as number);
        if ((price[g] as number) <= 0 && v < 0) v = 0;
        step[g] = v;
        norm += v * v;
      }
      if (norm === 0) break;
      // Polyak's step towards the target, but never more than TARGET_ABOVE above the best bound: the first
      // incumbents are far above the optimum, and such steps overshoot until theta has shrunk to nothing
      const aim = short ? Math.min(target, bound + TARGET_ABOVE * Math.max(1, Math.abs(bound))) : target;
      const t = (theta * (aim - L)) / norm;
      for (let g = 0; g < m.groups; g++)
        price[g] = Math.max(0, (price[g] as number) + t * (step[g] as number));
      L = lagrangian.evaluate(price, arcs, use);
      if (seed) addArcPatterns(m, master, families, arcs);
      // the first steps are still far from the LP prices: they weigh less
      vote(++stepsDone);
      if (L > bound) {
        bound = L;
        bestPrice = Float64Array.from(price);
        sinceBest = 0;
      } else if (++sinceBest >= 5) {
        theta /= 2;
        sinceBest = 0;
      }
    }
  };
  if (short)
    subgradient(SHORT_SUBGRADIENT_STEPS, () => left() > SHORT_RESERVE_FLOWS * flowSeconds, objective, false);
  else subgradient(SUBGRADIENT_STEPS, () => left() > 0.5 * budget, objective, true);
  // the anchored flow from the votes, then anchored again where its own solution keeps each family (twice at
  // most: a third changed little, measured); a short solve ends here
  if (short && open(objective, bound) && left() > 0.8 * flowSeconds) {
    // no subgradient step done: the flow's own solution anchors
    const anchor = voted > 0 ? new Int32Array(m.families).fill(-1) : anchorsOf(m, incumbent);
    for (let f = 0; f < m.families && voted > 0; f++) {
      let most = 0;
      for (let s = 0; s < m.schools; s++) {
        const v = votes[f * m.schools + s] as number;
        if (v > most) {
          most = v;
          anchor[f] = s;
        }
      }
    }
    let placed = anchoredFlow(m, anchor);
    offer(placed);
    for (let round = 0; round < 2 && open(objective, bound) && left() > 0.8 * flowSeconds; round++) {
      placed = anchoredFlow(m, anchorsOf(m, placed));
      offer(placed);
    }
  }
  if (short) {
    // the time left raises the bound, with the anchored flows' objective as the better target
    subgradient(SHORT_SUBGRADIENT_STEPS, () => left() > 0, objective, false);
    master.dispose();
    return toResult(problem, m, incumbent, objective, bound, (performance.now() - started) / 1000);
  }
  try {
    let lastHeuristic = -1;
    let lpX: Float64Array | null = null;
    let lpColumns = 0;
    // 2. the LP bound by column generation (dual.ts: priced at the master's duals, which measured faster than
    //    the stabilised variants once the subgradient's patterns seed the master); the LP solution anchors the
    //    families for the anchored flow, which gives the integer solutions
    const dual = stabilisedDual(m, master, families, lagrangian, { bound, price: bestPrice }, left, {
      clock,
      stop: (b) => !open(objective, b),
      onLp: (lp, converged, lpSeconds) => {
        const lastChance = left() < lpSeconds + 3 * flowSeconds && left() > 1.5 * flowSeconds;
        const iteration = master.columns.length;
        if ((converged || lastChance) && iteration !== lastHeuristic) {
          lastHeuristic = iteration;
          lpX = lp.x;
          lpColumns = master.columns.length;
          lpSolutionGroups(m, master, lp.x, lpGroups);
          offer(anchoredFlow(m, anchorsOf(m, lpGroups)));
        }
      },
    });
    if (dual.bound > bound) {
      bound = dual.bound;
      bestPrice = dual.price;
    }
    // 3. neighbourhoods: HiGHS re-decides, from the incumbent, in turn a third of the families where the
    //    incumbent and the LP disagree, and all families at a few schools (drawn anew each time), while the
    //    rest keep their pattern; until several in a row bring nothing
    const random = lcg(m.n);
    let stale = 0;
    let round = 0;
    while (lpX && stale < STALE_NEIGHBOURHOODS && open(objective, bound) && left() > 0.1 * budget) {
      const start = columnsOf(m, master, families, incumbent);
      const fixed = new Uint8Array(m.families).fill(1);
      if (round++ % 2 === 0) {
        for (let c = 0; c < lpColumns; c++) {
          const x = lpX[c] as number;
          const f = (master.columns[c] as Column).family;
          if (x > EPS && (x < 1 - EPS || c !== start[f]) && random() < NEIGHBOURHOOD_SHARE) fixed[f] = 0;
        }
      } else {
        // every family at a few schools, in the incumbent or in the LP: it can swap seats with the others there
        const chosenSchool = new Uint8Array(m.schools);
        const share = SCHOOL_SHARE * (1 + stale / 2);
        for (let s = 0; s < m.schools; s++) if (random() < share) chosenSchool[s] = 1;
        for (let i = 0; i < m.n; i++) {
          const g = incumbent[i] as number;
          if (g !== UNPLACED && chosenSchool[m.groupSchool[g] as number]) fixed[m.familyOf[i] as number] = 0;
        }
        for (let c = 0; c < lpColumns; c++) {
          if (!((lpX[c] as number) > EPS)) continue;
          const column = master.columns[c] as Column;
          for (const g of column.groups)
            if (g >= 0 && chosenSchool[m.groupSchool[g] as number]) fixed[column.family] = 0;
        }
      }
      const ip = master.solveIp(Math.min(left(), Math.max(1, left() / 10)), start, fixed);
      if (ip && ip.value < objective - EPS) {
        incumbent = placementOf(m, master, ip.chosen);
        objective = objectiveOf(m, families, incumbent);
        stale = 0;
      } else stale++;
    }
    // 4. an integer solution over all generated patterns, from the best one so far
    if (open(objective, bound) && left() > 0) {
      const ip = master.solveIp(left(), columnsOf(m, master, families, incumbent));
      if (ip && ip.value < objective - EPS) {
        incumbent = placementOf(m, master, ip.chosen);
        objective = objectiveOf(m, families, incumbent);
      }
    }
    // 5. proof by reduced costs
    if (open(objective, bound) && left() > 0) {
      const margin = objective - bound + EPS * Math.max(1, Math.abs(objective));
      let total = 0;
      let complete = true;
      for (let f = 0; f < m.families && complete; f++) {
        if (left() <= 0) {
          complete = false;
          break;
        }
        const min = lagrangian.family(f, bestPrice, arcs);
        const found = families.enumerate(f, bestPrice, min + margin, MAX_PROOF_PATTERNS - total);
        total += found.patterns.length;
        complete = found.complete;
        for (const p of found.patterns) master.add({ family: f, groups: p.groups, cost: p.cost });
      }
      if (complete && left() > 0) {
        const ip = master.solveIp(left(), columnsOf(m, master, families, incumbent));
        if (ip) {
          if (ip.value < objective - EPS) {
            incumbent = placementOf(m, master, ip.chosen);
            objective = objectiveOf(m, families, incumbent);
          }
          if (ip.optimal) bound = Math.max(bound, Math.min(objective, ip.bound));
        }
      }
    }
  } finally {
    master.dispose();
  }
  return toResult(problem, m, incumbent, objective, bound, (performance.now() - started) / 1000);
}

/** Adds each family's cheapest priced pattern (in `arcs`, from Lagrangian.family) as a column. */
function addArcPatterns(m: Model, master: Master, families: FamilySolver, arcs: Int32Array): void {
  for (let f = 0; f < m.families; f++) {
    const groups = groupsOf(m, f, arcs);
    master.add({ family: f, groups, cost: families.costOf(f, groups, null).cost });
  }
}

/** The LP solution rounded to its heaviest pattern per family, as a group per child (may overfill groups). */
function lpSolutionGroups(m: Model, master: Master, x: Float64Array, out: Int32Array): void {
  const weight = new Float64Array(m.families).fill(-1);
  const chosen = new Int32Array(m.families).fill(-1);
  for (let c = 0; c < master.columns.length; c++) {
    const f = (master.columns[c] as Column).family;
    if ((x[c] ?? 0) > (weight[f] as number)) {
      weight[f] = x[c] as number;
      chosen[f] = c;
    }
  }
  out.fill(UNPLACED);
  for (let f = 0; f < m.families; f++) {
    const column = master.columns[chosen[f] as number];
    if (!column) continue;
    const start = m.familyStart[f] as number;
    for (let t = 0; t < column.groups.length; t++)
      out[m.familyMembers[start + t] as number] = column.groups[t] as number;
  }
}

/** The master's column index of each family's pattern in a placement (added where new). */
function columnsOf(m: Model, master: Master, families: FamilySolver, groupOfChild: Int32Array): Int32Array {
  const chosen = new Int32Array(m.families);
  for (let f = 0; f < m.families; f++) {
    const groups = patternOf(m, f, groupOfChild);
    chosen[f] = master.indexOf({ family: f, groups, cost: families.costOf(f, groups, null).cost });
  }
  return chosen;
}

/** The placement (a group per child) of one chosen column per family. */
function placementOf(m: Model, master: Master, chosen: Int32Array): Int32Array {
  const out = new Int32Array(m.n).fill(UNPLACED);
  for (let f = 0; f < m.families; f++) {
    const column = master.columns[chosen[f] as number] as Column;
    const start = m.familyStart[f] as number;
    for (let t = 0; t < column.groups.length; t++)
      out[m.familyMembers[start + t] as number] = column.groups[t] as number;
  }
  return out;
}

function toResult(
  problem: PlacementProblem,
  m: Model,
  groupOf: Int32Array,
  objective: number,
  rawBound: number,
  seconds: number,
): PlacementResult {
  const placements: PlacementResult['placements'] = [];
  const unplaced: PlacementResult['unplaced'] = [];
  problem.children.forEach((child, i) => {
    const g = groupOf[i] as number;
    if (g === UNPLACED) {
      const reason: UnplacedReason =
        (m.arcStart[i + 1] as number) > (m.arcStart[i] as number)
          ? 'seats_taken'
          : 'no_seat_in_form_grade_kind';
      unplaced.push({ childId: child.id, reasons: [reason] });
    } else {
      const school = problem.schools[m.groupSchool[g] as number];
      if (school) placements.push({ childId: child.id, schoolId: school.id });
    }
  });
  // the bound never exceeds the objective; a difference within rounding is no gap
  const tolerance = EPS * Math.max(1, Math.abs(objective));
  const bound = objective - rawBound <= tolerance ? objective : rawBound;
  const gap = (objective - bound) / Math.max(1, Math.abs(objective));
  return { placements, unplaced, objective, bound, gap, seconds };
}

/** A small seeded generator (the neighbourhoods' choice), so that a solve is repeatable. */
function lcg(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
