/**
 * The allocation as numbers: per application its options (full, and a cut when the minimum is below the request),
 * the district floors (at least min(N, applications there)) and the first-time floor in euros.
 */
import type { AllocationProblem, Funding } from './types.ts';

export type Model = {
  n: number;
  budget: number;
  /** Per application: amount and value of the full option and of the cut (cut amount 0: no cut). */
  full: Float64Array;
  fullValue: Float64Array;
  cut: Float64Array;
  cutValue: Float64Array;
  district: Int32Array;
  firstTime: Uint8Array;
  /** Per district index: how many funded projects it needs. */
  districtNeed: Int32Array;
  districts: string[];
  /** Euros that must go to first-time applicants. */
  firstTimeNeed: number;
};

export function buildModel(problem: AllocationProblem): Model {
  const n = problem.applications.length;
  const districts = [...new Set(problem.applications.map((a) => a.district))].sort();
  const index = new Map(districts.map((d, i) => [d, i]));
  const model: Model = {
    n,
    budget: problem.budget,
    full: new Float64Array(n),
    fullValue: new Float64Array(n),
    cut: new Float64Array(n),
    cutValue: new Float64Array(n),
    district: new Int32Array(n),
    firstTime: new Uint8Array(n),
    districtNeed: new Int32Array(districts.length),
    districts,
    firstTimeNeed: Math.ceil(problem.floors.firstTimeShare * problem.budget - 1e-9),
  };
  const counts = new Int32Array(districts.length);
  problem.applications.forEach((a, i) => {
    model.full[i] = a.requested;
    model.fullValue[i] = a.score;
    if (a.minimum !== null && a.minimum < a.requested) {
      model.cut[i] = a.minimum;
      model.cutValue[i] = (a.score * a.minimum) / a.requested;
    }
    const d = index.get(a.district) as number;
    model.district[i] = d;
    counts[d] = (counts[d] as number) + 1;
    model.firstTime[i] = a.firstTime ? 1 : 0;
  });
  for (let d = 0; d < districts.length; d++)
    model.districtNeed[d] = Math.min(problem.floors.perDistrict, counts[d] as number);
  return model;
}

/** The amount and value of one application under a choice (0 none, 1 full, 2 cut). */
export const amountOf = (m: Model, i: number, choice: number) =>
  choice === 1 ? (m.full[i] as number) : choice === 2 ? (m.cut[i] as number) : 0;
export const worthOf = (m: Model, i: number, choice: number) =>
  choice === 1 ? (m.fullValue[i] as number) : choice === 2 ? (m.cutValue[i] as number) : 0;
export const FUNDING: Funding[] = ['none', 'full', 'cut'];

/** Whether a choice per application keeps the budget and the floors; its total value. */
export function evaluate(
  m: Model,
  choice: ArrayLike<number>,
): { feasible: boolean; value: number; spent: number } {
  let spent = 0;
  let value = 0;
  let first = 0;
  const funded = new Int32Array(m.districts.length);
  for (let i = 0; i < m.n; i++) {
    const c = choice[i] as number;
    if (c === 0) continue;
    const a = amountOf(m, i, c);
    spent += a;
    value += worthOf(m, i, c);
    if (m.firstTime[i]) first += a;
    funded[m.district[i] as number] = (funded[m.district[i] as number] as number) + 1;
  }
  let feasible = spent <= m.budget && first >= m.firstTimeNeed;
  for (let d = 0; d < m.districts.length; d++)
    if ((funded[d] as number) < (m.districtNeed[d] as number)) feasible = false;
  return { feasible, value, spent };
}
