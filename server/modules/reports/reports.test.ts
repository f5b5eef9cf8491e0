/**
 * Reports: the public contract (201 code, follow page, 404, 429 beyond 20 wrong codes, statistics with "<5",
 * 401 for staff routes), nothing identifying kept (rows and log lines read), the contact sealed and shown to
 * the assigned counsellor only, messages through the code, duplicates, audited reads, suppression.
 */
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/config.ts';
import { Client, openTestDatabase, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { buildApp, createLogger } from '../../app.ts';
import { loadCity } from '../../core/city.ts';
import { CODE_ALPHABET } from '../../core/codes.ts';
import { type AppServices, systemContext } from '../../core/context.ts';
import { auditLog, idempotencyKeys } from '../../core/core.tables.ts';
import { consents } from '../platform/platform.tables.ts';
import { DEMO_ADVICE_CENTRE, DEMO_COUNSELLOR } from './reports.demo.ts';
import { buildReport } from './reports.factories.ts';
import { reportsRetention } from './retention.ts';
import { reportContacts, reportMessages, reportNotes, reports } from './reports.tables.ts';

const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>['app'];
let services: AppServices;
let close: () => Promise<void>;
let counsellor: Client;
let colleague: Client;

const ADDRESS = '203.0.113.77';
const AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel-Meldung-4711) Mobile';
/** A visitor's browser from an address (the app trusts X-Forwarded-For here, as behind the city's proxy). */
const visitor = (address = ADDRESS, locale = 'de') => {
  const client = new Client(app, locale);
  const request = client.request.bind(client);
  client.request = (method, url, options = {}) =>
    request(method, url, {
      ...options,
      headers: { 'x-forwarded-for': address, 'user-agent': AGENT, ...options.headers },
    });
  return client;
};
const login = async (email: string) => {
  const client = new Client(app);
  const reply = await client.post('/api/v1/auth/login', { email, password: 'lotse-demo-2026' });
  expect(reply.status, reply.body).toBe(200);
  return client;
};
type ErrorBody = { error: { code: string; message: string; field?: string } };
type Follow = { status: string; messages: { from: string; body: string }[] };
type Case = {
  id: string;
  status: string;
  assignedTo: string | null;
  hasContact: boolean;
  contact: { kind: string; value: string; language: string } | null;
  messages: { from: string; body: string }[];
  notes: { body: string }[];
};

let sender = 100;
/** Sends a report; by default from a new address each time (the form allows 10 per minute and address). */
async function send(body = buildReport(), client = visitor(`198.18.0.${sender++}`)) {
  const reply = await client.post('/api/v1/reports', body);
  expect(reply.status, reply.body).toBe(201);
  return reply.json<{ code: string }>().code;
}
/** The case id of a code, as a counsellor finds it in the list (the newest case). */
async function newestCaseId() {
  const list = await counsellor.get('/api/v1/reports?per_page=1');
  return list.json<{ items: { id: string }[] }>().items[0]?.id as string;
}

beforeAll(async () => {
  const config = testConfig({ LOG_LEVEL: 'info', TRUST_PROXY: 'true' });
  const { database, drop } = await openTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const built = await buildApp({
    config,
    database,
    city: loadCity(config.cityDir),
    logger: createLogger(config, sink),
  });
  app = built.app;
  services = built.services;
  await app.ready();
  close = async () => {
    await services.jobRunner.stop();
    await app.close();
    await database.close();
    await drop();
  };
  counsellor = await login(DEMO_COUNSELLOR);
  // signInStaff needs the app's services and a login; this file builds its own app (to read its log lines).
  const testApp = { services, login: (email: string) => login(email) } as unknown as TestApp;
  colleague = await signInStaff(testApp, {
    role: 'caseworker',
    organisationId: DEMO_ADVICE_CENTRE,
    kind: 'advice',
  });
});
afterAll(() => close?.());

describe('reporting without a name', () => {
  it('answers 201 with a code of four groups of four easy characters, which opens the follow page', async () => {
    const code = await send();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    for (const char of code.replaceAll('-', '')) expect(CODE_ALPHABET).toContain(char);
    expect(code).not.toMatch(/[01OI]/);
    // Typed back in small letters without dashes, it works too.
    const reply = await visitor().get(`/api/v1/reports/follow/${code.replaceAll('-', '').toLowerCase()}`);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json<Follow>()).toMatchObject({ status: 'new', messages: [] });
    // The code is stored only as its hash, also when the form sent an Idempotency-Key (no stored answer).
    const keyed = await visitor().post('/api/v1/reports', buildReport(), {
      headers: { 'idempotency-key': 'report-form-0001' },
    });
    expect(keyed.status, keyed.body).toBe(201);
    const keyedCode = keyed.json<{ code: string }>().code;
    const db = services.database.db;
    const stored = JSON.stringify([await db.select().from(reports), await db.select().from(idempotencyKeys)]);
    for (const shown of [code, keyedCode]) {
      expect(stored).not.toContain(shown);
      expect(stored).not.toContain(shown.replaceAll('-', ''));
    }
  });

  it('keeps no IP address or user agent in the report’s rows or the log lines', async () => {
    lines.length = 0;
    const client = visitor();
    const code = await send(
      buildReport({ contact: { kind: 'phone', value: '+49 170 5550123', language: 'fa' } }),
      client,
    );
    await client.post(`/api/v1/reports/follow/${code}/messages`, {
      body: 'Noch etwas: es war ein Dienstag.',
    });
    await client.get(`/api/v1/reports/follow/${code}`);
    const db = services.database.db;
    const rows = JSON.stringify([
      await db.select().from(reports),
      await db.select().from(reportContacts),
      await db.select().from(reportMessages),
      await db.select().from(reportNotes),
      await db.select().from(auditLog).where(eq(auditLog.ip, ADDRESS)),
      await db.select().from(consents),
    ]);
    expect(rows).not.toContain(ADDRESS);
    expect(rows).not.toContain('Pixel-Meldung-4711');
    expect(rows).not.toContain('5550123');
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('');
    expect(log).not.toContain(ADDRESS);
    expect(log).not.toContain('Pixel-Meldung');
    expect(log).not.toContain(code);
    expect(log).not.toContain('Dienstag');
  });

  it('refuses bad input with the field named, in the reporter’s language', async () => {
    const cases: [unknown, string][] = [
      [{ ...buildReport(), grounds: [] }, 'body.grounds'],
      [{ ...buildReport(), setting: 'moon' }, 'body.setting'],
      [buildReport({ where: { kind: 'ortsteil', ortsteilId: 'atlantis' } }), 'body.where.ortsteilId'],
      [buildReport({ when: { date: '2099-01-01' } }), 'body.when.date'],
      [{ ...buildReport(), name: 'Amira' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const reply = await visitor(ADDRESS, 'fa').post('/api/v1/reports', body);
      expect(reply.status, reply.body).toBe(400);
      expect(reply.json<ErrorBody>().error.field).toContain(field);
      expect(reply.json<ErrorBody>().error.message).toMatch(/[\u0600-\u06FF]/);
    }
  });
});

describe('guessing codes', () => {
  it('answers 404 to an unknown code, and 429 after 20 wrong codes from one address within 10 minutes', async () => {
    const code = await send();
    const guesser = visitor('198.51.100.9');
    for (let i = 0; i < 20; i++) {
      const reply = await guesser.get(
        `/api/v1/reports/follow/ZZZ${String(i).padStart(2, '2')}-ABCD-EFGH-JKMN`,
      );
      expect(reply.status).toBe(404);
    }
    expect((await guesser.get('/api/v1/reports/follow/XQXQ-ABCD-EFGH-JKMN')).status).toBe(429);
    // Even the right code: the address is blocked for the window.
    expect((await guesser.get(`/api/v1/reports/follow/${code}`)).status).toBe(429);
    // Another address is not.
    expect((await visitor('198.51.100.10').get('/api/v1/reports/follow/XQXQ-ABCD-EFGH-JKMN')).status).toBe(
      404,
    );
    expect((await visitor('198.51.100.10').get(`/api/v1/reports/follow/${code}`)).status).toBe(200);
    services.clock.advance(10 * 60_000 + 1000);
    expect((await guesser.get(`/api/v1/reports/follow/${code}`)).status).toBe(200);
  });
});

describe('the advice centre', () => {
  it('answers 401 to anonymous callers and 403 to staff without the reports scope on every staff route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const caseworker = new Client(app);
    await caseworker.post('/api/v1/auth/login', {
      email: 'caseworker@demo.lotse.example',
      password: 'lotse-demo-2026',
    });
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/reports'],
      ['POST', '/api/v1/reports/intake', { ...buildReport(), source: 'phone' }],
      ['GET', `/api/v1/reports/${id}`],
      ['PATCH', `/api/v1/reports/${id}`, { status: 'closed' }],
      ['POST', `/api/v1/reports/${id}/notes`, { body: 'x' }],
      ['POST', `/api/v1/reports/${id}/messages`, { body: 'x' }],
      ['POST', `/api/v1/reports/${id}/merge`, { intoId: id }],
      ['GET', '/api/v1/reports/export.csv'],
      ['GET', '/api/v1/reports/not-an-id'],
    ];
    for (const [method, url, body] of routes) {
      expect((await visitor().request(method, url, { body })).status, `${method} ${url}`).toBe(401);
      expect((await caseworker.request(method, url, { body })).status, `${method} ${url}`).toBe(
        url.endsWith('not-an-id') ? 400 : 403,
      );
    }
  });

  it('shows the contact only to the counsellor who took the case, audits every read, and never elsewhere', async () => {
    const email = 'amira.k@example.org';
    const code = await send(buildReport({ contact: { kind: 'email', value: email, language: 'fa' } }));
    const id = await newestCaseId();
    const before = await counsellor.get(`/api/v1/reports/${id}`);
    expect(before.json<Case>()).toMatchObject({ hasContact: true, contact: null });
    const taken = await counsellor.request('PATCH', `/api/v1/reports/${id}`, {
      body: {
        status: 'counselling',
        assignedTo: (await counsellor.get('/api/v1/auth/session')).json<{ user: { id: string } }>().user.id,
      },
    });
    expect(taken.status, taken.body).toBe(200);
    expect(taken.json<Case>().contact).toEqual({ kind: 'email', value: email, language: 'fa' });
    expect((await colleague.get(`/api/v1/reports/${id}`)).json<Case>().contact).toBeNull();
    const reads = await services.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(reads.filter((r) => r.action === 'read').length).toBeGreaterThanOrEqual(3);
    expect(reads.some((r) => r.action === 'reports.contact.read')).toBe(true);

    const year = new Date().getUTCFullYear();
    const places = [
      (await visitor().get(`/api/v1/reports/follow/${code}`)).body,
      (await visitor().get(`/api/v1/reports/statistics?year=${year}`)).body,
      (await visitor().get(`/api/v1/reports/statistics.csv?year=${year}`)).body,
      (await counsellor.get(`/api/v1/reports/export.csv?year=${year}`)).body,
      (await counsellor.get('/api/v1/reports?per_page=200')).body,
    ];
    for (const body of places) expect(body).not.toContain('amira');
    // The export has no free text and no exact day.
    const exported = places[3] as string;
    expect(exported.split('\r\n')[0]).toBe(
      '\uFEFFmonth,district,setting,grounds,violence,police,extremist,affected,status',
    );
    expect(exported).not.toContain('Besichtigung');
    expect(exported).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('asks through the code, reads the answer, and closes the case; the reporter sees each step', async () => {
    const reporter = visitor('192.0.2.44', 'fa');
    const code = await send(buildReport(), reporter);
    const id = await newestCaseId();
    const asked = await counsellor.post(`/api/v1/reports/${id}/messages`, {
      body: 'Wie hieß die Wohnungsgesellschaft?',
    });
    expect(asked.status, asked.body).toBe(201);
    await counsellor.post(`/api/v1/reports/${id}/notes`, { body: 'Interne Notiz: Rückruf geplant.' });
    const follow = (await reporter.get(`/api/v1/reports/follow/${code}`)).json<Follow>();
    expect(follow.messages).toEqual([
      expect.objectContaining({ from: 'staff', body: 'Wie hieß die Wohnungsgesellschaft?' }),
    ]);
    expect(JSON.stringify(follow)).not.toContain('Interne Notiz');
    const answered = await reporter.post(`/api/v1/reports/follow/${code}/messages`, {
      body: 'Rheinblick Wohnen GmbH',
    });
    expect(answered.status, answered.body).toBe(201);
    const seen = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>();
    expect(seen.messages.map((m) => m.from)).toEqual(['staff', 'reporter']);
    expect(seen.notes).toHaveLength(1);
    await counsellor.request('PATCH', `/api/v1/reports/${id}`, {
      body: { status: 'closed', actions: ['counselling'] },
    });
    expect((await reporter.get(`/api/v1/reports/follow/${code}`)).json<Follow>().status).toBe('closed');
  });

  it('merges a duplicate into the first report, and both reporters’ codes keep working', async () => {
    const first = await send(buildReport({ setting: 'transport' }), visitor('192.0.2.50'));
    const firstId = await newestCaseId();
    const second = await send(buildReport({ setting: 'transport' }), visitor('192.0.2.51'));
    const secondId = await newestCaseId();
    const merged = await counsellor.post(`/api/v1/reports/${secondId}/merge`, { intoId: firstId });
    expect(merged.status, merged.body).toBe(200);
    await counsellor.post(`/api/v1/reports/${firstId}/messages`, { body: 'Wir kümmern uns darum.' });
    for (const code of [first, second]) {
      const reply = await visitor('192.0.2.52').get(`/api/v1/reports/follow/${code}`);
      expect(reply.status).toBe(200);
      expect(reply.json<Follow>().messages.map((m) => m.body)).toContain('Wir kümmern uns darum.');
    }
    await visitor('192.0.2.51').post(`/api/v1/reports/follow/${second}/messages`, {
      body: 'Ich war auch dabei.',
    });
    const seen = (await counsellor.get(`/api/v1/reports/${firstId}`)).json<
      Case & { duplicates: { id: string; source: string }[] }
    >();
    expect(seen.messages.map((m) => m.body)).toContain('Ich war auch dabei.');
    expect(seen.duplicates).toEqual([expect.objectContaining({ id: secondId, source: 'online' })]);
    const list = (await counsellor.get('/api/v1/reports?per_page=200')).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(secondId);
  });

  it('deletes the contact 90 days after the case closed, and keeps the case for the statistics', async () => {
    await send(buildReport({ contact: { kind: 'phone', value: '+49 203 5550177', language: 'ar' } }));
    const id = await newestCaseId();
    await counsellor.request('PATCH', `/api/v1/reports/${id}`, { body: { status: 'closed' } });
    const contactOf = () =>
      services.database.db.select().from(reportContacts).where(eq(reportContacts.reportId, id));
    const rule = { days: 90, action: 'delete' as const, description: 'test' };
    const ctx = systemContext(services);
    await reportsRetention['reports.contacts']?.(
      { ...ctx, now: new Date(ctx.now.getTime() + 89 * 86_400_000) },
      rule,
    );
    expect(await contactOf()).toHaveLength(1);
    await reportsRetention['reports.contacts']?.(
      { ...ctx, now: new Date(ctx.now.getTime() + 91 * 86_400_000) },
      rule,
    );
    expect(await contactOf()).toHaveLength(0);
    const seen = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>();
    expect(seen).toMatchObject({ status: 'closed', hasContact: false, contact: null });
  });

  it('enters a report taken by phone, with a code to read out and the new case to open', async () => {
    const reply = await counsellor.post('/api/v1/reports/intake', { ...buildReport(), source: 'phone' });
    expect(reply.status, reply.body).toBe(201);
    const { code, id } = reply.json<{ code: string; id: string }>();
    expect((await visitor('192.0.2.60').get(`/api/v1/reports/follow/${code}`)).status).toBe(200);
    const taken = await counsellor.get(`/api/v1/reports/${id}`);
    expect(taken.json<Case & { source: string }>()).toMatchObject({ id, source: 'phone', status: 'new' });
    const online = await counsellor.post('/api/v1/reports/intake', { ...buildReport(), source: 'online' });
    expect(online.status).toBe(400);
    expect(online.json<ErrorBody>().error.field).toBe('body.source');
  });
});

describe('consent, retention and the person’s export', () => {
  const rule = (days: number) => ({ days, action: 'delete' as const, description: 'test' });
  const later = (days: number) => {
    const ctx = systemContext(services);
    return { ...ctx, now: new Date(ctx.now.getTime() + days * 86_400_000) };
  };
  const consentsOf = (reportId: string) =>
    services.database.db
      .select()
      .from(consents)
      .where(and(eq(consents.subjectType, 'report'), eq(consents.subjectId, reportId)));
  const idOf = async (client: Client) =>
    (await client.get('/api/v1/auth/session')).json<{ user: { id: string } }>().user.id;

  it('records the reporter’s consent to be contacted (counselling, one year); the reporter removes the contact by code, and the counsellor no longer sees it', async () => {
    const reporter = visitor('198.18.1.40');
    const code = await send(
      buildReport({ contact: { kind: 'phone', value: '+49 203 5550199', language: 'tr' } }),
      reporter,
    );
    const id = await newestCaseId();
    await counsellor.request('PATCH', `/api/v1/reports/${id}`, {
      body: { assignedTo: await idOf(counsellor) },
    });
    expect((await counsellor.get(`/api/v1/reports/${id}`)).json<Case>().contact?.value).toBe(
      '+49 203 5550199',
    );

    // The platform's consent record: subject "report", for counselling, given on the form, valid for a year.
    const recorded = await consentsOf(id);
    expect(recorded).toEqual([
      expect.objectContaining({
        purpose: 'reports.counselling',
        channel: 'online_form',
        dataCategories: ['contact'],
      }),
    ]);
    const consent = recorded[0] as (typeof recorded)[number];
    expect(Math.round((consent.expiresAt.getTime() - consent.givenAt.getTime()) / 86_400_000)).toBe(365);

    // The follow page tells the reporter a contact is kept (never the contact itself) ...
    const before = await reporter.get(`/api/v1/reports/follow/${code}`);
    expect(before.json()).toMatchObject({ contactKept: true });
    expect(before.body).not.toContain('5550199');

    // ... and the reporter removes it without an account: consent withdrawn, sealed contact deleted at once.
    const removed = await reporter.request('DELETE', `/api/v1/reports/follow/${code}/contact`);
    expect(removed.status, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ contactKept: false, status: 'new' });
    expect((await reporter.get(`/api/v1/reports/follow/${code}`)).json()).toMatchObject({
      contactKept: false,
    });
    expect(await consentsOf(id)).toEqual([
      expect.objectContaining({ id: consent.id, withdrawnAt: expect.any(Date) }),
    ]);
    expect(
      await services.database.db.select().from(reportContacts).where(eq(reportContacts.reportId, id)),
    ).toEqual([]);
    // The withdrawal is audited as the system's, without the reporter's address.
    const withdrawals = await services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'consent.withdraw'), eq(auditLog.entityId, consent.id)));
    expect(withdrawals).toEqual([expect.objectContaining({ actorRole: 'system', ip: null })]);

    // Not even the counsellor of the case sees it any more.
    expect((await counsellor.get(`/api/v1/reports/${id}`)).json<Case>()).toMatchObject({
      hasContact: false,
      contact: null,
    });
    // Asking again changes nothing and is no error.
    const again = await reporter.request('DELETE', `/api/v1/reports/follow/${code}/contact`);
    expect(again.status, again.body).toBe(200);
    expect(again.json()).toMatchObject({ contactKept: false });
  });

  it('keeps a report’s contact when a wrong code asks to remove it, and counts the wrong code towards the limit', async () => {
    const code = await send(
      buildReport({ contact: { kind: 'email', value: 'melde@example.org', language: 'ar' } }),
    );
    const guesser = visitor('198.51.100.30');
    // Ten wrong codes asking to remove a contact (the most the form's rate allows in a minute), ten looking.
    for (let i = 0; i < 10; i++) {
      const reply = await guesser.request(
        'DELETE',
        `/api/v1/reports/follow/WW${10 + i}-ABCD-EFGH-JKMN/contact`,
      );
      expect(reply.status).toBe(404);
      expect(reply.json<ErrorBody>().error.code).toBe('not_found');
    }
    for (let i = 0; i < 10; i++)
      expect((await guesser.get(`/api/v1/reports/follow/WW${20 + i}-ABCD-EFGH-JKMN`)).status).toBe(404);
    // Twenty wrong codes in all: even the right code is refused from this address for the window.
    expect((await guesser.get(`/api/v1/reports/follow/${code}`)).status).toBe(429);
    expect((await visitor('198.51.100.31').get(`/api/v1/reports/follow/${code}`)).json()).toMatchObject({
      contactKept: true,
    });
  });

  it('records a phone report’s consent with the phone as its channel', async () => {
    const reply = await counsellor.post('/api/v1/reports/intake', {
      ...buildReport({ contact: { kind: 'phone', value: '+49 203 5550155', language: 'ro' } }),
      source: 'phone',
    });
    const { id } = reply.json<{ id: string }>();
    expect(await consentsOf(id)).toEqual([
      expect.objectContaining({ purpose: 'reports.counselling', channel: 'phone', withdrawnAt: null }),
    ]);
  });

  it('deletes what happened, the messages and the notes a year after the case closed, and keeps its categories', async () => {
    const code = await send(buildReport({ setting: 'work', description: 'Der Vorarbeiter sagte …' }));
    const id = await newestCaseId();
    await counsellor.post(`/api/v1/reports/${id}/messages`, { body: 'Frage der Beratung' });
    await counsellor.post(`/api/v1/reports/${id}/notes`, { body: 'Notiz der Beratung' });
    await counsellor.request('PATCH', `/api/v1/reports/${id}`, { body: { status: 'closed' } });
    const handler = reportsRetention['reports.texts'];
    expect(handler).toBeDefined();
    await handler?.(later(364), rule(365));
    const kept = (await counsellor.get(`/api/v1/reports/${id}`)).json<
      Case & { description: string | null }
    >();
    expect(kept).toMatchObject({ description: 'Der Vorarbeiter sagte …' });
    expect(kept.notes).toHaveLength(1);
    expect(await handler?.(later(366), rule(365))).toBeGreaterThanOrEqual(3);
    const gone = (await counsellor.get(`/api/v1/reports/${id}`)).json<
      Case & { description: string | null; setting: string }
    >();
    expect(gone).toMatchObject({
      description: null,
      setting: 'work',
      status: 'closed',
      messages: [],
      notes: [],
    });
    const follow = (await visitor('192.0.2.90').get(`/api/v1/reports/follow/${code}`)).json<Follow>();
    expect(follow).toMatchObject({ status: 'closed', messages: [] });
  });

  it('exports the messages and notes a counsellor wrote; erasure gives their cases back and keeps the messages', async () => {
    const leaving = await signInStaff({ services, login } as unknown as TestApp, {
      role: 'caseworker',
      organisationId: DEMO_ADVICE_CENTRE,
      kind: 'advice',
    });
    const leavingId = await idOf(leaving);
    const code = await send(buildReport({ setting: 'health' }));
    const id = await newestCaseId();
    await leaving.request('PATCH', `/api/v1/reports/${id}`, { body: { assignedTo: leavingId } });
    await leaving.post(`/api/v1/reports/${id}/messages`, { body: 'Sollen wir die Praxis anschreiben?' });
    await leaving.post(`/api/v1/reports/${id}/notes`, { body: 'Rückruf am Montag.' });

    const admin = await login('admin@demo.lotse.example');
    const exported = await admin.get(`/api/v1/people/${leavingId}/export`);
    expect(exported.status, exported.body).toBe(200);
    expect(exported.json()).toMatchObject({
      reportMessagesWritten: [expect.objectContaining({ body: 'Sollen wir die Praxis anschreiben?' })],
      reportNotesWritten: [expect.objectContaining({ body: 'Rückruf am Montag.' })],
      reportCasesAssigned: 1,
    });
    expect(exported.body).not.toContain(id);

    expect((await admin.post(`/api/v1/people/${leavingId}/erase`, {})).status).toBe(204);
    expect((await counsellor.get(`/api/v1/reports/${id}`)).json<Case>().assignedTo).toBeNull();
    const follow = (await visitor('192.0.2.91').get(`/api/v1/reports/follow/${code}`)).json<Follow>();
    expect(follow.messages.map((m) => m.body)).toEqual(['Sollen wir die Praxis anschreiben?']);
  });
});

describe('statistics', () => {
  it('count a report with several grounds in each, and show counts from 1 to 4 as "<5", also in CSV', async () => {
    services.clock.set(new Date('2031-03-10T10:00:00Z'));
    const reporter = visitor('192.0.2.70');
    for (let i = 0; i < 6; i++)
      await send(buildReport({ when: { date: '2031-03-01' }, grounds: ['racism', 'religion'] }), reporter);
    await send(
      buildReport({
        when: { about: 'letzten Winter' },
        grounds: ['disability'],
        violence: true,
        extremist: ['symbols'],
      }),
      reporter,
    );
    const reply = await visitor().get('/api/v1/reports/statistics?year=2031');
    expect(reply.status, reply.body).toBe(200);
    const figures = reply.json<
      Record<string, { key: string; count: number | string }[]> & { total: number }
    >();
    const count = (part: string, key: string) => figures[part]?.find((b) => b.key === key)?.count;
    expect(figures.total).toBe(7);
    expect(count('grounds', 'racism')).toBe(6);
    expect(count('grounds', 'religion')).toBe(6);
    expect(count('grounds', 'disability')).toBe('<5');
    expect(count('grounds', 'age')).toBe(0);
    expect(count('violence', 'yes')).toBe('<5');
    expect(count('violence', 'no')).toBe(6);
    expect(count('extremist', 'yes')).toBe('<5');
    expect(count('districts', 'mitte')).toBe(7);
    expect(count('quarters', 'Q1')).toBe(7);
    const csv = (await visitor().get('/api/v1/reports/statistics.csv?year=2031')).body;
    expect(csv.split('\r\n')[0]).toBe('\uFEFFyear,quarter,category,key,count');
    expect(csv).toContain('2031,,grounds,disability,<5');
    expect(csv).toContain('2031,,grounds,racism,6');
    expect(csv).not.toMatch(/,[1-4]\r\n/);
    const empty = (await visitor().get('/api/v1/reports/statistics?year=2030')).json<{ total: number }>();
    expect(empty.total).toBe(0);
  });

  it('are published for one quarter too, with the same categories and "<5", also in CSV', async () => {
    // The reports of the test before came in during the first quarter of 2031.
    const first = (await visitor().get('/api/v1/reports/statistics?year=2031&quarter=1')).json<
      Record<string, { key: string; count: number | string }[]> & { total: number; quarter: number }
    >();
    expect(first).toMatchObject({ year: 2031, quarter: 1, total: 7 });
    expect(first.quarters).toEqual([{ key: 'Q1', count: 7 }]);
    expect(first.grounds?.find((b) => b.key === 'disability')?.count).toBe('<5');
    expect(first.settings?.find((b) => b.key === 'housing')?.count).toBe(7);
    const second = (await visitor().get('/api/v1/reports/statistics?year=2031&quarter=2')).json<{
      total: number;
    }>();
    expect(second.total).toBe(0);
    const csv = (await visitor().get('/api/v1/reports/statistics.csv?year=2031&quarter=1')).body;
    expect(csv).toContain('2031,1,total,all,7');
    expect(csv).toContain('2031,1,grounds,disability,<5');
    expect(csv).not.toMatch(/,[1-4]\r\n/);
    const wrong = await visitor().get('/api/v1/reports/statistics?year=2031&quarter=5');
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorBody>().error.field).toBe('query.quarter');
  });
});
