/**
 * Requests: institutions book for their organisation and see only its requests and the guide's first name;
 * the public form answers with an unguessable code that shows state, date and language only; caseworkers ask
 * on a newcomer's behalf; cancellation (late or not), no-show, bad input.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { buildRequest } from './guides.factories.ts';
import { addGuide, at, book, MONDAY, type TestGuide } from './guides.testkit.ts';

let t: TestApp;
let institution: Client;
let coordinator: Client;
let caseworker: Client;
let guide: TestGuide;

type RequestReply = {
  id: string;
  state: string;
  organisationId: string | null;
  source: string;
  lateCancellation: boolean;
  noShowBy: string | null;
  guide: { firstName: string; languages: string[] } | null;
  events: { toState: string; reason: string | null; actorRole: string }[];
};

beforeAll(async () => {
  t = await createTestApp();
  t.services.clock.set(MONDAY);
  institution = await t.login('institution');
  coordinator = await t.login('coordinator');
  caseworker = await t.login('caseworker');
  guide = await addGuide(t, {
    name: 'Meron Tesfaye',
    languages: [{ code: 'tir', level: 'native', dialect: null }],
    privatePhone: '+49 170 1234567',
    privateEmail: 'meron.privat@example.org',
  });
});
afterAll(() => t?.close());

describe('an institution’s booking', () => {
  let requestId: string;

  it('is made for the institution’s own organisation, and another’s is refused', async () => {
    requestId = (await book(institution, at(1, '10:00'), { language: 'tir' })).id;
    const reply = await institution.get(`/api/v1/guides/requests/${requestId}`);
    expect(reply.json<RequestReply>()).toMatchObject({
      organisationId: 'schwerpunktambulanz',
      source: 'institution',
      state: 'open',
    });
    const foreign = await institution.post(
      '/api/v1/guides/requests',
      buildRequest(at(1, '11:00'), { language: 'tir', organisationId: 'jobcenter' }),
    );
    expect(foreign.status).toBe(403);
    const other = await book(coordinator, at(1, '12:00'), { language: 'tir', organisationId: 'jobcenter' });
    expect((await institution.get(`/api/v1/guides/requests/${other.id}`)).status).toBe(403);
    const list = (await institution.get('/api/v1/guides/requests')).json<{ items: { id: string }[] }>();
    expect(list.items.map((r) => r.id)).toContain(requestId);
    expect(list.items.map((r) => r.id)).not.toContain(other.id);
  });

  it('shows the confirmed guide’s first name and languages, never their private contacts', async () => {
    const assigned = await coordinator.post(`/api/v1/guides/requests/${requestId}/assign`, {
      guideId: guide.id,
    });
    expect(assigned.status, assigned.body).toBe(200);
    const one = await institution.get(`/api/v1/guides/requests/${requestId}`);
    expect(one.json<RequestReply>()).toMatchObject({
      state: 'confirmed',
      guide: { firstName: 'Meron', languages: ['tir'] },
    });
    const list = await institution.get('/api/v1/guides/requests');
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain('Tesfaye');
      expect(body).not.toContain('1234567');
      expect(body).not.toContain('meron.privat@example.org');
      expect(body).not.toContain(guide.email);
      expect(body).not.toContain(guide.id);
    }
    const feed = await institution.post('/api/v1/guides/organisation/feed');
    expect(feed.status).toBe(201);
    const calendar = await t.client().get(new URL(feed.json<{ url: string }>().url).pathname);
    expect(calendar.status).toBe(200);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.body).toContain('Meron');
    expect(calendar.body).not.toContain('Tesfaye');
    expect(calendar.body).not.toContain('1234567');
  });

  it('records a cancellation less than 24 hours before the start as late, and frees the guide', async () => {
    t.services.clock.set(new Date(at(1, '10:00').getTime() - 3 * 3_600_000));
    const client = await t.login('institution');
    const reply = await client.post(`/api/v1/guides/requests/${requestId}/cancel`);
    expect(reply.status, reply.body).toBe(200);
    const cancelled = reply.json<RequestReply>();
    expect(cancelled).toMatchObject({ state: 'cancelled', lateCancellation: true, guide: null });
    expect(cancelled.events.at(-1)).toMatchObject({
      toState: 'cancelled',
      reason: 'late',
      actorRole: 'institution',
    });
    const again = await client.post(`/api/v1/guides/requests/${requestId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('guides.request_not_open');
    t.services.clock.set(MONDAY);
  });

  it('records a no-show by the guide’s own report', async () => {
    institution = await t.login('institution');
    const { id } = await book(institution, at(2, '09:00'), { language: 'tir' });
    await coordinator.post(`/api/v1/guides/requests/${id}/assign`, { guideId: guide.id });
    const guideClient = await t.login(guide.email);
    const early = await guideClient.post(`/api/v1/guides/requests/${id}/no-show`, { who: 'newcomer' });
    expect(early.status).toBe(409);
    t.services.clock.set(at(2, '09:45'));
    const later = await t.login(guide.email);
    expect((await later.post(`/api/v1/guides/requests/${id}/no-show`, { who: 'newcomer' })).status).toBe(204);
    const seen = (
      await (await t.login('institution')).get(`/api/v1/guides/requests/${id}`)
    ).json<RequestReply>();
    expect(seen).toMatchObject({ state: 'no_show', noShowBy: 'newcomer' });
    t.services.clock.set(MONDAY);
    institution = await t.login('institution');
    coordinator = await t.login('coordinator');
  });
});

describe('the public request form', () => {
  const form = {
    language: 'ti',
    start: at(3, '10:00').toISOString(),
    durationMinutes: 90,
    place: { address: 'Kaiser-Wilhelm-Straße 280, 47169 Duisburg', ortsteilId: 'marxloh' },
    topic: 'housing',
    newcomerFirstName: 'Saba',
    contactOnDay: '+49 176 5550001',
    notes: 'Termin beim Vermieter',
  };

  it('answers with an unguessable code that shows only state, date and language', async () => {
    const reply = await t.client('ar').post('/api/v1/guides/public/requests', form);
    expect(reply.status, reply.body).toBe(201);
    const { code, url } = reply.json<{ code: string; url: string }>();
    // Read aloud: three groups of four, upper case, no look-alikes (0/O, 1/I/L, U/V).
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(url).toContain(code);
    const follow = await t.client().get(`/api/v1/guides/public/requests/${code}`);
    expect(follow.status).toBe(200);
    expect(follow.json()).toEqual({
      code,
      state: 'open',
      date: '2031-03-06',
      start: form.start,
      language: 'ti',
    });
    expect(follow.body).not.toContain('Saba');
    expect(follow.body).not.toContain('5550001');
    // Typed back in any case, with spaces or without dashes, it finds the request; one character off, nothing.
    for (const typed of [code.toLowerCase(), code.replace(/-/g, ''), code.replace(/-/g, ' ')]) {
      const again = await t.client().get(`/api/v1/guides/public/requests/${encodeURIComponent(typed)}`);
      expect(again.json(), typed).toMatchObject({ code, state: 'open' });
    }
    const wrong = `${code.slice(0, 13)}${code.endsWith('A') ? 'B' : 'A'}`;
    expect((await t.client().get(`/api/v1/guides/public/requests/${wrong}`)).status).toBe(404);
    // Coordinators see it in the district of the Ortsteil, from the public.
    const list = (await coordinator.get('/api/v1/guides/requests?from=2031-03-06&to=2031-03-06')).json<{
      items: { code: string; source: string; place: { districtId: string | null } }[];
    }>();
    expect(list.items.find((r) => r.code === code)).toMatchObject({
      source: 'public',
      place: { districtId: 'hamborn' },
    });
    // The newcomer can cancel with the code.
    const cancel = await t.client().post(`/api/v1/guides/public/requests/${code}/cancel`);
    expect(cancel.json()).toMatchObject({ state: 'cancelled' });
  });

  it('still finds a request by a mixed-case code given out before codes were grouped, in any case', async () => {
    const reply = await t.client().post('/api/v1/guides/public/requests', {
      ...form,
      start: at(3, '14:00').toISOString(),
    });
    expect(reply.status, reply.body).toBe(201);
    const old = 'aZ7kPq3mXr9T';
    await t.services.database.db.execute(
      sql`update guide_requests set code = ${old} where code = ${reply.json<{ code: string }>().code}`,
    );
    for (const typed of [old, old.toUpperCase(), old.toLowerCase(), 'az7k-pq3m-xr9t']) {
      const follow = await t.client().get(`/api/v1/guides/public/requests/${typed}`);
      expect(follow.status, typed).toBe(200);
      expect(follow.json<{ start: string }>().start).toBe(at(3, '14:00').toISOString());
    }
    const cancel = await t.client().post('/api/v1/guides/public/requests/AZ7K-PQ3M-XR9T/cancel');
    expect(cancel.json()).toMatchObject({ state: 'cancelled' });
  });

  it('takes a dialect from the list of the language, and refuses one of another language', async () => {
    // The public form's one Levantine request; the wrong ones go through the clinic's form (the public one is
    // rate-limited per address).
    const levantine = await t.client('ar').post('/api/v1/guides/public/requests', {
      ...form,
      language: 'ara',
      dialect: 'levantine',
      start: at(3, '15:00').toISOString(),
    });
    expect(levantine.status, levantine.body).toBe(201);
    for (const [language, dialect] of [
      ['ara', 'kurmanji'],
      ['tur', 'levantine'],
      ['ara', 'شامي'],
    ] as const) {
      const reply = await institution.post(
        '/api/v1/guides/requests',
        buildRequest(at(3, '15:00'), { language, dialect }),
      );
      expect(reply.status, `${language} ${dialect}: ${reply.body}`).toBe(400);
      expect(reply.json<{ error: { field: string } }>().error).toMatchObject({ field: 'body.dialect' });
    }
  });

  it('refuses bad input with the field named, in the caller’s language', async () => {
    const cases: [unknown, string][] = [
      [{ ...form, start: 'tomorrow' }, 'body.start'],
      [{ ...form, start: '2020-01-01T10:00:00+01:00' }, 'body.start'],
      [{ ...form, durationMinutes: 5 }, 'body.durationMinutes'],
      [{ ...form, topic: 'shopping' }, 'body.topic'],
      [{ ...form, place: { address: 'Irgendwo 1' } }, 'body.place.ortsteilId'],
      [{ ...form, place: { address: 'Irgendwo 1', ortsteilId: 'atlantis' } }, 'body.place.ortsteilId'],
      [{ ...form, organisationId: 'jobcenter' }, 'body.organisationId'],
    ];
    for (const [body, field] of cases) {
      const reply = await t.client('en').post('/api/v1/guides/public/requests', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      const error = reply.json<{ error: { field: string; message: string } }>().error;
      expect(error.field).toBe(field);
      expect(error.message).not.toMatch(/Feld/);
    }
  });
});

describe('a caseworker asking on a newcomer’s behalf', () => {
  it('creates the request for the KI, with a family reference the coordinators see', async () => {
    const { id } = await book(caseworker, at(4, '09:00'), { language: 'tir', caseRef: 'FAM-2031-17' });
    const reply = (await caseworker.get(`/api/v1/guides/requests/${id}`)).json<
      RequestReply & { caseRef: string }
    >();
    expect(reply).toMatchObject({
      source: 'caseworker',
      organisationId: 'ki-duisburg',
      caseRef: 'FAM-2031-17',
    });
    expect((await institution.get(`/api/v1/guides/requests/${id}`)).status).toBe(403);
  });
});

describe('the requests list', () => {
  type Page = {
    items: { id: string; organisationId: string | null }[];
    total: number;
    page: number;
    perPage: number;
  };
  const list = async (client: Client, query = '') =>
    (await client.get(`/api/v1/guides/requests${query}`)).json<Page>();
  let clinicA: Client;
  let clinicB: Client;
  const own: { a: string[]; b: string[] } = { a: [], b: [] };

  beforeAll(async () => {
    clinicA = await signInStaff(t, { role: 'institution', organisationId: 'test-praxis-a', kind: 'clinic' });
    clinicB = await signInStaff(t, { role: 'institution', organisationId: 'test-praxis-b', kind: 'clinic' });
    for (const hour of ['08:00', '10:00', '12:00']) own.a.push((await book(clinicA, at(4, hour))).id);
    own.b.push((await book(clinicB, at(4, '14:00'))).id);
  });

  it('shows an organisation its own requests only, and coordinators every organisation’s', async () => {
    expect((await list(clinicA)).items.map((r) => r.id).sort()).toEqual([...own.a].sort());
    expect((await list(clinicB)).items.map((r) => r.id)).toEqual(own.b);
    // The KI's caseworker sees the KI's requests, none of the clinics'.
    const ki = await list(await t.login('caseworker'));
    expect(ki.total).toBeGreaterThan(0);
    expect(ki.items.every((r) => r.organisationId === 'ki-duisburg')).toBe(true);
    const all = (await list(coordinator, '?per_page=200')).items.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([...own.a, ...own.b]));
  });

  it('comes in pages by start: page 2 shows the rest, with the total over all pages', async () => {
    const first = await list(clinicA, '?per_page=2');
    expect(first).toMatchObject({ total: 3, page: 1, perPage: 2 });
    expect(first.items.map((r) => r.id)).toEqual(own.a.slice(0, 2));
    const second = await list(clinicA, '?per_page=2&page=2');
    expect(second).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(second.items.map((r) => r.id)).toEqual(own.a.slice(2));
    expect((await list(clinicA)).perPage).toBe(50);
    const tooMany = await clinicA.get('/api/v1/guides/requests?per_page=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json<{ error: { field: string } }>().error.field).toBe('query.per_page');
  });
});
