/**
 * The solver. For one guide, a set of requests is conflict-free iff, sorted by start, each consecutive pair is
 * compatible (travel is a great-circle distance, so the triangle inequality holds): a chain. Relaxing "each
 * request at most once" with Lagrangian multipliers λ splits the problem per guide into a shortest-chain dynamic
 * programme over (last request, count); every L(λ) is a proven lower bound. Per connected component of the
 * guide–request graph, the prices start at the best uniform level below each request's cheapest guide (a line
 * search), and the volume algorithm (a subgradient method, coarse then fine steps) raises L; the chains of λ are
 * turned into solutions (repair, and a sequential Lagrangian heuristic) and improved by local search (insertions,
 * relocations, ejections, swaps). Components of at most 40 requests are solved exactly by depth-first search.
 */
import { EARTH_RADIUS_KM, greatCircleKm } from '../../../core/geo.ts';
import { buildModel, heldBy, loadCost, type Model, objectiveOf, unassignedReasons } from './model.ts';
import type { Assignment, MatchingProblem, MatchingResult, SolveOptions } from './types.ts';

const EPS = 1e-9;
/** Components of at most this many requests get an exhaustive search when the dual leaves a gap. */
const SMALL_COMPONENT = 40;
/** Components of at most SMALL_DUAL requests take at least SMALL_DUAL_STEPS dual steps, whatever the clock says. */
const SMALL_DUAL = 200;
const SMALL_DUAL_STEPS = 300;
/** The least time (ms) a component gets, however small its share of the work. */
const SMALL_BUDGET_MS = 25;

/** Milliseconds; MATCHING_CPU_CLOCK=1 counts process CPU time instead (to compare runs on a loaded machine). */
const now: () => number = process.env.MATCHING_CPU_CLOCK
  ? () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
  : () => performance.now();

export function solveMatching(problem: MatchingProblem, options: SolveOptions = {}): MatchingResult {
  const wallStarted = performance.now();
  const started = now();
  // the last checks and the result take a few tens of ms after the components: they fit inside the limit
  const limitMs = (options.timeLimitSeconds ?? 5) * 1000 * 0.98;
  const tolerance = options.gapTolerance ?? 1e-9;
  const model = buildModel(problem);
  const guideOf = new Int32Array(model.nR).fill(-1);
  let bound = 0;
  const comps = components(model).sort((a, b) => a.requests.length - b.requests.length);
  let remainingWork = comps.reduce((sum, c) => sum + work(model, c), 0);
  for (const comp of comps) {
    const share = work(model, comp);
    const left = limitMs - (now() - started);
    // a share of the time by size, but every component enough for its dual to settle: a small one costs
    // microseconds per step, and with its share alone (a few ms) a week in many languages left 30 components
    // of 20–40 requests with a bound at a fifth of their solution (gap 19 % overall; issue 12)
    const budget = Math.max(
      0,
      (left * share) / Math.max(1, remainingWork),
      Math.min(SMALL_BUDGET_MS, left * 0.02),
    );
    remainingWork -= share;
    bound += solveComponent(model, comp, guideOf, now() + budget, tolerance);
  }
  enforceConflicts(model, guideOf);
  const objective = objectiveOf(model, guideOf);
  bound = Math.min(bound, objective);
  return resultOf(model, guideOf, objective, bound, (performance.now() - wallStarted) / 1000);
}

/**
 * The proven lower bound at the starting prices alone (before any subgradient step): Σ over components of
 * L(λ⁰) from initialPrices, and the penalties of requests nobody may take. Tests use it to check the starting
 * prices on each family of instances.
 */
export function startingBound(problem: MatchingProblem): number {
  const model = buildModel(problem);
  let bound = 0;
  for (const comp of components(model)) {
    if (comp.guides.length === 0) {
      for (const r of comp.requests) bound += model.penalty[r] as number;
      continue;
    }
    const data: (GuideData | undefined)[] = new Array(model.nG);
    for (const g of comp.guides) data[g] = guideData(model, g);
    const lambda = new Float64Array(model.nR);
    bound += initialPrices(model, comp, new ChainSolver(model, data), lambda, Number.POSITIVE_INFINITY);
  }
  return bound;
}

/**
 * Chains are checked between neighbours only, which suffices by the triangle inequality; this last check of every
 * pair guards against rounding in the last digit (it drops the later request of a pair that conflicts).
 */
function enforceConflicts(model: Model, guideOf: Int32Array): void {
  const held: number[][] = Array.from({ length: model.nG }, () => []);
  const order = Array.from({ length: model.nR }, (_, r) => r).sort(
    (a, b) => (model.start[a] as number) - (model.start[b] as number),
  );
  for (const r of order) {
    const g = guideOf[r] as number;
    if (g < 0) continue;
    const mine = held[g] as number[];
    if (
      mine.length >= (model.maxAssignments[g] as number) ||
      mine.some((other) => !model.compatible(other, r))
    ) {
      guideOf[r] = -1;
    } else mine.push(r);
  }
}

export function resultOf(
  model: Model,
  guideOf: Int32Array,
  objective: number,
  bound: number,
  seconds: number,
): MatchingResult {
  const { guides, requests } = model.problem;
  const assignments: Assignment[] = [];
  const unassigned: MatchingResult['unassigned'] = [];
  const held = heldBy(model, guideOf);
  guideOf.forEach((g, r) => {
    const requestId = requests[r]?.id as string;
    if (g >= 0) assignments.push({ requestId, guideId: guides[g]?.id as string });
    else unassigned.push({ requestId, reasons: unassignedReasons(model, guideOf, r, held) });
  });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    assignments,
    unassigned,
    objective: round(objective),
    bound: round(bound),
    gap: round((objective - bound) / Math.max(1, Math.abs(objective))),
    seconds: Math.round(seconds * 1000) / 1000,
  };
}

/**
 * Checks assignments against every hard rule, conflicts and maxima; returns the problems found (empty: valid).
 */
export function checkAssignments(problem: MatchingProblem, assignments: Assignment[]): string[] {
  const model = buildModel(problem);
  const errors: string[] = [];
  const held: number[][] = problem.guides.map(() => []);
  const seen = new Set<string>();
  for (const { requestId, guideId } of assignments) {
    const r = model.requestIndex.get(requestId);
    const g = model.guideIndex.get(guideId);
    if (r === undefined || g === undefined) {
      errors.push(`unknown ${r === undefined ? 'request' : 'guide'} in ${requestId} → ${guideId}`);
      continue;
    }
    if (seen.has(requestId)) errors.push(`${requestId} assigned twice`);
    seen.add(requestId);
    if (!(model.reqGuides[r] as Int32Array).includes(g)) errors.push(`${guideId} may not take ${requestId}`);
    for (const other of held[g] as number[]) {
      if (!model.compatible(other, r))
        errors.push(`${guideId}: ${requestId} conflicts with ${problem.requests[other]?.id}`);
    }
    held[g]?.push(r);
  }
  held.forEach((list, g) => {
    if (list.length > (model.maxAssignments[g] as number))
      errors.push(`${problem.guides[g]?.id} over maxAssignments`);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Components

type Component = { guides: number[]; requests: number[] };

function components(model: Model): Component[] {
  const parent = Int32Array.from({ length: model.nG + model.nR }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  model.reqGuides.forEach((guides, r) => {
    for (const g of guides) parent[find(model.nG + r)] = find(g);
  });
  const byRoot = new Map<number, Component>();
  const get = (root: number) => {
    let c = byRoot.get(root);
    if (!c) {
      c = { guides: [], requests: [] };
      byRoot.set(root, c);
    }
    return c;
  };
  for (let g = 0; g < model.nG; g++)
    if ((model.guideReqs[g] as Int32Array).length > 0) get(find(g)).guides.push(g);
  for (let r = 0; r < model.nR; r++) get(find(model.nG + r)).requests.push(r);
  return [...byRoot.values()];
}

function work(model: Model, comp: Component): number {
  let pairs = comp.requests.length;
  for (const r of comp.requests) pairs += (model.reqGuides[r] as Int32Array).length;
  return pairs;
}

// ---------------------------------------------------------------------------------------------------------
// Assignment state with per-guide chains sorted by start

class State {
  readonly guideOf: Int32Array;
  /** Cost of the pair (request, its guide) for assigned requests. */
  readonly chains: number[][];
  constructor(
    readonly model: Model,
    readonly comp: Component,
  ) {
    this.guideOf = new Int32Array(model.nR).fill(-1);
    this.chains = Array.from({ length: model.nG }, () => []);
  }

  cost(g: number, r: number): number {
    const guides = this.model.reqGuides[r] as Int32Array;
    for (let k = 0; k < guides.length; k++) {
      if (guides[k] === g)
        return (this.model.guideCost[g] as Float64Array)[
          (this.model.reqPos[r] as Int32Array)[k] as number
        ] as number;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Position where r goes into g's chain, or −1 when it conflicts with a neighbour or g is full. */
  slot(g: number, r: number, ignoreFull = false): number {
    const chain = this.chains[g] as number[];
    if (!ignoreFull && chain.length >= (this.model.maxAssignments[g] as number)) return -1;
    const { start, end, travel } = this.model;
    let lo = 0;
    let hi = chain.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((start[chain[mid] as number] as number) < (start[r] as number)) lo = mid + 1;
      else hi = mid;
    }
    const before = chain[lo - 1];
    const after = chain[lo];
    if (before !== undefined && (end[before] as number) + travel(before, r) > (start[r] as number)) return -1;
    if (after !== undefined && (end[r] as number) + travel(r, after) > (start[after] as number)) return -1;
    return lo;
  }

  /** Requests in g's chain that conflict with r. */
  conflicts(g: number, r: number): number[] {
    return (this.chains[g] as number[]).filter((other) => !this.model.compatible(other, r));
  }

  insert(g: number, r: number, at: number): void {
    (this.chains[g] as number[]).splice(at, 0, r);
    this.guideOf[r] = g;
  }

  remove(r: number): void {
    const g = this.guideOf[r] as number;
    const chain = this.chains[g] as number[];
    chain.splice(chain.indexOf(r), 1);
    this.guideOf[r] = -1;
  }

  /** Cost of adding r to g (travel, continuity, load), not counting the unassigned penalty. */
  addCost(g: number, r: number): number {
    return this.cost(g, r) + this.model.loadStep * (this.chains[g] as number[]).length;
  }

  /** Saving when r leaves its guide. */
  removeSaving(r: number): number {
    const g = this.guideOf[r] as number;
    return this.cost(g, r) + this.model.loadStep * ((this.chains[g] as number[]).length - 1);
  }

  objective(): number {
    let total = 0;
    for (const r of this.comp.requests) {
      const g = this.guideOf[r] as number;
      total += g < 0 ? (this.model.penalty[r] as number) : this.cost(g, r);
    }
    for (const g of this.comp.guides)
      total += loadCost(this.model.loadStep, (this.chains[g] as number[]).length);
    return total;
  }

  /** Best direct insertion of r (lowest added cost), excluding one guide. */
  bestInsertion(r: number, exclude = -1): { g: number; at: number; cost: number } | null {
    let best: { g: number; at: number; cost: number } | null = null;
    const { model } = this;
    const guides = model.reqGuides[r] as Int32Array;
    const positions = model.reqPos[r] as Int32Array;
    for (let k = 0; k < guides.length; k++) {
      const g = guides[k] as number;
      if (g === exclude) continue;
      const c =
        ((model.guideCost[g] as Float64Array)[positions[k] as number] as number) +
        model.loadStep * (this.chains[g] as number[]).length;
      if (best && c >= best.cost) continue;
      const at = this.slot(g, r);
      if (at >= 0) best = { g, at, cost: c };
    }
    return best;
  }

  copyFrom(other: State): void {
    this.guideOf.set(other.guideOf);
    for (const g of this.comp.guides) this.chains[g] = [...(other.chains[g] as number[])];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Local search

function improve(state: State, deadline: number, light = false): void {
  const { model, comp } = state;
  for (let round = 0; round < (light ? 1 : 20) && now() < deadline; round++) {
    let changed = false;
    // insert unassigned requests, most expensive first
    const open = comp.requests
      .filter((r) => state.guideOf[r] === -1)
      .sort((a, b) => (model.penalty[b] as number) - (model.penalty[a] as number));
    for (const r of open) {
      const best = state.bestInsertion(r);
      if (best && best.cost < (model.penalty[r] as number) - EPS) {
        state.insert(best.g, r, best.at);
        changed = true;
      }
    }
    // relocate assigned requests to a cheaper guide
    for (const r of comp.requests) {
      const g = state.guideOf[r] as number;
      if (g < 0) continue;
      const saving = state.removeSaving(r);
      const best = state.bestInsertion(r, g);
      if (best && best.cost < saving - EPS) {
        state.remove(r);
        state.insert(best.g, r, state.slot(best.g, r));
        changed = true;
      }
    }
    if (light) return;
    // ejections: make room for an unassigned request by moving or dropping the requests in its way
    for (const r of comp.requests) {
      if (state.guideOf[r] !== -1) continue;
      if (now() >= deadline) return;
      if (eject(state, r, 2)) changed = true;
    }
    // swaps of two assigned requests between their guides
    if (!changed && swaps(state, deadline)) changed = true;
    if (!changed) return;
  }
}

/**
 * Tries to place r (unassigned, or being moved) by removing the requests in its way from one guide and placing
 * them elsewhere (recursively up to `depth`). Applies the best improving change; returns whether it did.
 */
function eject(state: State, r: number, depth: number): boolean {
  const { model } = state;
  const penalty = model.penalty[r] as number;
  let bestDelta = -EPS;
  let bestPlan: (() => void) | null = null;
  for (const g of model.reqGuides[r] as Int32Array) {
    const chain = state.chains[g] as number[];
    let out = state.conflicts(g, r);
    if (out.length > 2) continue;
    const max = model.maxAssignments[g] as number;
    const candidates: number[][] = [];
    if (chain.length - out.length < max) candidates.push(out);
    else if (out.length === 0 && max > 0) for (const other of chain) candidates.push([other]);
    for (const o of candidates) {
      out = o;
      // remove out, insert r
      const n = chain.length;
      let delta = -penalty + state.cost(g, r);
      for (const x of out) delta -= state.cost(g, x);
      delta += loadCost(model.loadStep, n - out.length + 1) - loadCost(model.loadStep, n);
      if (delta - out.reduce((s, x) => s + (model.penalty[x] as number), 0) >= bestDelta) continue; // cannot win
      // tentatively apply, then place the removed requests
      const snapshot = out.map((x) => x);
      for (const x of snapshot) state.remove(x);
      state.insert(g, r, state.slot(g, r, true));
      let total = delta;
      const placed: number[] = [];
      for (const x of snapshot) {
        const best = state.bestInsertion(x, g);
        if (best && best.cost < (model.penalty[x] as number)) {
          total += best.cost;
          state.insert(best.g, x, best.at);
          placed.push(x);
        } else total += model.penalty[x] as number;
      }
      if (total < bestDelta) {
        bestDelta = total;
        const moves = snapshot.map((x) => ({ x, g: state.guideOf[x] as number }));
        bestPlan = () => {
          for (const x of snapshot) if (state.guideOf[x] !== -1) state.remove(x);
          state.insert(g, r, state.slot(g, r, true));
          for (const m of moves) if (m.g >= 0) state.insert(m.g, m.x, state.slot(m.g, m.x, true));
        };
      }
      // undo
      for (const x of placed) state.remove(x);
      state.remove(r);
      for (const x of snapshot) state.insert(g, x, state.slot(g, x, true));
    }
  }
  void depth;
  if (bestPlan) {
    (bestPlan as () => void)();
    return true;
  }
  return false;
}

function swaps(state: State, deadline: number): boolean {
  const { model, comp } = state;
  let changed = false;
  let visited = 0;
  for (const r of comp.requests) {
    // the clock every 16 requests (with MATCHING_CPU_CLOCK a reading costs about a microsecond)
    if ((visited++ & 15) === 0 && now() >= deadline) break;
    const g1 = state.guideOf[r] as number;
    if (g1 < 0) continue;
    for (const g2 of model.reqGuides[r] as Int32Array) {
      if (g2 === g1) continue;
      for (const s of state.conflicts(g2, r)) {
        if (!(model.reqGuides[s] as Int32Array).includes(g1)) continue;
        const before = state.cost(g1, r) + state.cost(g2, s);
        const after = state.cost(g2, r) + state.cost(g1, s);
        if (after >= before - EPS) continue;
        state.remove(r);
        state.remove(s);
        const a = state.slot(g2, r, true);
        const b = state.slot(g1, s, true);
        if (a >= 0 && b >= 0) {
          state.insert(g2, r, a);
          state.insert(g1, s, state.slot(g1, s, true));
          changed = true;
          break;
        }
        state.insert(g1, r, state.slot(g1, r, true));
        state.insert(g2, s, state.slot(g2, s, true));
      }
      if (state.guideOf[r] !== g1) break;
    }
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------------------
// Greedy start: requests with few candidates first

function construct(state: State): void {
  const { model, comp } = state;
  const order = [...comp.requests].sort(
    (a, b) =>
      (model.reqGuides[a] as Int32Array).length - (model.reqGuides[b] as Int32Array).length ||
      (model.penalty[b] as number) - (model.penalty[a] as number) ||
      (model.start[a] as number) - (model.start[b] as number),
  );
  for (const r of order) {
    const best = state.bestInsertion(r);
    if (best && best.cost < (model.penalty[r] as number) - EPS) state.insert(best.g, r, best.at);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Per-guide chain DP

type GuideData = {
  /** Positions sorted by end. */
  byEnd: Int32Array;
  /** CSR of compatible near predecessors (positions) per position. */
  nearPtr: Int32Array;
  near: Int32Array;
  tmax: number;
};

const vectorsOf = new WeakMap<Model, { x: Float64Array; y: Float64Array; z: Float64Array; factor: number }>();

/** The requests' places as unit vectors (the chord between two gives the great-circle distance). */
function placeVectors(model: Model): { x: Float64Array; y: Float64Array; z: Float64Array; factor: number } {
  let vectors = vectorsOf.get(model);
  if (!vectors) {
    const x = new Float64Array(model.nR);
    const y = new Float64Array(model.nR);
    const z = new Float64Array(model.nR);
    model.problem.requests.forEach((request, r) => {
      const lat = (request.place.lat * Math.PI) / 180;
      const lon = (request.place.lon * Math.PI) / 180;
      x[r] = Math.cos(lat) * Math.cos(lon);
      y[r] = Math.cos(lat) * Math.sin(lon);
      z[r] = Math.sin(lat);
    });
    vectors = { x, y, z, factor: (2 * EARTH_RADIUS_KM * 60) / model.speedKmh };
    vectorsOf.set(model, vectors);
  }
  return vectors;
}

function guideData(model: Model, g: number): GuideData {
  const list = model.guideReqs[g] as Int32Array;
  const n = list.length;
  const { start, end, travel } = model;
  // the largest travel between two of the guide's places: at most the diagonal of their bounding box
  const { problem } = model;
  let minLat = 90;
  let maxLat = -90;
  let minLon = 180;
  let maxLon = -180;
  let maxDur = 0;
  for (let p = 0; p < n; p++) {
    const r = list[p] as number;
    const { lat, lon } = (problem.requests[r] as { place: { lat: number; lon: number } }).place;
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    maxDur = Math.max(maxDur, (end[r] as number) - (start[r] as number));
  }
  const equator = Math.abs(minLat) < Math.abs(maxLat) ? minLat : maxLat;
  const spansEquator = minLat < 0 && maxLat > 0;
  let tmax =
    (Math.max(
      greatCircleKm({ lat: minLat, lon: minLon }, { lat: maxLat, lon: maxLon }),
      greatCircleKm(
        { lat: spansEquator ? 0 : equator, lon: minLon },
        { lat: spansEquator ? 0 : equator, lon: maxLon },
      ),
    ) /
      model.speedKmh) *
    60;
  if (maxLon - minLon > 90 || maxLat - minLat > 90) {
    tmax = (Math.PI * 6371.0088 * 60) / model.speedKmh; // half the globe: any two places
  }
  tmax = tmax * 1.0001 + 1e-6;
  const byEnd = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (end[list[a] as number] as number) - (end[list[b] as number] as number),
  );
  const nearPtr = new Int32Array(n + 1);
  const near: number[] = [];
  // travel from the chord between unit vectors (one square root and one arcsine); within a micro-minute of the
  // slack the exact haversine decides, so the DP's chains agree with model.compatible
  const { x, y, z, factor } = placeVectors(model);
  for (let p = 0; p < n; p++) {
    const r = list[p] as number;
    const sr = start[r] as number;
    const xr = x[r] as number;
    const yr = y[r] as number;
    const zr = z[r] as number;
    for (let i = p - 1; i >= 0; i--) {
      const q = list[i] as number;
      if ((start[q] as number) <= sr - tmax - maxDur) break;
      const eq = end[q] as number;
      if (eq + tmax <= sr) continue; // covered by the prefix minimum
      const slack = sr - eq;
      if (slack < 0) continue;
      const dx = (x[q] as number) - xr;
      const dy = (y[q] as number) - yr;
      const dz = (z[q] as number) - zr;
      const approx = factor * Math.asin(Math.min(1, 0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz)));
      if (approx < slack - 1e-6 || (approx <= slack + 1e-6 && eq + travel(q, r) <= sr)) near.push(i);
    }
    nearPtr[p + 1] = near.length;
  }
  return { byEnd, nearPtr, near: Int32Array.from(near), tmax };
}

class ChainSolver {
  private f = new Float64Array(0);
  private pred = new Int32Array(0);
  private w = new Float64Array(0);
  /** Levels 0 … len[p] − 1 of position p are finite (0: p is not worth taking). */
  private len = new Int32Array(0);
  private best = new Float64Array(0);
  private bestArg = new Int32Array(0);
  private m = new Float64Array(0);
  private arg = new Int32Array(0);
  constructor(
    private readonly model: Model,
    private readonly data: (GuideData | undefined)[],
  ) {}

  /** The cheapest chain of g under λ: value (≤ 0) and the requests in it. */
  solve(g: number, lambda: Float64Array, out: number[]): number {
    const { model } = this;
    out.length = 0;
    const list = model.guideReqs[g] as Int32Array;
    const costs = model.guideCost[g] as Float64Array;
    const n = list.length;
    let K = Math.min(model.maxAssignments[g] as number, n);
    if (K === 0) return 0;
    if (this.w.length < n) {
      this.w = new Float64Array(n * 2);
      this.len = new Int32Array(n * 2);
    }
    const { w, len } = this;
    const { start, end, penalty, loadStep } = model;
    let lowest = 0;
    for (let p = 0; p < n; p++) {
      const r = list[p] as number;
      const v = (costs[p] as number) - (penalty[r] as number) + (lambda[r] as number);
      w[p] = v;
      if (v < lowest) lowest = v;
    }
    if (lowest >= 0) return 0;
    // the k-th request of a chain adds loadStep·(k − 1): worth it only while some request saves more than that
    if (loadStep > 0) K = Math.min(K, 1 + Math.floor(-lowest / loadStep));
    if (this.f.length < n * K) {
      this.f = new Float64Array(n * K * 2);
      this.pred = new Int32Array(n * K * 2);
    }
    if (this.best.length < K) {
      this.best = new Float64Array(K * 2);
      this.bestArg = new Int32Array(K * 2);
      this.m = new Float64Array(K * 2);
      this.arg = new Int32Array(K * 2);
    }
    const { f, pred, best, bestArg, m, arg } = this;
    const d = this.data[g] as GuideData;
    const INF = Number.POSITIVE_INFINITY;
    best.fill(INF, 0, K);
    bestArg.fill(-1, 0, K);
    let filled = 0; // levels of `best` that hold a finite value
    let q = 0;
    let bestVal = 0;
    let bestP = -1;
    let bestK = -1;
    for (let p = 0; p < n; p++) {
      const sr = start[list[p] as number] as number;
      while (q < n) {
        const i = d.byEnd[q] as number;
        if ((end[list[i] as number] as number) + d.tmax > sr) break;
        q++;
        const li = len[i] as number;
        if (li === 0) continue;
        const base = i * K;
        for (let k = 0; k < li; k++) {
          const v = f[base + k] as number;
          if (v < (best[k] as number)) {
            best[k] = v;
            bestArg[k] = i;
          }
        }
        if (li > filled) filled = li;
      }
      const wp = w[p] as number;
      if (wp >= 0) {
        len[p] = 0;
        continue;
      }
      const base = p * K;
      f[base] = wp;
      pred[base] = -1;
      if (wp < bestVal) {
        bestVal = wp;
        bestP = p;
        bestK = 0;
      }
      // predecessors: the prefix minimum (far enough for any travel) and the near ones checked one by one
      // p lies in an optimal chain of length L only if w_p ≤ −loadStep·(L − 1) (dropping p saves the last
      // load step, and what is left is still a chain): longer prefixes through p need not be kept
      const cap = loadStep > 0 ? Math.min(K - 1, Math.floor(-wp / loadStep)) : K - 1;
      let levels = Math.min(filled, cap);
      for (let k = 0; k < levels; k++) {
        m[k] = best[k] as number;
        arg[k] = bestArg[k] as number;
      }
      const from = d.nearPtr[p] as number;
      const to = d.nearPtr[p + 1] as number;
      for (let t = from; t < to; t++) {
        const i = d.near[t] as number;
        const li = Math.min(len[i] as number, cap);
        if (li === 0) continue;
        for (let k = levels; k < li; k++) m[k] = INF;
        if (li > levels) levels = li;
        const ib = i * K;
        for (let k = 0; k < li; k++) {
          const v = f[ib + k] as number;
          if (v < (m[k] as number)) {
            m[k] = v;
            arg[k] = i;
          }
        }
      }
      let count = 1;
      for (let k = 0; k < levels; k++) {
        const mk = m[k] as number;
        if (mk === INF) break;
        const v = wp + mk;
        f[base + k + 1] = v;
        pred[base + k + 1] = arg[k] as number;
        count = k + 2;
        const total = v + (loadStep * (k + 2) * (k + 1)) / 2;
        if (total < bestVal) {
          bestVal = total;
          bestP = p;
          bestK = k + 1;
        }
      }
      len[p] = count;
    }
    let p = bestP;
    let k = bestK;
    while (p >= 0) {
      out.push(list[p] as number);
      const prev = pred[p * K + k] as number;
      p = k > 0 ? prev : -1;
      k--;
    }
    out.reverse();
    return bestVal;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One component

function solveComponent(
  model: Model,
  comp: Component,
  globalGuideOf: Int32Array,
  deadline: number,
  tolerance: number,
): number {
  if (comp.guides.length === 0) {
    let total = 0;
    for (const r of comp.requests) total += model.penalty[r] as number;
    return total;
  }
  const begin = now();
  const span = Math.max(0, deadline - begin);
  const incumbent = new State(model, comp);
  construct(incumbent);
  improve(incumbent, begin + span * 0.05);
  let ub = incumbent.objective();
  debug(
    () => `component ${comp.guides.length} guides, ${comp.requests.length} requests: start ${ub.toFixed(1)}`,
  );

  const data: (GuideData | undefined)[] = new Array(model.nG);
  for (const g of comp.guides) data[g] = guideData(model, g);
  const dp = new ChainSolver(model, data);
  const lambda = new Float64Array(model.nR);
  const initial = initialPrices(model, comp, dp, lambda, begin + span * 0.3);
  let lb = Math.max(
    initial,
    volume(
      model,
      comp,
      dp,
      lambda,
      incumbent,
      begin + span * 0.92,
      tolerance,
      initial,
      comp.requests.length <= SMALL_DUAL ? SMALL_DUAL_STEPS : 0,
    ),
  );
  improve(incumbent, deadline);
  ub = incumbent.objective();
  // a small component whose bound has not met its solution: the exhaustive search settles it (the dual goes
  // first: it often proves the solution optimal in a few milliseconds, and its solution makes the search shorter)
  if (comp.requests.length <= SMALL_COMPONENT && ub - lb > tolerance * Math.max(1, Math.abs(ub)) + EPS) {
    const exact = exhaustive(model, comp, incumbent, ub, 200_000, deadline);
    if (exact !== null) {
      lb = exact;
      ub = incumbent.objective();
    }
  }
  debug(
    () => `component done: lb ${lb.toFixed(2)} ub ${ub.toFixed(2)} after ${(now() - begin).toFixed(0)} ms`,
  );
  for (const r of comp.requests) globalGuideOf[r] = incumbent.guideOf[r] as number;
  return Math.min(ub, lb);
}

/** MATCHING_DEBUG=1 prints the solver's progress (numbers only) on stderr. */
function debug(message: () => string): void {
  if (process.env.MATCHING_DEBUG) console.error(message());
}

/**
 * The Lagrangian dual by the volume algorithm (Barahona & Anbil 2000): subgradient steps from the best
 * multipliers so far, along the subgradient of an averaged relaxation solution, sized towards the incumbent's
 * value. Starts from `lambda` (whose value is `known`). Leaves the best multipliers in `lambda`, improves
 * `incumbent` with solutions built from the relaxation (every 30th step), and returns the best bound.
 * Two phases, measured on the benchmark (5 s of CPU): coarse (averaging weight up to 0.3, the step shrinks by 0.8
 * after two steps without progress) until the step is too small to move, then fine (weight up to 0.1, shrink by
 * 0.66 after 20 steps). With the fine phase alone the 3,000-request bound reached 74k in 5 s, with both 84k.
 */
function volume(
  model: Model,
  comp: Component,
  dp: ChainSolver,
  lambda: Float64Array,
  incumbent: State,
  deadline: number,
  tolerance: number,
  known = Number.NEGATIVE_INFINITY,
  minIterations = 0,
): number {
  const best = Float64Array.from(lambda);
  const count = new Int32Array(model.nR);
  const chains: number[][] = Array.from({ length: model.nG }, () => []);
  const repairState = new State(model, comp);
  // guides with the fewest choices pick first
  const order = [...comp.guides].sort(
    (a, b) => (model.guideReqs[a] as Int32Array).length - (model.guideReqs[b] as Int32Array).length,
  );
  let ub = incumbent.objective();
  let lb = Math.max(known, lowerTrivial(model, comp));
  const fullBudget = Math.max(5, (deadline - now()) * 0.02);
  const average = new Float64Array(model.nR);
  const direction = new Float64Array(model.nR);
  const center = Float64Array.from(lambda);
  let centerValue = Number.NEGATIVE_INFINITY;
  let factor = 0.1;
  let red = 0;
  // coarse: quick progress from far away (more weight on the newest subgradient, quick step decrease);
  // then fine: the original volume parameters, which close the last per mille
  let coarse = true;
  let alphaMax = 0.3;
  let iteration = 0;
  const closed = () => ub - lb <= tolerance * Math.max(1, Math.abs(ub)) + EPS;
  while (!closed() && (iteration < minIterations || now() < deadline)) {
    iteration++;
    let value = 0;
    for (const r of comp.requests) {
      value += (model.penalty[r] as number) - (lambda[r] as number);
      count[r] = 0;
    }
    for (const g of comp.guides) {
      const chain = chains[g] as number[];
      value += dp.solve(g, lambda, chain);
      for (const r of chain) count[r] = (count[r] as number) + 1;
    }
    if (iteration % 20 === 0) {
      debug(
        () =>
          `  ${iteration}: L ${value.toFixed(1)} best ${lb.toFixed(1)} ub ${ub.toFixed(1)} step ${factor.toFixed(4)}`,
      );
    }
    if (value > lb + EPS) {
      lb = value;
      best.set(lambda);
    }
    if (iteration % 30 === 1) {
      for (const build of [
        () => repair(repairState, chains),
        () => sequential(repairState, dp, lambda, order),
      ]) {
        build();
        // every 150th step the full local search (ejections, swaps), briefly; otherwise insertions and moves
        const full = iteration % 150 === 1 && iteration > 1;
        improve(repairState, full ? Math.min(deadline, now() + fullBudget) : deadline, !full);
        const objective = repairState.objective();
        if (objective < ub - EPS) {
          ub = objective;
          incumbent.copyFrom(repairState);
        }
      }
    }
    let norm = 0;
    for (const r of comp.requests) {
      let s = (count[r] as number) - 1;
      if (s < 0 && (lambda[r] as number) <= 0) s = 0;
      count[r] = s;
      norm += s * s;
    }
    if (norm === 0) {
      // the relaxation's chains are disjoint: a solution at the bound's value
      repair(repairState, chains);
      const objective = repairState.objective();
      if (objective < ub - EPS) {
        ub = objective;
        incumbent.copyFrom(repairState);
      }
      break;
    }
    // volume algorithm: move from the best point along the averaged primal's subgradient
    if (iteration === 1) {
      for (const r of comp.requests) average[r] = (count[r] as number) + 1;
    } else {
      // α minimises |α s + (1 − α) v| within [αmax/10, αmax]
      let dot = 0;
      let diff = 0;
      let green = 0;
      for (const r of comp.requests) {
        const sr = count[r] as number;
        const vr = (average[r] as number) - 1;
        dot += vr * (vr - sr);
        diff += (vr - sr) * (vr - sr);
        green += sr * vr;
      }
      const alpha = Math.min(alphaMax, Math.max(alphaMax / 10, diff > 0 ? dot / diff : alphaMax));
      for (const r of comp.requests)
        average[r] = alpha * ((count[r] as number) + 1) + (1 - alpha) * (average[r] as number);
      if (value > centerValue) {
        centerValue = value;
        center.set(lambda);
        if (green >= 0) factor = Math.min(2, factor * 1.1);
        red = 0;
      } else if (++red >= (coarse ? 2 : 20)) {
        factor *= coarse ? 0.8 : 0.66;
        red = 0;
        // steps too small to move: restart from the best multipliers with a fresh average, now in fine steps
        if (factor < 1e-3) {
          coarse = false;
          alphaMax = 0.1;
          factor = 0.05;
          center.set(best);
          centerValue = lb;
          for (const r of comp.requests) average[r] = (count[r] as number) + 1;
        }
      }
    }
    if (iteration === 1) {
      centerValue = value;
      center.set(lambda);
    }
    let vnorm = 0;
    for (const r of comp.requests) {
      let v = (average[r] as number) - 1;
      if (v < 0 && (center[r] as number) <= 0) v = 0;
      direction[r] = v;
      vnorm += v * v;
    }
    if (vnorm < 1e-12) vnorm = norm;
    const step = (factor * (ub - centerValue)) / vnorm;
    for (const r of comp.requests)
      lambda[r] = Math.max(0, (center[r] as number) + step * (direction[r] as number));
  }
  lambda.set(best);
  debug(() => `volume: ${iteration} iterations, lb ${lb.toFixed(1)} ub ${ub.toFixed(1)}`);
  return lb;
}

/**
 * Starting prices: λ_r = penalty − (cheapest cost of r) − s, with the one shift s (in workload steps) that gives
 * the highest L(λ), found by golden-section search over [0, 10] (a dozen DP sweeps). In a market with many guides
 * per request the final prices sit close to such a uniform level: what a request's cheapest guide would still pay
 * after a few assignments (s ≈ 4 on the default week). Where guides are scarce (the tight family) the best level
 * is near λ = 0 (s ≈ 100): when the search ends at the top of [0, 10], the shift doubles while L rises and a
 * second search (over log(1 + s)) refines it. Cut at s ≤ 10, those weeks started from half their optimum and
 * ended 5 s of CPU at gap 17–24 % instead of 3–6 % (issue 12). Returns L at the chosen prices.
 */
function initialPrices(
  model: Model,
  comp: Component,
  dp: ChainSolver,
  lambda: Float64Array,
  deadline: number,
): number {
  const cheapest = new Float64Array(model.nR);
  for (const r of comp.requests) {
    let c = Number.POSITIVE_INFINITY;
    const guides = model.reqGuides[r] as Int32Array;
    const positions = model.reqPos[r] as Int32Array;
    for (let k = 0; k < guides.length; k++)
      c = Math.min(
        c,
        (model.guideCost[guides[k] as number] as Float64Array)[positions[k] as number] as number,
      );
    cheapest[r] = c;
  }
  const unit = model.loadStep > 0 ? model.loadStep : 10;
  const chain: number[] = [];
  const evaluate = (shift: number): number => {
    let value = 0;
    for (const r of comp.requests) {
      lambda[r] = Math.max(0, (model.penalty[r] as number) - (cheapest[r] as number) - shift * unit);
      value += (model.penalty[r] as number) - (lambda[r] as number);
    }
    for (const g of comp.guides) value += dp.solve(g, lambda, chain);
    return value;
  };
  const phi = (Math.sqrt(5) - 1) / 2;
  /** Golden-section search for the best shift in [lo, hi], over the shift or over u = log(1 + shift). */
  const search = (
    lo: number,
    hi: number,
    iterations: number,
    log: boolean,
  ): { shift: number; value: number } => {
    const to = log ? Math.log1p : (x: number) => x;
    const from = log ? Math.expm1 : (u: number) => u;
    let a = to(lo);
    let b = to(hi);
    let x1 = b - phi * (b - a);
    let x2 = a + phi * (b - a);
    let f1 = evaluate(from(x1));
    let f2 = evaluate(from(x2));
    for (let i = 0; i < iterations && now() < deadline; i++) {
      if (f1 >= f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - phi * (b - a);
        f1 = evaluate(from(x1));
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + phi * (b - a);
        f2 = evaluate(from(x2));
      }
    }
    return f1 >= f2 ? { shift: from(x1), value: f1 } : { shift: from(x2), value: f2 };
  };
  // the usual level: within ten workload steps
  let { shift, value: best } = search(0, 10, 10, false);
  // scarce guides (the tight family): the best level lies beyond, up to where every price is 0; double the
  // shift while L rises, then search the last bracket. Weeks whose level lies within ten steps pay nothing.
  let widest = 10;
  for (const r of comp.requests)
    widest = Math.max(widest, ((model.penalty[r] as number) - (cheapest[r] as number)) / unit);
  if (shift > 9 && widest > 10) {
    let at = 10;
    while (at < widest && now() < deadline) {
      const next = Math.min(2 * at, widest);
      const v = evaluate(next);
      if (!(v > best)) break;
      best = v;
      shift = next;
      at = next;
    }
    if (shift > 10) {
      const found = search(shift / 2, Math.min(2 * shift, widest), 10, true);
      if (found.value > best) shift = found.shift;
    }
  }
  const value = evaluate(shift);
  debug(() => `initial prices: shift ${shift.toFixed(2)} steps, L ${value.toFixed(1)}`);
  return value;
}

/** A weak bound without any work: each request at its cheapest option, no conflicts, no load. */
function lowerTrivial(model: Model, comp: Component): number {
  let total = 0;
  for (const r of comp.requests) {
    let best = model.penalty[r] as number;
    const guides = model.reqGuides[r] as Int32Array;
    guides.forEach((g, k) => {
      best = Math.min(
        best,
        (model.guideCost[g] as Float64Array)[(model.reqPos[r] as Int32Array)[k] as number] as number,
      );
    });
    total += best;
  }
  return total;
}

/**
 * A Lagrangian heuristic: guides one after another (in `order`) take their best chain among the requests still
 * free, valued at the prices λ (the other guides' claim on a request).
 */
function sequential(state: State, dp: ChainSolver, lambda: Float64Array, order: number[]): void {
  const { comp } = state;
  state.guideOf.fill(-1);
  for (const g of comp.guides) (state.chains[g] as number[]).length = 0;
  const price = Float64Array.from(lambda);
  const chain: number[] = [];
  for (const g of order) {
    dp.solve(g, price, chain);
    const mine = state.chains[g] as number[];
    for (const r of chain) {
      const last = mine[mine.length - 1];
      if (last !== undefined && !state.model.compatible(last, r)) continue;
      mine.push(r);
      state.guideOf[r] = g;
      price[r] = Number.POSITIVE_INFINITY;
    }
  }
}

/** Turns the relaxation's chains into a solution: each request stays with the guide that values it most. */
function repair(state: State, chains: number[][]): void {
  const { model, comp } = state;
  state.guideOf.fill(-1);
  for (const g of comp.guides) (state.chains[g] as number[]).length = 0;
  const owner = new Map<number, { g: number; cost: number }>();
  for (const g of comp.guides) {
    for (const r of chains[g] as number[]) {
      const c = state.cost(g, r);
      const current = owner.get(r);
      if (!current || c < current.cost) owner.set(r, { g, cost: c });
    }
  }
  for (const g of comp.guides) {
    const kept = state.chains[g] as number[];
    for (const r of chains[g] as number[]) {
      if (owner.get(r)?.g !== g) continue;
      const last = kept[kept.length - 1];
      if (last !== undefined && !model.compatible(last, r)) continue;
      kept.push(r);
      state.guideOf[r] = g;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Exhaustive search for small components (returns the optimum and leaves it in `best`)

function exhaustive(
  model: Model,
  comp: Component,
  best: State,
  ub: number,
  nodeLimit: number,
  deadline = Number.POSITIVE_INFINITY,
): number | null {
  const requests = [...comp.requests].sort(
    (a, b) => (model.reqGuides[a] as Int32Array).length - (model.reqGuides[b] as Int32Array).length,
  );
  const state = new State(model, comp);
  const n = requests.length;
  const optimistic = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const r = requests[i] as number;
    let m = model.penalty[r] as number;
    for (const g of model.reqGuides[r] as Int32Array) m = Math.min(m, state.cost(g, r));
    optimistic[i] = (optimistic[i + 1] as number) + m;
  }
  let bestValue = ub;
  let nodes = 0;
  let limit = nodeLimit;
  const visit = (i: number, cost: number) => {
    if (++nodes > limit) return;
    // out of time: stop as if the node limit were reached (the search then proves nothing)
    if ((nodes & 1023) === 0 && now() > deadline) limit = 0;
    if (cost + (optimistic[i] as number) >= bestValue - EPS) return;
    if (i === n) {
      bestValue = cost;
      best.copyFrom(state);
      return;
    }
    const r = requests[i] as number;
    for (const g of model.reqGuides[r] as Int32Array) {
      const at = state.slot(g, r);
      if (at < 0) continue;
      const add = state.addCost(g, r);
      state.insert(g, r, at);
      visit(i + 1, cost + add);
      state.remove(r);
    }
    visit(i + 1, cost + (model.penalty[r] as number));
  };
  visit(0, 0);
  return nodes > limit ? null : bestValue;
}
