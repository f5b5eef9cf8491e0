/**
 * The plain model on HiGHS: the planner's exact fallback (started from the first plan) and the reference the
 * tests and the benchmark compare with.
 *
 *   max Σ x_it
 *   Σ_t x_it ≤ persons_i                         each cell's persons once
 *   Σ_i x_it ≤ groupSize · y_t                   places of the type's groups
 *   Σ_{i childcare} x_it ≤ childcarePlaces · y_t childcare places
 *   Σ_{t at place j} y_t ≤ rooms_j,  ≥ 1 if fixed
 *   Σ_t y_t ≤ groups,  y_t integer
 */
import highsLoader from 'highs';
import type { Model } from './model.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;

/** HiGHS (WebAssembly), loaded once. */
export function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

export type MipResult = {
  /** Groups per type (null: HiGHS found no plan within the time). */
  open: Int32Array | null;
  objective: number;
  bound: number;
  optimal: boolean;
};

export function solveMip(
  highs: Highs,
  m: Model,
  timeLimitSeconds: number,
  start: { open: Int32Array; flows: Map<number, Map<number, number>> } | null = null,
  strong = true,
): MipResult {
  // columns: y_t (0..nTypes-1), then x per (type, cell)
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const columns: number[][] = []; // per column: [row, value, row, value, …]
  for (let t = 0; t < m.nTypes; t++) {
    colCost.push(0);
    colLower.push(0);
    colUpper.push(m.placeRooms[m.typePlace[t] as number] as number);
    integrality.push(1);
    columns.push([]);
  }
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lower: number, upper: number) => {
    rowLower.push(lower);
    rowUpper.push(upper);
    return rowLower.length - 1;
  };
  const cellRow = Int32Array.from({ length: m.nCells }, (_, i) => addRow(-Infinity, m.persons[i] as number));
  const startValue: number[] = [];
  for (let t = 0; t < m.nTypes; t++) startValue.push(start ? (start.open[t] as number) : 0);
  for (let t = 0; t < m.nTypes; t++) {
    const cells = m.typeCells[t] as Int32Array;
    const capRow = addRow(-Infinity, 0);
    columns[t]?.push(capRow, -m.groupSize);
    let ccRow = -1;
    if (cells.some((i) => m.cellChildcare[i])) {
      ccRow = addRow(-Infinity, 0);
      columns[t]?.push(ccRow, -(m.typeChildcare[t] as number));
    }
    for (const i of cells) {
      const column = [cellRow[i] as number, 1, capRow, 1];
      if (m.cellChildcare[i]) column.push(ccRow, 1);
      if (strong) {
        // x_it ≤ min(persons_i, per group) · y_t: the strong facility-location rows (a tighter relaxation)
        const per = Math.min(
          m.persons[i] as number,
          m.cellChildcare[i] ? (m.typeChildcare[t] as number) : m.groupSize,
        );
        const row = addRow(-Infinity, 0);
        column.push(row, 1);
        columns[t]?.push(row, -per);
      }
      columns.push(column);
      colCost.push(-1);
      colLower.push(0);
      const rooms = m.placeRooms[m.typePlace[t] as number] as number;
      const per = m.cellChildcare[i] ? (m.typeChildcare[t] as number) : m.groupSize;
      colUpper.push(Math.min(m.persons[i] as number, per * rooms));
      integrality.push(0);
      startValue.push(start?.flows.get(t)?.get(i) ?? 0);
    }
  }
  m.placeTypes.forEach((types, j) => {
    if (types.length === 0) return;
    const rooms = m.placeRooms[j] as number;
    if (types.length > 1 || m.placeFixed[j]) {
      const row = addRow(m.placeFixed[j] ? 1 : -Infinity, rooms);
      for (const t of types) columns[t]?.push(row, 1);
    }
  });
  const budget = addRow(-Infinity, m.groups);
  for (let t = 0; t < m.nTypes; t++) columns[t]?.push(budget, 1);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const column of columns) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < column.length; k += 2) pairs.push([column[k] as number, column[k + 1] as number]);
    pairs.sort((a, b) => a[0] - b[0]);
    for (const [r, v] of pairs) {
      indices.push(r);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const model = highs.createModel();
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      time_limit: Math.max(0.05, timeLimitSeconds),
    });
    model.passModel({
      numCols: colCost.length,
      numRows: rowLower.length,
      colCost: Float64Array.from(colCost),
      colLower: Float64Array.from(colLower),
      colUpper: Float64Array.from(colUpper),
      rowLower: Float64Array.from(rowLower, (v) => (v === -Infinity ? -inf : v)),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csc',
        numRows: rowLower.length,
        numCols: colCost.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      integrality: Int32Array.from(integrality),
    });
    if (start) model.setSolution({ colValue: Float64Array.from(startValue) });
    const run = model.run();
    const status = run.modelStatus;
    const optimal = status === highs.constants.modelStatus.optimal;
    const bound = -Number(model.info.get('mip_dual_bound'));
    const x = model.getSolution().colValue;
    if (x.length !== colCost.length || !(optimal || status === highs.constants.modelStatus.timeLimit)) {
      return { open: null, objective: 0, bound: Number.isFinite(bound) ? bound : Infinity, optimal: false };
    }
    const open = new Int32Array(m.nTypes);
    for (let t = 0; t < m.nTypes; t++) open[t] = Math.round(x[t] as number);
    return {
      open,
      objective: -model.getObjectiveValue(),
      bound: Number.isFinite(bound) ? bound : Infinity,
      optimal,
    };
  } finally {
    model.dispose();
  }
}
