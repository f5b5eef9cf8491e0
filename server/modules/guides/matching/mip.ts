/**
 * The plain model as CPLEX LP text for HiGHS: the reference the tests compare the solver with, and the
 * conflict-free relaxation (a network LP) the solver starts from.
 *
 *   min Σ (c_gr − u_r) x_gr + Σ_g Σ_j loadStep·j·s_gj + Σ_r u_r
 *   Σ_g x_gr ≤ 1                       each request at most once
 *   Σ_r x_gr − Σ_{j≥1} s_gj ≤ 1        the j-th extra assignment of g uses step s_gj (cost loadStep·j)
 *   Σ_r x_gr ≤ maxAssignments_g
 *   x_gi + x_gj ≤ 1                    for conflicting pairs of g (only with conflicts: true)
 */
import type { Model } from './model.ts';

export type LpOptions = { conflicts: boolean; integer: boolean };

export type LpText = {
  text: string;
  /** Column name → (guide, request) for the x columns. */
  columns: Map<string, { g: number; r: number }>;
  constant: number;
  /** Row names of the request constraints, by request index. */
  requestRows: string[];
};

export function buildLp(model: Model, options: LpOptions): LpText {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const columns = new Map<string, { g: number; r: number }>();
  const byRequest: string[][] = Array.from({ length: model.nR }, () => []);
  let constant = 0;
  for (let r = 0; r < model.nR; r++) constant += model.penalty[r] as number;
  const term = (coefficient: number, name: string) =>
    `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient).toPrecision(15)} ${name}`;
  for (let g = 0; g < model.nG; g++) {
    const list = model.guideReqs[g] as Int32Array;
    const costs = model.guideCost[g] as Float64Array;
    const max = model.maxAssignments[g] as number;
    if (list.length === 0 || max === 0) continue;
    const names: string[] = [];
    list.forEach((r, p) => {
      const name = `x${g}_${r}`;
      columns.set(name, { g, r });
      names.push(name);
      byRequest[r]?.push(name);
      objective.push(term((costs[p] as number) - (model.penalty[r] as number), name));
      if (options.integer) binaries.push(name);
      else bounds.push(`0 <= ${name} <= 1`);
    });
    const steps: string[] = [];
    for (let j = 1; j < Math.min(max, list.length); j++) {
      const name = `s${g}_${j}`;
      steps.push(name);
      if (model.loadStep > 0) objective.push(term(model.loadStep * j, name));
      bounds.push(`0 <= ${name} <= 1`);
    }
    rows.push(`load${g}: ${names.join(' + ')}${steps.map((s) => ` - ${s}`).join('')} <= 1`);
    if (max < list.length) rows.push(`max${g}: ${names.join(' + ')} <= ${max}`);
    if (options.conflicts) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const ra = list[a] as number;
          const rb = list[b] as number;
          if (!model.compatible(ra, rb)) rows.push(`c${g}_${ra}_${rb}: x${g}_${ra} + x${g}_${rb} <= 1`);
        }
      }
    }
  }
  const requestRows: string[] = [];
  byRequest.forEach((names, r) => {
    requestRows[r] = `r${r}`;
    if (names.length > 1) rows.push(`r${r}: ${names.join(' + ')} <= 1`);
  });
  const text = [
    'Minimize',
    ` obj: ${objective.length ? objective.join(' ') : '0 dummy'}`,
    'Subject To',
    ...(rows.length ? rows.map((row) => ` ${row}`) : [' dummyrow: dummy >= 0']),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(objective.length ? [] : [' 0 <= dummy <= 0']),
    ...(binaries.length ? ['Binary', ...binaries.map((b) => ` ${b}`)] : []),
    'End',
  ].join('\n');
  return { text, columns, constant, requestRows };
}

type HighsColumn = { Primal: number };
type HighsRow = { Dual?: number; Name?: string };
export type HighsLike = {
  solve(
    text: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, HighsColumn>;
    Rows: HighsRow[];
  };
};

let loaded: Promise<HighsLike> | null = null;

/** The HiGHS WebAssembly solver, loaded once. */
export function loadHighs(): Promise<HighsLike> {
  loaded ??= import('highs').then(async (module) => {
    const factory = (module as unknown as { default: () => Promise<HighsLike> }).default;
    return factory();
  });
  return loaded;
}

/**
 * Solves the plain MIP with HiGHS (the reference for tests): the optimum and, for each request, its guide
 * (−1: unassigned).
 */
export async function solveReferenceMip(
  model: Model,
  timeLimitSeconds = 60,
): Promise<{ status: string; objective: number; guideOf: Int32Array }> {
  const highs = await loadHighs();
  const lp = buildLp(model, { conflicts: true, integer: true });
  const solution = highs.solve(lp.text, {
    time_limit: timeLimitSeconds,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-7,
    output_flag: false,
  });
  const guideOf = new Int32Array(model.nR).fill(-1);
  for (const [name, column] of Object.entries(solution.Columns)) {
    const pair = lp.columns.get(name);
    if (pair && column.Primal > 0.5) guideOf[pair.r] = pair.g;
  }
  return { status: solution.Status, objective: solution.ObjectiveValue + lp.constant, guideOf };
}
