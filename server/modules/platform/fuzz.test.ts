/**
 * No 5xx for any input: every API route gets random bodies, path parameters, query strings and content types,
 * as the public and as a signed-in admin, and must answer below 500, with `{ error: { code, message } }` on
 * every 4xx (and a `field` on every 400).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../../test/config.ts';
import { createTestApp, type TestApp, testDatabaseKind } from '../../../test/harness.ts';
import { users } from './platform.tables.ts';

/**
 * Random requests per route and actor, after the fixed examples; LOTSE_FUZZ_RUNS=500 digs deeper locally. The
 * routes' input handling is the same code on both databases, so PGlite gets 20 and PostgreSQL, where the same
 * engine answers, the fixed examples (NUL bytes, year-0 dates, deep nesting …) and 10. Each run draws new ones
 * (fast-check's seed changes), so the runs add up over time; `npm test` must stay under 30 minutes.
 */
const RUNS = Number(process.env.LOTSE_FUZZ_RUNS ?? (testDatabaseKind() === 'postgres' ? 10 : 20));

/** Every route the app serves under /api/ but the Swagger UI's pages (HEAD left out), as [method, path]. */
function apiRoutes(app: FastifyInstance): [string, string][] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    stack.length = (match[1] ?? '').length / 4;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    if (!path.startsWith('/api/') || path === '/api/docs' || path.startsWith('/api/docs/')) continue;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') found.add(`${method} ${path}`);
  }
  return [...found].sort().map((route) => route.split(' ') as [string, string]);
}

// ---------------------------------------------------------------------------------------------------------
// Random input

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const NASTY = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(0)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '$' + '{7*7}',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'سلام دنیا',
  'שלום',
  '👩‍👩‍👧‍👦🇩🇪🏳️‍🌈',
  'Ꙭ̸̢̛̗͓̙̙̗̟ͪ͐',
  '\ud800',
  '\udfff',
  '',
  ' ',
  '\n\r\t',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-400',
  '-1',
  '0',
  '-0',
  '1.5',
  '0x10',
  '9007199254740993',
  '99999999999999999999999999',
  '__proto__',
  'constructor',
  'prototype',
  'admin@demo.lotse.example',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const nastyString = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', 'ß', 'م', '👩‍👩‍👧', "' OR 1=1 --", '\u0000'),
        fc.integer({ min: 200, max: 10_000 }),
      )
      .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
    weight: 1,
  },
  { arbitrary: fc.string({ minLength: 1000, maxLength: 10_000 }), weight: 1 },
);

const nastyNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, -0, 0.5, 2 ** 31, -(2 ** 63)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, sometimes deep, sometimes with huge or hostile strings. */
const randomJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** A value that fits the schema (mostly), so the request gets past validation into the service. */
function fitting(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return randomJson;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fitting(s, depth + 1)));
  let arbitrary: fc.Arbitrary<unknown>;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum?.length) arbitrary = fc.constantFrom(...schema.enum);
  else if (type === 'string') arbitrary = fittingString(schema);
  else if (type === 'integer')
    arbitrary = fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 2 ** 31) });
  else if (type === 'number') arbitrary = fc.double({ noNaN: true, noDefaultInfinity: true });
  else if (type === 'boolean') arbitrary = fc.boolean();
  else if (type === 'null') arbitrary = fc.constant(null);
  else if (type === 'array')
    arbitrary = fc.array(fitting(schema.items, depth + 1), {
      minLength: schema.minItems ?? 0,
      maxLength: Math.min(schema.maxItems ?? 5, 5),
    });
  else if (type === 'object' && schema.properties) {
    const model = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, fitting(value, depth + 1)]),
    );
    arbitrary = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
  } else arbitrary = randomJson;
  return schema.nullable ? fc.option(arbitrary, { nil: null }) : arbitrary;
}

function fittingString(schema: JsonSchema): fc.Arbitrary<string> {
  const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant(demoEmail('admin')));
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return date.map((d) => d.toISOString());
  if (schema.format === 'date') return date.map((d) => d.toISOString().slice(0, 10));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({
    unit: 'grapheme',
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 50, 300),
  });
}

/** Mostly a fitting value, sometimes a hostile one of any type. */
const fieldValue = (schema: JsonSchema | undefined) =>
  fc.oneof({ arbitrary: fitting(schema), weight: 3 }, { arbitrary: randomJson, weight: 1 });

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json;charset=latin1',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application',
  ';;;',
];
const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":',
  '[1, 2',
  '{"a": 1,}',
  "{'a': 1}",
  '{"a": 1}{"b": 2}',
  'undefined',
  'NaN',
  '',
  ' ',
  '\u0000',
  '{"__proto__": {"role": "admin"}}',
  '{"constructor": {"prototype": {"role": "admin"}}}',
  '{"a": "\\ud800"}',
  '{"a": 1e999}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a": "${'x'.repeat(1_100_000)}"}`,
];

type Body = { payload: string; contentType: string | null };

/** A body for the route: fitting, hostile, random JSON, malformed text, or none; with some content type. */
function bodyFor(operation: Operation | undefined): fc.Arbitrary<Body | null> {
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  const shaped = schema?.properties
    ? fc.record(
        Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, fieldValue(value)])),
        { requiredKeys: [] },
      )
    : randomJson;
  const withExtra = fc
    .tuple(shaped, fc.dictionary(nastyString, randomJson, { maxKeys: 2 }))
    .map(([value, extra]) =>
      value && typeof value === 'object' && !Array.isArray(value) ? { ...extra, ...value } : value,
    );
  const json = fc
    .oneof(
      { arbitrary: fitting(schema), weight: 3 },
      { arbitrary: shaped, weight: 3 },
      { arbitrary: withExtra, weight: 1 },
      { arbitrary: randomJson, weight: 2 },
    )
    .map((value) => JSON.stringify(value) ?? 'null');
  const text = fc.oneof(
    { arbitrary: json, weight: 6 },
    { arbitrary: fc.constantFrom(...MALFORMED_JSON), weight: 2 },
    { arbitrary: nastyString, weight: 1 },
  );
  const contentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    { arbitrary: fc.constantFrom<string | null>(null, ...CONTENT_TYPES), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.record({ payload: text, contentType }), weight: 6 },
  );
}

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Raw, unencoded path and query pieces: broken escapes, traversal, separators. */
const RAW = [
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '..',
  '.',
  '../',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  ';',
  'a;b=c',
];

/** A path parameter: a real id or job name, a UUID, or something hostile. */
const pathParam = (real: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 3 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: nastyString.map(encode), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW), weight: 1 },
    { arbitrary: fc.integer({ min: 201, max: 2000 }).map((n) => 'a'.repeat(n)), weight: 1 },
  );

const QUERY_VALUES = ['1e308', '-1', 'NaN', '0', '1.5', 'Infinity', '', '200', '201', '100000', '100001'];

/** A query string: known keys (repeated or not) with odd values, and random keys. */
function queryFor(operation: Operation | undefined): fc.Arbitrary<string> {
  const known = (operation?.parameters ?? []).filter((p) => p.in === 'query');
  const key = fc.oneof(
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known.map((p) => p.name)), weight: 4 }] : []),
    { arbitrary: fc.constantFrom('page', 'per_page', '__proto__', 'constructor', 'a[b]', 'a[]'), weight: 1 },
    { arbitrary: nastyString, weight: 1 },
  );
  const value = (name: string) => {
    const schema = known.find((p) => p.name === name)?.schema;
    return fc.oneof(
      { arbitrary: fitting(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), weight: 3 },
      { arbitrary: fc.constantFrom(...QUERY_VALUES), weight: 2 },
      { arbitrary: nastyString, weight: 2 },
    );
  };
  const pair = key.chain((name) =>
    fc.oneof(
      { arbitrary: value(name).map((v) => `${encode(name)}=${encode(v)}`), weight: 8 },
      { arbitrary: fc.constant(encode(name)), weight: 1 },
      { arbitrary: fc.constantFrom(...RAW).map((raw) => `${encode(name)}=${raw}`), weight: 1 },
    ),
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

type FuzzRequest = { url: string; body: Body | null; csrf: boolean };

function requestFor(path: string, operation: Operation | undefined, real: Record<string, string[]>) {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const params = fc.tuple(...names.map((name) => pathParam(real[name] ?? real.id ?? [])));
  return fc
    .record({
      params,
      query: queryFor(operation),
      body: bodyFor(operation),
      csrf: fc.oneof(
        { arbitrary: fc.constant(true), weight: 9 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
    })
    .map(
      ({ params: values, query, body, csrf }): FuzzRequest => ({
        url: names.reduce((url, name, i) => url.replace(`:${name}`, values[i] ?? ''), path) + query,
        body,
        csrf,
      }),
    );
}

/** A value the schema accepts, chosen without randomness, for the fixed examples below. */
function plausible(schema: JsonSchema | undefined, real: Record<string, string[]>): unknown {
  if (!schema) return 'x';
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.[0]) return plausible(alternatives[0], real);
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'array')
    return Array.from({ length: schema.minItems || 1 }, () => plausible(schema.items, real));
  if (type === 'object')
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausible(value, real)]),
    );
  if (schema.format === 'email') return 'fuzz-example@example.org';
  if (schema.format === 'uuid') return real.id?.[0] ?? '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date-time') return '2099-01-01T00:00:00.000Z';
  if (schema.format === 'date') return '2099-01-01';
  if (schema.pattern)
    return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 })[0];
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/**
 * Inputs every run tries first, so that known troublemakers are not left to chance: a NUL byte and a year-0
 * date in each query parameter, an empty body, a NUL byte in each body field (the rest of the request valid);
 * then over-long and badly escaped path parameters, malformed JSON and a wrong content type.
 */
function examplesFor(
  method: string,
  path: string,
  operation: Operation | undefined,
  real: Record<string, string[]>,
): FuzzRequest[] {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const withParams = (override: Record<string, string> = {}) =>
    names.reduce(
      (url, name) => url.replace(`:${name}`, override[name] ?? real[name]?.[0] ?? real.id?.[0] ?? 'x'),
      path,
    );
  const examples: FuzzRequest[] = [];
  const json = (value: unknown): Body => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  const body = method === 'GET' ? null : json(plausible(schema, real));
  const query = (operation?.parameters ?? []).filter((p) => p.in === 'query');
  const valid = Object.fromEntries(query.map((p) => [p.name, String(plausible(p.schema, real))]));
  for (const { name } of query) {
    for (const value of ['a\u0000b', '0000-01-01', '0000-01-01T00:00:00Z']) {
      const pairs = Object.entries({ ...valid, [name]: value }).map(([k, v]) => `${k}=${encode(v)}`);
      examples.push({ url: `${withParams()}?${pairs.join('&')}`, body, csrf: true });
    }
  }
  if (method !== 'GET') {
    examples.push({ url: withParams(), body: json({}), csrf: true });
    // Deep nesting: thousands of levels of arrays and objects, alone and inside a fitting body.
    const deepArray = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const deepObject = `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}`;
    for (const payload of [deepArray, deepObject]) {
      examples.push({ url: withParams(), body: { payload, contentType: 'application/json' }, csrf: true });
    }
    const firstField = Object.keys(schema?.properties ?? {})[0];
    if (firstField) {
      const fittingBody = JSON.stringify({
        ...(plausible(schema, real) as object),
        [firstField]: '__deep__',
      });
      const payload = fittingBody.replace('"__deep__"', deepObject);
      examples.push({ url: withParams(), body: { payload, contentType: 'application/json' }, csrf: true });
    }
  }
  if (method !== 'GET') {
    const fields = Object.entries(schema?.properties ?? {});
    for (const [field, fieldSchema] of fields) {
      if (fieldSchema.enum || (fieldSchema.type !== 'string' && fieldSchema.type !== undefined)) continue;
      const valid = plausible(schema, real) as Record<string, unknown>;
      examples.push({ url: withParams(), body: json({ ...valid, [field]: 'a\u0000b' }), csrf: true });
    }
  }
  // Then the framework's own refusals: bad path parameters, malformed JSON, a wrong content type.
  for (const name of names) {
    for (const value of ['x'.repeat(201), '%zz', '%00']) {
      examples.push({ url: withParams({ [name]: value }), body, csrf: true });
    }
  }
  if (method !== 'GET') {
    examples.push({ url: withParams(), body: { payload: '{', contentType: 'application/json' }, csrf: true });
    examples.push({ url: withParams(), body: { payload: '{}', contentType: 'text/plain' }, csrf: true });
  }
  return examples;
}

// ---------------------------------------------------------------------------------------------------------
// Sending

/** A caller: cookies and a CSRF token, from an address of its own (so no rate limit or lockout is shared). */
type Identity = { cookie: string; csrf: string; signedIn: boolean };

let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

async function identity(email?: string): Promise<Identity> {
  const remoteAddress = nextAddress();
  const csrfReply = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf', remoteAddress });
  const csrfCookie = csrfReply.cookies.find((c) => c.name === 'lotse_csrf')?.value ?? '';
  const csrf = csrfReply.json<{ token: string }>().token;
  if (!email) return { cookie: `lotse_csrf=${csrfCookie}`, csrf, signedIn: false };
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { cookie: `lotse_csrf=${csrfCookie}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const session = login.cookies.find((c) => c.name === 'lotse_session')?.value;
  if (login.statusCode !== 200 || !session)
    throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return { cookie: `lotse_csrf=${csrfCookie}; lotse_session=${session}`, csrf, signedIn: true };
}

async function send(method: string, request: FuzzRequest, caller: Identity) {
  const headers: Record<string, string> = { cookie: caller.cookie, 'accept-language': 'de' };
  if (request.csrf) headers['x-csrf-token'] = caller.csrf;
  if (request.body?.contentType) headers['content-type'] = request.body.contentType;
  return t.app.inject({
    method: method as 'GET',
    url: request.url,
    headers,
    remoteAddress: nextAddress(),
    ...(request.body ? { payload: request.body.payload } : {}),
  });
}

/** What is wrong with an answer, or null. */
function problem(status: number, body: string): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  let error: { code?: unknown; message?: unknown; field?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: typeof error }).error;
  } catch {
    return `${status} without a JSON body`;
  }
  if (typeof error?.code !== 'string' || !error.code) return `${status} without error.code`;
  if (typeof error.message !== 'string' || !error.message.trim()) return `${status} without error.message`;
  if (error.message.includes('errors:') || error.message === error.code)
    return `${status} ${error.code}: untranslated message "${error.message}"`;
  if (status === 400 && (typeof error.field !== 'string' || !error.field))
    return `400 ${error.code} without error.field`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The runs

const seen = new Map<string, Map<number, number>>();
let failed = false;

// The app is built while the tests are collected, so that each of its routes becomes a test of its own.
const t: TestApp = await createTestApp();
const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
const routes = apiRoutes(t.app).map(([method, path]) => ({
  name: `${method} ${path}`,
  method,
  path,
  operation: doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()],
}));
const real: Record<string, string[]> = {};

beforeAll(async () => {
  const caseworker = await t.login('caseworker');
  const userIds = (await t.services.database.db.select({ id: users.id }).from(users)).map((u) => u.id);
  const consentIds: string[] = [];
  for (const subjectId of userIds.slice(0, 3)) {
    const reply = await caseworker.post('/api/v1/consents', {
      subjectType: 'user',
      subjectId,
      purpose: 'platform.fuzz',
      dataCategories: ['contact'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      channel: 'on_paper',
    });
    consentIds.push(reply.json<{ id: string }>().id);
  }
  real.id = [...userIds, ...consentIds];
  real.name = t.services.jobRunner.definitions.map((job) => job.name);
});

afterAll(async () => {
  if (failed) {
    const lines = [...seen].map(
      ([route, statuses]) =>
        `${route.padEnd(55)} ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
    );
    console.log(`Statuses seen per actor and route:\n${lines.join('\n')}`);
  }
  await t.close();
});

describe('no 5xx for any input', () => {
  it('finds the app’s routes', () => {
    expect(routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(['GET /api/v1/me', 'POST /api/v1/auth/login']),
    );
  });

  for (const actor of ['anonymous', 'admin'] as const) {
    describe(`as ${actor}`, () => {
      it.each(routes.map((route) => [route.name, route] as const))(
        '%s',
        async (_name, { method, path, operation }) => {
          const key = `${actor} ${method} ${path}`;
          const statuses = seen.get(key) ?? new Map<number, number>();
          seen.set(key, statuses);
          // A fresh admin session per route; re-signed-in whenever a request ends it (logout, password).
          const examples = examplesFor(method, path, operation, real);
          let caller = await identity(actor === 'admin' ? demoEmail('admin') : undefined);
          try {
            await fc.assert(
              fc.asyncProperty(requestFor(path, operation, real), async (request) => {
                const reply = await send(method, request, caller);
                statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
                const wrong = problem(reply.statusCode, reply.body);
                if (wrong) {
                  throw new Error(
                    `${wrong}\n${method} ${request.url.slice(0, 300)}\nbody: ${reply.body.slice(0, 500)}`,
                  );
                }
                if (caller.signedIn && method !== 'GET') {
                  const session = await t.app.inject({
                    method: 'GET',
                    url: '/api/v1/auth/session',
                    headers: { cookie: caller.cookie },
                  });
                  if (session.json<{ user: unknown }>().user === null)
                    caller = await identity(demoEmail('admin'));
                }
              }),
              // Examples count as runs: they come on top of the random ones.
              { numRuns: examples.length + RUNS, examples: examples.map((e) => [e] as [FuzzRequest]) },
            );
          } catch (error) {
            failed = true;
            throw error;
          }
        },
      );
    });
  }
});
