import { z } from 'zod';
import type { PlanProblem } from './types.ts';

/** A problem file that breaks the contract; `path` names the first wrong field, e.g. `demand[3].persons`. */
export class ProblemError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ProblemError';
  }
}

/** Limits that keep one plan within seconds (the city has 46 Ortsteile and a few hundred places). */
export const MAX_DEMAND = 20_000;
export const MAX_PLACES = 5_000;
export const MAX_GROUPS = 1_000;

const point = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const id = z.string().min(1).max(200);
const language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code');

const problemSchema = z.strictObject({
  groups: z.number().int().min(0).max(MAX_GROUPS),
  groupSize: z.number().int().min(1).max(100),
  travelKm: z
    .strictObject({ childcare: z.number().positive().max(100), other: z.number().positive().max(100) })
    .default({ childcare: 2, other: 5 }),
  demand: z
    .array(
      z.strictObject({
        id,
        ortsteil: z.string().min(1).max(200),
        point,
        language,
        childcare: z.boolean(),
        persons: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(MAX_DEMAND),
  places: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1).max(300),
        point,
        rooms: z.number().int().min(0).max(100),
        childcarePlaces: z.number().int().min(0).max(100),
        status: z.enum(['open', 'fixed', 'forbidden']).default('open'),
      }),
    )
    .max(MAX_PLACES),
  existingCourses: z.array(z.strictObject({ point, language: language.nullable() })).default([]),
});

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

/** Checks a problem (JSON) and returns it typed; throws {@link ProblemError} naming the first wrong field. */
export function parsePlanProblem(json: unknown): PlanProblem {
  const parsed = problemSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProblemError(pathOf(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  const problem = parsed.data as PlanProblem;
  const seen = new Set<string>();
  problem.demand.forEach((d, i) => {
    if (seen.has(d.id)) throw new ProblemError(`demand[${i}].id`, `"${d.id}" appears twice`);
    seen.add(d.id);
  });
  seen.clear();
  problem.places.forEach((p, i) => {
    if (seen.has(p.id)) throw new ProblemError(`places[${i}].id`, `"${p.id}" appears twice`);
    seen.add(p.id);
    if (p.status === 'fixed' && p.rooms < 1)
      throw new ProblemError(`places[${i}].rooms`, 'a fixed place needs a room');
    if (p.childcarePlaces > problem.groupSize) {
      throw new ProblemError(`places[${i}].childcarePlaces`, 'more than groupSize');
    }
  });
  const fixed = problem.places.filter((p) => p.status === 'fixed').length;
  if (fixed > problem.groups) throw new ProblemError('groups', `fewer than the ${fixed} fixed places`);
  return problem;
}
