import {
  DEFAULT_WEIGHTS,
  type GeoPoint,
  type PlacementChild,
  type PlacementProblem,
  type PlacementSchool,
  type PlacementWeights,
  SCHOOL_FORMS,
  SEAT_KINDS,
  type SchoolForm,
  type SeatGroup,
  type SeatKind,
} from './types.ts';

/** A problem file that breaks the contract; `path` names the first wrong field, e.g. `children[12].grade`. */
export class ProblemError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ProblemError';
  }
}

/** Grades the placement knows: 1–13 (Grundschule 1–4 up to the Oberstufe and Berufskolleg 11–13). */
export const MIN_GRADE = 1;
export const MAX_GRADE = 13;
/** Larger families are refused: the family search enumerates its children's school choices. */
export const MAX_FAMILY_SIZE = 12;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string, keys: readonly string[]): Json {
  if (!isObject(value)) throw new ProblemError(path || '(root)', 'must be an object');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new ProblemError(join(path, key), 'unknown field');
  }
  return value;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ProblemError(path, 'must be an array');
  return value;
}

function number(value: unknown, path: string, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ProblemError(path, 'must be a number');
  if (value < min) throw new ProblemError(path, `must be at least ${min}`);
  if (value > max) throw new ProblemError(path, `must be at most ${max}`);
  return value;
}

function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = number(value, path, min, max);
  if (!Number.isInteger(n)) throw new ProblemError(path, 'must be a whole number');
  return n;
}

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new ProblemError(path, 'must be a non-empty string');
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ProblemError(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function point(value: unknown, path: string): GeoPoint {
  const o = object(value, path, ['lat', 'lon']);
  return { lat: number(o.lat, `${path}.lat`, -90, 90), lon: number(o.lon, `${path}.lon`, -180, 180) };
}

function weights(value: unknown): PlacementWeights {
  if (value === undefined) return { ...DEFAULT_WEIGHTS };
  const keys = Object.keys(DEFAULT_WEIGHTS) as (keyof PlacementWeights)[];
  const o = object(value, 'weights', keys);
  const result = { ...DEFAULT_WEIGHTS };
  for (const key of keys) {
    if (o[key] !== undefined) result[key] = number(o[key], `weights.${key}`, 0);
  }
  return result;
}

function seat(value: unknown, path: string): SeatGroup {
  const o = object(value, path, ['form', 'gradeFrom', 'gradeTo', 'kind', 'free']);
  const form = oneOf<SchoolForm>(o.form, `${path}.form`, SCHOOL_FORMS);
  const gradeFrom = integer(o.gradeFrom, `${path}.gradeFrom`, MIN_GRADE, MAX_GRADE);
  const gradeTo = integer(o.gradeTo, `${path}.gradeTo`, MIN_GRADE, MAX_GRADE);
  if (gradeTo < gradeFrom) throw new ProblemError(`${path}.gradeTo`, 'must not be below gradeFrom');
  const kind = oneOf<SeatKind>(o.kind, `${path}.kind`, SEAT_KINDS);
  const free = integer(o.free, `${path}.free`, 0);
  return { form, gradeFrom, gradeTo, kind, free };
}

function school(value: unknown, path: string, ids: Set<string>): PlacementSchool {
  const o = object(value, path, ['id', 'location', 'seats']);
  const schoolId = id(o.id, `${path}.id`);
  if (ids.has(schoolId)) throw new ProblemError(`${path}.id`, 'appears twice');
  ids.add(schoolId);
  const location = point(o.location, `${path}.location`);
  const seats = array(o.seats, `${path}.seats`).map((s, i) => seat(s, `${path}.seats[${i}]`));
  return { id: schoolId, location, seats };
}

function nullableId(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : id(value, path);
}

function child(value: unknown, path: string, ids: Set<string>, schoolIds: Set<string>): PlacementChild {
  const o = object(value, path, [
    'id',
    'grade',
    'forms',
    'kind',
    'home',
    'waitingWeeks',
    'familyId',
    'preferredSchoolId',
  ]);
  const childId = id(o.id, `${path}.id`);
  if (ids.has(childId)) throw new ProblemError(`${path}.id`, 'appears twice');
  ids.add(childId);
  const grade = integer(o.grade, `${path}.grade`, MIN_GRADE, MAX_GRADE);
  const formList = array(o.forms, `${path}.forms`);
  if (formList.length === 0) throw new ProblemError(`${path}.forms`, 'must name at least one school form');
  const forms: SchoolForm[] = [];
  formList.forEach((f, i) => {
    const form = oneOf<SchoolForm>(f, `${path}.forms[${i}]`, SCHOOL_FORMS);
    if (forms.includes(form)) throw new ProblemError(`${path}.forms[${i}]`, 'appears twice');
    forms.push(form);
  });
  const kind = oneOf<SeatKind>(o.kind, `${path}.kind`, SEAT_KINDS);
  const home = point(o.home, `${path}.home`);
  const waitingWeeks = number(o.waitingWeeks, `${path}.waitingWeeks`, 0);
  const familyId = nullableId(o.familyId, `${path}.familyId`);
  const preferredSchoolId = nullableId(o.preferredSchoolId, `${path}.preferredSchoolId`);
  if (preferredSchoolId !== null && !schoolIds.has(preferredSchoolId)) {
    throw new ProblemError(`${path}.preferredSchoolId`, 'is not the id of a school in this problem');
  }
  return { id: childId, grade, forms, kind, home, waitingWeeks, familyId, preferredSchoolId };
}

/**
 * Checks a problem file against the contract and fills the default weights. Throws a {@link ProblemError}
 * naming the first wrong field (in the order of the file: weights, schools, children).
 */
export function parsePlacementProblem(json: unknown): PlacementProblem {
  const root = object(json, '', ['weights', 'schools', 'children']);
  const w = weights(root.weights);
  const schoolIds = new Set<string>();
  const schools = array(root.schools, 'schools').map((s, i) => school(s, `schools[${i}]`, schoolIds));
  const childIds = new Set<string>();
  const familySizes = new Map<string, number>();
  const children = array(root.children, 'children').map((c, i) => {
    const parsed = child(c, `children[${i}]`, childIds, schoolIds);
    if (parsed.familyId !== null) {
      const size = (familySizes.get(parsed.familyId) ?? 0) + 1;
      if (size > MAX_FAMILY_SIZE) {
        throw new ProblemError(
          `children[${i}].familyId`,
          `a family may have at most ${MAX_FAMILY_SIZE} children`,
        );
      }
      familySizes.set(parsed.familyId, size);
    }
    return parsed;
  });
  return { weights: w, schools, children };
}
