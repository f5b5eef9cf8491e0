import { highs } from './highs.ts';
import type { Model } from './model.ts';

/** A column of the master problem: one family's choice (a group or −1 per member) and its true cost. */
export type Column = { family: number; groups: Int32Array; cost: number };

/**
 * The family-pattern master problem: choose one pattern per family so that no seat group is over-full.
 * Rows 0..G−1: Σ uses of group g ≤ free; rows G..G+F−1: Σ patterns of family f = 1.
 */
export class Master {
  readonly columns: Column[] = [];
  private readonly keys = new Map<string, number>();
  private model: ReturnType<typeof highs.createModel> | null = null;
  private inModel = 0;

  constructor(private readonly m: Model) {}

  add(column: Column): boolean {
    const before = this.columns.length;
    return this.indexOf(column) === before;
  }

  /** The index of the column, added if new. */
  indexOf(column: Column): number {
    const key = `${column.family}:${column.groups.join(',')}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    this.keys.set(key, this.columns.length);
    this.columns.push(column);
    return this.columns.length - 1;
  }

  private matrix(from: number) {
    const G = this.m.groups;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let c = from; c < this.columns.length; c++) {
      const column = this.columns[c] as Column;
      const counts = new Map<number, number>();
      for (const g of column.groups) if (g >= 0) counts.set(g, (counts.get(g) ?? 0) + 1);
      for (const [g, v] of [...counts].sort((a, b) => a[0] - b[0])) {
        indices.push(g);
        values.push(v);
      }
      indices.push(G + column.family);
      values.push(1);
      starts.push(indices.length);
    }
    return {
      format: 'csc' as const,
      numRows: G + this.m.families,
      numCols: this.columns.length - from,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    };
  }

  /** Solves the LP relaxation (warm-started after new columns) and returns the seat prices (≥ 0). */
  solveLp(timeLimitSeconds: number): {
    /** False when stopped by the time limit (or infeasible): then the duals are no LP optimum's. */
    optimal: boolean;
    value: number;
    price: Float64Array;
    familyDual: Float64Array;
    x: Float64Array;
  } {
    const G = this.m.groups;
    const F = this.m.families;
    if (!this.model) {
      this.model = highs.createModel();
      this.model.options.set({ output_flag: false });
      const rowLower = new Float64Array(G + F);
      const rowUpper = new Float64Array(G + F);
      for (let g = 0; g < G; g++) {
        rowLower[g] = -highs.infinity;
        rowUpper[g] = this.m.groupFree[g] as number;
      }
      rowLower.fill(1, G);
      rowUpper.fill(1, G);
      const n = this.columns.length;
      this.model.passModel({
        numCols: n,
        numRows: G + F,
        colCost: Float64Array.from(this.columns, (c) => c.cost),
        colLower: new Float64Array(n),
        colUpper: new Float64Array(n).fill(1),
        rowLower,
        rowUpper,
        matrix: this.matrix(0),
      });
      this.inModel = n;
    } else if (this.inModel < this.columns.length) {
      const added = this.columns.length - this.inModel;
      this.model.addCols({
        cost: Float64Array.from(this.columns.slice(this.inModel), (c) => c.cost),
        lower: new Float64Array(added),
        upper: new Float64Array(added).fill(1),
        matrix: this.matrix(this.inModel),
      });
      this.inModel = this.columns.length;
    }
    // HiGHS counts time_limit over all runs of a model: restart its clocks for each solve
    this.model.zeroAllClocks();
    this.model.options.set({ time_limit: Math.max(0.05, timeLimitSeconds) });
    const run = this.model.run();
    const solution = this.model.getSolution();
    const price = new Float64Array(G);
    for (let g = 0; g < G; g++) price[g] = Math.max(0, -(solution.rowDual[g] as number));
    return {
      optimal: run.modelStatus === highs.constants.modelStatus.optimal,
      value: this.model.getObjectiveValue(),
      price,
      familyDual: solution.rowDual.slice(G),
      x: solution.colValue,
    };
  }

  /** Fixes columns of the LP to 1 (for diving); `indices` strictly increasing. */
  fixColumns(indices: Int32Array): void {
    if (!this.model || indices.length === 0) return;
    const ones = new Float64Array(indices.length).fill(1);
    this.model.changeColsBounds({ kind: 'set', indices }, ones, ones);
  }

  /**
   * Solves the integer master over the columns so far, starting from `start` (one column per family, a feasible
   * placement) if given; families marked in `fixed` keep their start column (a neighbourhood search: the result
   * is then optimal only within that neighbourhood). Returns the chosen column per family, or null.
   */
  solveIp(
    timeLimitSeconds: number,
    start: Int32Array | null = null,
    fixed: Uint8Array | null = null,
  ): { chosen: Int32Array; value: number; optimal: boolean; bound: number } | null {
    const G = this.m.groups;
    const F = this.m.families;
    const n = this.columns.length;
    const rowLower = new Float64Array(G + F);
    const rowUpper = new Float64Array(G + F);
    for (let g = 0; g < G; g++) {
      rowLower[g] = -highs.infinity;
      rowUpper[g] = this.m.groupFree[g] as number;
    }
    rowLower.fill(1, G);
    rowUpper.fill(1, G);
    const model = highs.createModel();
    try {
      model.options.set({
        output_flag: false,
        mip_rel_gap: 0,
        mip_abs_gap: 1e-7,
        time_limit: Math.max(0.05, timeLimitSeconds),
      });
      const colLower = new Float64Array(n);
      const colUpper = new Float64Array(n).fill(1);
      if (start && fixed) {
        for (let c = 0; c < n; c++) if (fixed[(this.columns[c] as Column).family]) colUpper[c] = 0;
        for (let f = 0; f < F; f++) {
          if (!fixed[f]) continue;
          colLower[start[f] as number] = 1;
          colUpper[start[f] as number] = 1;
        }
      }
      model.passModel({
        numCols: n,
        numRows: G + F,
        colCost: Float64Array.from(this.columns, (c) => c.cost),
        colLower,
        colUpper,
        rowLower,
        rowUpper,
        matrix: this.matrix(0),
        integrality: new Int32Array(n).fill(1),
      });
      if (start) {
        const colValue = new Float64Array(n);
        for (const c of start) colValue[c] = 1;
        model.setSolution({ colValue });
      }
      const run = model.run();
      const status = run.modelStatus;
      if (
        status !== highs.constants.modelStatus.optimal &&
        status !== highs.constants.modelStatus.timeLimit
      ) {
        return null;
      }
      const x = model.getSolution().colValue;
      if (x.length !== n) return null;
      const chosen = new Int32Array(F).fill(-1);
      for (let c = 0; c < n; c++) if ((x[c] as number) > 0.5) chosen[(this.columns[c] as Column).family] = c;
      if (chosen.some((c) => c < 0)) return null;
      return {
        chosen,
        value: model.getObjectiveValue(),
        optimal: status === highs.constants.modelStatus.optimal,
        bound: Number(model.info.get('mip_dual_bound')),
      };
    } finally {
      model.dispose();
    }
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }
}
