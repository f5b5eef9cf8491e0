/** Reads an allocation problem from JSON, naming the first wrong field (`applications.3.minimum`). */
import type { AllocationApplication, AllocationProblem } from './types.ts';

export class ProblemError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
function wholeEuros(v: unknown, path: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 1e9)
    throw new ProblemError(path, `must be a whole number of euros ≥ ${min}`);
  return v;
}

export function parseAllocationProblem(json: unknown): AllocationProblem {
  if (!isObject(json)) throw new ProblemError('', 'must be an object with budget, floors and applications');
  const budget = wholeEuros(json.budget, 'budget', 0);
  const floors = json.floors ?? {};
  if (!isObject(floors)) throw new ProblemError('floors', 'must be an object');
  const perDistrict = floors.perDistrict ?? 0;
  if (typeof perDistrict !== 'number' || !Number.isInteger(perDistrict) || perDistrict < 0)
    throw new ProblemError('floors.perDistrict', 'must be a whole number ≥ 0');
  const firstTimeShare = floors.firstTimeShare ?? 0;
  if (typeof firstTimeShare !== 'number' || !(firstTimeShare >= 0 && firstTimeShare <= 1))
    throw new ProblemError('floors.firstTimeShare', 'must be a number from 0 to 1');
  if (!Array.isArray(json.applications)) throw new ProblemError('applications', 'must be a list');
  const seen = new Set<string>();
  const applications = json.applications.map((raw, i): AllocationApplication => {
    const at = `applications.${i}`;
    if (!isObject(raw)) throw new ProblemError(at, 'must be an object');
    if (typeof raw.id !== 'string' || !raw.id)
      throw new ProblemError(`${at}.id`, 'must be a non-empty string');
    if (seen.has(raw.id)) throw new ProblemError(`${at}.id`, `"${raw.id}" appears twice`);
    seen.add(raw.id);
    if (typeof raw.score !== 'number' || !(raw.score >= 0 && raw.score <= 100))
      throw new ProblemError(`${at}.score`, 'must be a number from 0 to 100');
    const requested = wholeEuros(raw.requested, `${at}.requested`, 1);
    const minimum =
      raw.minimum === undefined || raw.minimum === null ? null : wholeEuros(raw.minimum, `${at}.minimum`, 1);
    if (minimum !== null && minimum > requested)
      throw new ProblemError(`${at}.minimum`, 'must not be more than requested');
    if (typeof raw.district !== 'string' || !raw.district)
      throw new ProblemError(`${at}.district`, 'must be a non-empty string');
    if (typeof raw.firstTime !== 'boolean')
      throw new ProblemError(`${at}.firstTime`, 'must be true or false');
    return {
      id: raw.id,
      score: raw.score,
      requested,
      minimum,
      district: raw.district,
      firstTime: raw.firstTime,
    };
  });
  return { budget, floors: { perDistrict, firstTimeShare }, applications };
}
