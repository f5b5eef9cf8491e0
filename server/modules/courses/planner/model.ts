/**
 * The planner's model as typed arrays: demand cells, the group types (place × support language) each cell can
 * reach within its travel limit, the flow that places persons in a given set of groups, and the bound.
 */
import { greatCircleKm } from '../../../core/geo.ts';
import type { PlanProblem } from './types.ts';

export type Model = {
  problem: PlanProblem;
  nCells: number;
  persons: Int32Array;
  cellLanguage: Int32Array;
  cellChildcare: Uint8Array;
  languages: string[];
  /** Group types: place index and language index. */
  nTypes: number;
  typePlace: Int32Array;
  typeLanguage: Int32Array;
  /** Cells that reach each type (childcare cells within travelKm.childcare, others within travelKm.other). */
  typeCells: Int32Array[];
  /** Childcare places per group of each type. */
  typeChildcare: Int32Array;
  /** Types of each place (its languages). */
  placeTypes: Int32Array[];
  placeRooms: Int32Array;
  placeFixed: Uint8Array;
  groupSize: number;
  groups: number;
};

export function buildModel(problem: PlanProblem): Model {
  const languages = [...new Set(problem.demand.map((d) => d.language))].sort();
  // nobody waits at all: a fixed place still opens a German group
  if (languages.length === 0) languages.push('de');
  const langIndex = new Map(languages.map((l, i) => [l, i]));
  const nCells = problem.demand.length;
  const persons = Int32Array.from(problem.demand, (d) => d.persons);
  const cellLanguage = Int32Array.from(problem.demand, (d) => langIndex.get(d.language) as number);
  const cellChildcare = Uint8Array.from(problem.demand, (d) => (d.childcare ? 1 : 0));
  const typePlace: number[] = [];
  const typeLanguage: number[] = [];
  const typeCells: Int32Array[] = [];
  const typeChildcare: number[] = [];
  const placeTypes: Int32Array[] = [];
  const nPlaces = problem.places.length;
  const placeRooms = new Int32Array(nPlaces);
  const placeFixed = new Uint8Array(nPlaces);
  problem.places.forEach((place, j) => {
    const usable = place.status !== 'forbidden' && place.rooms > 0;
    placeRooms[j] = usable ? Math.min(place.rooms, problem.groups) : 0;
    placeFixed[j] = place.status === 'fixed' ? 1 : 0;
    const byLanguage: number[][] = languages.map(() => []);
    if (usable) {
      problem.demand.forEach((d, i) => {
        if (d.persons === 0) return;
        if (d.childcare && place.childcarePlaces === 0) return;
        const limit = d.childcare ? problem.travelKm.childcare : problem.travelKm.other;
        if (greatCircleKm(d.point, place.point) <= limit) byLanguage[cellLanguage[i] as number]?.push(i);
      });
    }
    const mine: number[] = [];
    byLanguage.forEach((cells, l) => {
      // a fixed place gets every language, so it can open a group even where nobody waits in reach
      if (cells.length === 0 && !(usable && placeFixed[j])) return;
      mine.push(typePlace.length);
      typePlace.push(j);
      typeLanguage.push(l);
      typeCells.push(Int32Array.from(cells));
      typeChildcare.push(place.childcarePlaces);
    });
    placeTypes.push(Int32Array.from(mine));
  });
  return {
    problem,
    nCells,
    persons,
    cellLanguage,
    cellChildcare,
    languages,
    nTypes: typePlace.length,
    typePlace: Int32Array.from(typePlace),
    typeLanguage: Int32Array.from(typeLanguage),
    typeCells,
    typeChildcare: Int32Array.from(typeChildcare),
    placeTypes,
    placeRooms,
    placeFixed,
    groupSize: problem.groupSize,
    groups: problem.groups,
  };
}

/** Persons one group of type t could place if it were the only group. */
export function standaloneFill(m: Model, t: number, left: Int32Array = m.persons): number {
  let cc = 0;
  let other = 0;
  for (const i of m.typeCells[t] as Int32Array) {
    if (m.cellChildcare[i]) cc += left[i] as number;
    else other += left[i] as number;
  }
  const c = Math.min(cc, m.typeChildcare[t] as number, m.groupSize);
  return c + Math.min(m.groupSize - c, other);
}

/**
 * An upper bound no plan exceeds: each group places at most what it could alone, rooms per place, fixed places
 * first; and nobody is placed who reaches no open-able group.
 */
export function upperBound(m: Model): number {
  const best = new Int32Array(m.placeTypes.length);
  m.placeTypes.forEach((types, j) => {
    for (const t of types) best[j] = Math.max(best[j] as number, standaloneFill(m, t));
  });
  let sum = 0;
  let left = m.groups;
  const copies: number[] = [];
  m.placeTypes.forEach((_, j) => {
    let rooms = m.placeRooms[j] as number;
    if (m.placeFixed[j] && rooms > 0) {
      sum += best[j] as number;
      left--;
      rooms--;
    }
    for (let r = 0; r < rooms; r++) copies.push(best[j] as number);
  });
  copies.sort((a, b) => b - a);
  for (let k = 0; k < Math.min(Math.max(0, left), copies.length); k++) sum += copies[k] as number;
  const reach = new Uint8Array(m.nCells);
  for (const cells of m.typeCells) for (const i of cells) reach[i] = 1;
  let reachable = 0;
  for (let i = 0; i < m.nCells; i++) if (reach[i]) reachable += m.persons[i] as number;
  return Math.min(sum, reachable);
}

/**
 * The most persons placed in the groups `open` (groups per type): a maximum flow (Dinic) source → cell →
 * (childcare node → ) type → sink, childcare persons first. Returns the value and the persons of each cell per type.
 */
export function placeInGroups(
  m: Model,
  open: Int32Array,
): { value: number; flows: Map<number, Map<number, number>> } {
  const types: number[] = [];
  for (let t = 0; t < m.nTypes; t++) if ((open[t] as number) > 0) types.push(t);
  // nodes: 0 source, 1 sink, 2.. cells, then per open type a childcare node and a type node
  const cellNode = (i: number) => 2 + i;
  const ccNode = (k: number) => 2 + m.nCells + 2 * k;
  const typeNode = (k: number) => 3 + m.nCells + 2 * k;
  const n = 2 + m.nCells + 2 * types.length;
  const head: number[] = new Array(n).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const addEdge = (a: number, b: number, c: number) => {
    to.push(b, a);
    cap.push(c, 0);
    next.push(head[a] as number, head[b] as number);
    head[a] = to.length - 2;
    head[b] = to.length - 1;
  };
  // childcare cells' persons first: they have the fewest places in reach (2 km, childcare rooms); later
  // augmenting paths never lower the flow already leaving the source, so the childcare persons placed stay
  for (let i = 0; i < m.nCells; i++) {
    if (m.cellChildcare[i] && (m.persons[i] as number) > 0) addEdge(0, cellNode(i), m.persons[i] as number);
  }
  const cellEdges: { t: number; i: number; e: number }[] = [];
  types.forEach((t, k) => {
    const y = open[t] as number;
    addEdge(ccNode(k), typeNode(k), (m.typeChildcare[t] as number) * y);
    addEdge(typeNode(k), 1, m.groupSize * y);
    for (const i of m.typeCells[t] as Int32Array) {
      const e = to.length;
      addEdge(cellNode(i), m.cellChildcare[i] ? ccNode(k) : typeNode(k), 1 << 30);
      cellEdges.push({ t, i, e });
    }
  });
  const level = new Int32Array(n);
  const iter = new Int32Array(n);
  const queue = new Int32Array(n);
  let value = 0;
  const bfs = () => {
    level.fill(-1);
    level[0] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = 0;
    while (qh < qt) {
      const v = queue[qh++] as number;
      for (let e = head[v] as number; e >= 0; e = next[e] as number) {
        const w = to[e] as number;
        if ((cap[e] as number) > 0 && (level[w] as number) < 0) {
          level[w] = (level[v] as number) + 1;
          queue[qt++] = w;
        }
      }
    }
    return (level[1] as number) >= 0;
  };
  const dfs = (v: number, f: number): number => {
    if (v === 1) return f;
    for (; (iter[v] as number) >= 0; iter[v] = next[iter[v] as number] as number) {
      const e = iter[v] as number;
      const w = to[e] as number;
      if ((cap[e] as number) > 0 && (level[w] as number) === (level[v] as number) + 1) {
        const d = dfs(w, Math.min(f, cap[e] as number));
        if (d > 0) {
          cap[e] = (cap[e] as number) - d;
          cap[e ^ 1] = (cap[e ^ 1] as number) + d;
          return d;
        }
      }
    }
    return 0;
  };
  const maxFlow = () => {
    while (bfs()) {
      for (let v = 0; v < n; v++) iter[v] = head[v] as number;
      for (let f = dfs(0, 1 << 30); f > 0; f = dfs(0, 1 << 30)) value += f;
    }
  };
  maxFlow();
  for (let i = 0; i < m.nCells; i++) {
    if (!m.cellChildcare[i] && (m.persons[i] as number) > 0) addEdge(0, cellNode(i), m.persons[i] as number);
  }
  maxFlow();
  const flows = new Map<number, Map<number, number>>();
  for (const { t, i, e } of cellEdges) {
    const f = cap[e ^ 1] as number;
    if (f <= 0) continue;
    const byCell = flows.get(t) ?? new Map<number, number>();
    flows.set(t, byCell);
    byCell.set(i, f);
  }
  return { value, flows };
}

/**
 * The Lagrangian bound: each cell's "persons once" row moved into the objective with a price μ_i ∈ [0, 1]. For
 * any prices the rest splits into single groups — a group of type t places the persons of its cells worth most
 * (1 − μ_i each; childcare persons up to its childcare places, all up to the group size), each place opens its
 * best type in up to `rooms` groups, the budget takes the best groups — and Σ μ_i · persons_i plus those groups is
 * an upper bound (fixed places are left out, which can only raise it). Subgradient steps (Polyak's step towards
 * zero, halved when 15 steps found nothing lower, until it is 1/512) lower it until `deadline`, or until it meets `best` (a plan
 * known to place that many). Answers the lowest bound found, rounded down.
 */
export function lagrangianBound(m: Model, best: number, deadline: number, maxIterations = 400): number {
  const mu = new Float64Array(m.nCells);
  const used = new Float64Array(m.nCells);
  const typeValue = new Float64Array(m.nTypes);
  const order: Int32Array[] = m.typeCells.map((cells) => Int32Array.from(cells));
  let lowest = Number.POSITIVE_INFINITY;
  let theta = 1;
  let sinceBetter = 0;
  const groupsOf = (t: number, commit: number) => {
    const cells = order[t] as Int32Array;
    if (commit === 0) cells.sort((a, b) => (mu[a] as number) - (mu[b] as number));
    let cc = Math.min(m.typeChildcare[t] as number, m.groupSize);
    let free = m.groupSize;
    let value = 0;
    for (const i of cells) {
      const w = 1 - (mu[i] as number);
      if (w <= 0 || free === 0) break;
      const k = Math.min(m.persons[i] as number, free, m.cellChildcare[i] ? cc : free);
      if (k <= 0) continue;
      if (m.cellChildcare[i]) cc -= k;
      free -= k;
      value += w * k;
      if (commit) used[i] = (used[i] as number) + k * commit;
    }
    return value;
  };
  for (let iteration = 0; iteration < maxIterations && performance.now() < deadline; iteration++) {
    for (let t = 0; t < m.nTypes; t++) typeValue[t] = groupsOf(t, 0);
    const copies: { t: number; value: number; rooms: number }[] = [];
    m.placeTypes.forEach((types, j) => {
      let bestT = -1;
      for (const t of types)
        if (bestT < 0 || (typeValue[t] as number) > (typeValue[bestT] as number)) bestT = t;
      if (bestT >= 0 && (typeValue[bestT] as number) > 0 && (m.placeRooms[j] as number) > 0)
        copies.push({ t: bestT, value: typeValue[bestT] as number, rooms: m.placeRooms[j] as number });
    });
    copies.sort((a, b) => b.value - a.value);
    let value = 0;
    for (let i = 0; i < m.nCells; i++) value += (mu[i] as number) * (m.persons[i] as number);
    used.fill(0);
    let budget = m.groups;
    for (const copy of copies) {
      if (budget === 0) break;
      const k = Math.min(copy.rooms, budget);
      value += k * copy.value;
      budget -= k;
      groupsOf(copy.t, k);
    }
    if (value < lowest - 1e-9) {
      lowest = value;
      sinceBetter = 0;
    } else if (++sinceBetter >= 15) {
      theta /= 2;
      sinceBetter = 0;
      if (theta < 1 / 512) break;
    }
    if (Math.floor(lowest + 1e-6) <= best) break;
    let norm = 0;
    for (let i = 0; i < m.nCells; i++) {
      const g = (m.persons[i] as number) - (used[i] as number);
      norm += g * g;
    }
    if (norm === 0) break;
    const step = (theta * value) / norm;
    for (let i = 0; i < m.nCells; i++) {
      const g = (m.persons[i] as number) - (used[i] as number);
      mu[i] = Math.min(1, Math.max(0, (mu[i] as number) - step * g));
    }
  }
  return Math.floor(lowest + 1e-6);
}
