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
