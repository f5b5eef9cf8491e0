/**
 * The allocation as a MIP for HiGHS (the reference the tests and the benchmark compare the branch and bound with):
 *
 *   max Σ s_i f_i + s_i·m_i/r_i c_i
 *   f_i + c_i ≤ 1                          full or cut, not both
 *   Σ r_i f_i + m_i c_i ≤ B                the budget
 *   Σ_{i in d} f_i + c_i ≥ N_d             the district floors
 *   Σ_{first-time} r_i f_i + m_i c_i ≥ F   the first-time floor
 */
import type { Model } from './model.ts';

type HighsSolution = {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Info?: { mip_dual_bound?: number };
};
type Highs = { solve(text: string, options?: Record<string, unknown>): HighsSolution };
let loaded: Promise<Highs> | null = null;

/** The HiGHS WebAssembly solver, loaded once per thread. */
function loadHighs(): Promise<Highs> {
  loaded ??= import('highs').then((module) =>
    (module as unknown as { default: () => Promise<Highs> }).default(),
  );
  return loaded;
}

/** Per application: 'funded' (full or cut) or 'none' forced; undefined: free. */
export type Forced = Map<number, 'funded' | 'none'>;

export function buildAllocationLp(m: Model, forced: Forced = new Map()): string {
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const budget: string[] = [];
  const first: string[] = [];
  const byDistrict: string[][] = m.districts.map(() => []);
  const num = (x: number) => x.toPrecision(15);
  for (let i = 0; i < m.n; i++) {
    const names = [`f${i}`];
    objective.push(`+ ${num(m.fullValue[i] as number)} f${i}`);
    budget.push(`+ ${m.full[i]} f${i}`);
    if (m.firstTime[i]) first.push(`+ ${m.full[i]} f${i}`);
    if ((m.cut[i] as number) > 0) {
      names.push(`c${i}`);
      objective.push(`+ ${num(m.cutValue[i] as number)} c${i}`);
      budget.push(`+ ${m.cut[i]} c${i}`);
      if (m.firstTime[i]) first.push(`+ ${m.cut[i]} c${i}`);
    }
    binaries.push(...names);
    byDistrict[m.district[i] as number]?.push(...names);
    const force = forced.get(i);
    if (force === 'none') for (const name of names) bounds.push(`${name} = 0`);
    if (force === 'funded') rows.push(`x${i}: ${names.join(' + ')} = 1`);
    else if (names.length > 1) rows.push(`o${i}: ${names.join(' + ')} <= 1`);
  }
  rows.push(`budget: ${budget.join(' ') || '0 f0'} <= ${m.budget}`);
  byDistrict.forEach((names, d) => {
    if ((m.districtNeed[d] as number) > 0) rows.push(`d${d}: ${names.join(' + ')} >= ${m.districtNeed[d]}`);
  });
  if (m.firstTimeNeed > 0)
    rows.push(`first: ${first.length ? first.join(' ') : '0 f0'} >= ${m.firstTimeNeed}`);
  return [
    'Maximize',
    ` obj: ${objective.join(' ')}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binary',
    ...binaries.map((b) => ` ${b}`),
    'End',
  ].join('\n');
}

/** Solves the MIP with HiGHS: status, objective, and per application 0 none, 1 full, 2 cut. */
export async function solveWithHighs(
  m: Model,
  options: { timeLimitSeconds?: number; forced?: Forced } = {},
): Promise<{
  status: 'optimal' | 'infeasible' | 'time_limit';
  objective: number;
  bound: number;
  choice: Uint8Array;
}> {
  const choice = new Uint8Array(m.n);
  if (m.n === 0)
    return { status: m.firstTimeNeed > 0 ? 'infeasible' : 'optimal', objective: 0, bound: 0, choice };
  const highs = await loadHighs();
  const solution = highs.solve(buildAllocationLp(m, options.forced), {
    time_limit: options.timeLimitSeconds ?? 60,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-9,
    output_flag: false,
  });
  if (solution.Status === 'Infeasible') return { status: 'infeasible', objective: 0, bound: 0, choice };
  for (const [name, column] of Object.entries(solution.Columns)) {
    if (column.Primal < 0.5) continue;
    const i = Number(name.slice(1));
    choice[i] = name[0] === 'f' ? 1 : 2;
  }
  const optimal = solution.Status === 'Optimal';
  return {
    status: optimal ? 'optimal' : 'time_limit',
    objective: solution.ObjectiveValue,
    bound: optimal ? solution.ObjectiveValue : (solution.Info?.mip_dual_bound ?? Number.POSITIVE_INFINITY),
    choice,
  };
}
