/** problem.json → MatchingProblem, refusing the first wrong field with its path. */
import {
  DEFAULT_WEIGHTS,
  type Gender,
  type GuideKind,
  type MatchingGuide,
  type MatchingProblem,
  type MatchingRequest,
  type MatchingWeights,
  type Point,
} from './types.ts';

/** A wrong problem file: `path` names the first wrong field (e.g. "guides[3].availability[0].end"), `message` what is wrong. */
export class ProblemError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

type Obj = Record<string, unknown>;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GENDERS = ['f', 'm', 'd'] as const;
const KINDS = ['mediator', 'volunteer'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function object(value: unknown, path: string, keys: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProblemError(path, `must be an object, not ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new ProblemError(join(path, key), `unknown field; expected one of ${keys.join(', ')}`);
    }
  }
  return value as Obj;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ProblemError(path, `must be an array, not ${describe(value)}`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ProblemError(path, `must be a non-empty string, not ${describe(value)}`);
  }
  return value;
}

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((item, i) => string(item, `${path}[${i}]`));
}

function number(
  value: unknown,
  path: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
  exclusiveMin = false,
) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ProblemError(path, `must be a number, not ${describe(value)}`);
  }
  if (value < min || (exclusiveMin && value === min) || value > max) {
    const range = Number.isFinite(max) ? ` and at most ${max}` : '';
    throw new ProblemError(
      path,
      `must be ${exclusiveMin ? 'greater than' : 'at least'} ${min}${range}, not ${value}`,
    );
  }
  return value;
}

function integer(value: unknown, path: string, min: number): number {
  const n = number(value, path, min);
  if (!Number.isInteger(n)) throw new ProblemError(path, `must be a whole number, not ${n}`);
  return n;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new ProblemError(
      path,
      `must be one of ${options.map((o) => `"${o}"`).join(', ')}, not ${describe(value)}`,
    );
  }
  return value as T;
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === undefined || value === null ? null : read(value);
}

/** Epoch milliseconds of an ISO 8601 timestamp that carries an offset; refuses impossible dates. */
function timestamp(value: unknown, path: string): number {
  const text = string(value, path);
  const m = TIMESTAMP.exec(text);
  if (!m) {
    throw new ProblemError(
      path,
      `must be an ISO 8601 timestamp with an offset, e.g. 2026-12-07T08:00:00+01:00, not ${JSON.stringify(text)}`,
    );
  }
  if (
    !validDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
    Number(m[4]) > 23 ||
    Number(m[5]) > 59 ||
    Number(m[6] ?? 0) > 59
  ) {
    throw new ProblemError(path, `is not a real date and time: ${JSON.stringify(text)}`);
  }
  return Date.parse(text);
}

function checkedTimestamp(value: unknown, path: string): string {
  timestamp(value, path);
  return value as string;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function point(value: unknown, path: string): Point {
  const o = object(value, path, ['lat', 'lon']);
  return { lat: number(o.lat, join(path, 'lat'), -90, 90), lon: number(o.lon, join(path, 'lon'), -180, 180) };
}

function weights(value: unknown): MatchingWeights {
  if (value === undefined) return { ...DEFAULT_WEIGHTS };
  const path = 'weights';
  const o = object(value, path, ['unassigned', 'continuity', 'loadStep', 'speedKmh', 'kindMismatch']);
  const read = (key: keyof MatchingWeights, exclusiveMin = false) =>
    o[key] === undefined
      ? DEFAULT_WEIGHTS[key]
      : number(o[key], join(path, key), 0, Number.POSITIVE_INFINITY, exclusiveMin);
  return {
    unassigned: read('unassigned'),
    continuity: read('continuity'),
    loadStep: read('loadStep'),
    speedKmh: read('speedKmh', true),
    kindMismatch: read('kindMismatch'),
  };
}

const GUIDE_KEYS = [
  'id',
  'languages',
  'dialects',
  'gender',
  'topicsRefused',
  'home',
  'maxAssignments',
  'availability',
  'validUntil',
  'kind',
] as const;

function guide(value: unknown, path: string): MatchingGuide {
  const o = object(value, path, GUIDE_KEYS);
  const availability = array(o.availability, join(path, 'availability')).map((item, i) => {
    const at = `${path}.availability[${i}]`;
    const w = object(item, at, ['start', 'end']);
    const start = timestamp(w.start, join(at, 'start'));
    const end = timestamp(w.end, join(at, 'end'));
    if (end <= start) throw new ProblemError(join(at, 'end'), 'must be after start');
    return { start: w.start as string, end: w.end as string };
  });
  const validUntil = nullable(o.validUntil, (v) => {
    const text = string(v, join(path, 'validUntil'));
    const m = DATE.exec(text);
    if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new ProblemError(
        join(path, 'validUntil'),
        `must be a date YYYY-MM-DD, not ${JSON.stringify(text)}`,
      );
    }
    return text;
  });
  const result: MatchingGuide = {
    id: string(o.id, join(path, 'id')),
    languages: strings(o.languages, join(path, 'languages')),
    dialects: o.dialects === undefined ? [] : strings(o.dialects, join(path, 'dialects')),
    gender: nullable(o.gender, (v) => oneOf<Gender>(v, join(path, 'gender'), GENDERS)),
    topicsRefused: o.topicsRefused === undefined ? [] : strings(o.topicsRefused, join(path, 'topicsRefused')),
    home: point(o.home, join(path, 'home')),
    maxAssignments: integer(o.maxAssignments, join(path, 'maxAssignments'), 0),
    availability,
    validUntil,
  };
  if (o.kind !== undefined && o.kind !== null)
    result.kind = oneOf<GuideKind>(o.kind, join(path, 'kind'), KINDS);
  return result;
}

const REQUEST_KEYS = [
  'id',
  'language',
  'dialect',
  'start',
  'durationMinutes',
  'place',
  'topic',
  'genderRequired',
  'urgency',
  'previousGuideIds',
  'preferredKind',
] as const;

function request(value: unknown, path: string): MatchingRequest {
  const o = object(value, path, REQUEST_KEYS);
  const result: MatchingRequest = {
    id: string(o.id, join(path, 'id')),
    language: string(o.language, join(path, 'language')),
    dialect: nullable(o.dialect, (v) => string(v, join(path, 'dialect'))),
    start: checkedTimestamp(o.start, join(path, 'start')),
    durationMinutes: number(o.durationMinutes, join(path, 'durationMinutes'), 0, 7 * 24 * 60, true),
    place: point(o.place, join(path, 'place')),
    topic: string(o.topic, join(path, 'topic')),
    genderRequired: nullable(o.genderRequired, (v) =>
      oneOf<Gender>(v, join(path, 'genderRequired'), GENDERS),
    ),
    urgency: o.urgency === undefined ? 0 : number(o.urgency, join(path, 'urgency'), 0),
    previousGuideIds:
      o.previousGuideIds === undefined ? [] : strings(o.previousGuideIds, join(path, 'previousGuideIds')),
  };
  if (o.preferredKind !== undefined && o.preferredKind !== null) {
    result.preferredKind = oneOf<GuideKind>(o.preferredKind, join(path, 'preferredKind'), KINDS);
  }
  return result;
}

/**
 * Checks a parsed problem.json and fills the default weights. Throws a ProblemError for the first wrong field
 * (wrong type, unknown key, impossible timestamp, window end before start, duration ≤ 0, duplicate id…).
 */
export function parseMatchingProblem(json: unknown): MatchingProblem {
  const o = object(json, '', ['weights', 'guides', 'requests']);
  const problem: MatchingProblem = {
    weights: weights(o.weights),
    guides: array(o.guides, 'guides').map((g, i) => guide(g, `guides[${i}]`)),
    requests: array(o.requests, 'requests').map((r, i) => request(r, `requests[${i}]`)),
  };
  unique(problem.guides, 'guides');
  unique(problem.requests, 'requests');
  return problem;
}

function unique(items: { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      throw new ProblemError(`${path}[${i}].id`, `duplicate id ${JSON.stringify(item.id)}`);
    seen.add(item.id);
  });
}
