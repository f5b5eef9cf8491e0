import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rows } from './db.ts';

// A newcomer whose answer got lost sends the same form again with the same Idempotency-Key: the server answers
// the first result again and creates nothing new.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.services.clock.set(new Date('2031-03-03T08:00:00Z'));
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await rows<{ n: number }>(t.services.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]
    ?.n;

const guideRequest = {
  language: 'ti',
  start: '2031-03-05T09:00:00.000Z',
  durationMinutes: 90,
  place: { address: 'Kaiser-Wilhelm-Straße 280, 47169 Duisburg', ortsteilId: 'marxloh' },
  topic: 'housing',
  newcomerFirstName: 'Saba',
  contactOnDay: '+49 176 5550001',
  notes: 'Termin beim Vermieter',
};

const registration = {
  contact: { guardianName: 'Oksana Zhuravska', email: null, phone: '+49 203 555 7788', letterLanguage: 'uk' },
  children: [
    {
      givenName: 'Taras',
      familyName: 'Zhuravska',
      birthDate: '2014-03-02',
      languages: ['ukr'],
      schoolYears: 4,
      lastGrade: 4,
      literateLatin: true,
      arrivalDate: '2026-01-15',
      address: { street: 'Wanheimer Straße 5', postcode: '47053', ortsteilId: 'hochfeld' },
      specialNeeds: null,
      preferredSchoolId: null,
    },
  ],
  consents: { counselling: true, shareWithSchool: false },
};

const key = (name: string) => ({ headers: { 'idempotency-key': `${name}-7f3c9a51-2b8e-4d1a` } });

describe('a public form sent twice with the same Idempotency-Key', () => {
  it('asks for a Lotse once and answers the same follow code again', async () => {
    const before = await count('guide_requests');
    const first = await t.client('ar').post('/api/v1/guides/public/requests', guideRequest, key('guides'));
    expect(first.status, first.body).toBe(201);
    // The answer got lost; the browser sends the same form again (a new page, so a new CSRF cookie too).
    const again = await t.client('ar').post('/api/v1/guides/public/requests', guideRequest, key('guides'));
    expect(again.status).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count('guide_requests')).toBe((before ?? 0) + 1);
    // Without a key, two sendings are two requests, as before.
    await t.client().post('/api/v1/guides/public/requests', guideRequest);
    expect(await count('guide_requests')).toBe((before ?? 0) + 2);
  });

  it('registers the children once and answers the same confirmation code again', async () => {
    const before = await count('schooling_children');
    const first = await t.client('uk').post('/api/v1/schooling/registrations', registration, key('school'));
    expect(first.status, first.body).toBe(201);
    const again = await t.client('uk').post('/api/v1/schooling/registrations', registration, key('school'));
    expect(again.status).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count('schooling_children')).toBe((before ?? 0) + 1);
  });

  it('records feedback on an offer once', async () => {
    const before = await count('service_feedback');
    const offers = await t.client().get('/api/v1/directory/services');
    const [offer] = offers.json<{ items: { slug: string }[] }>().items;
    const url = `/api/v1/directory/services/${offer?.slug}/feedback`;
    const body = { kind: 'wrong', comment: 'Die Zeiten stimmen nicht.' };
    expect((await t.client().post(url, body, key('feedback'))).status).toBe(201);
    expect((await t.client().post(url, body, key('feedback'))).status).toBe(201);
    expect(await count('service_feedback')).toBe((before ?? 0) + 1);
  });

  it('refuses the same key with another form with 422 naming the header, in the caller’s language', async () => {
    const first = await t.client().post('/api/v1/guides/public/requests', guideRequest, key('changed'));
    expect(first.status).toBe(201);
    const changed = await t
      .client('en')
      .post('/api/v1/guides/public/requests', { ...guideRequest, notes: 'Anderer Termin' }, key('changed'));
    expect(changed.status).toBe(422);
    const error = changed.json<{ error: { code: string; field: string; message: string } }>().error;
    expect(error).toMatchObject({ code: 'idempotency.key_reused', field: 'headers.idempotency-key' });
    expect(error.message).not.toMatch(/Bitte/);
    const malformed = await t
      .client()
      .post('/api/v1/guides/public/requests', guideRequest, { headers: { 'idempotency-key': 'x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json<{ error: { field: string } }>().error.field).toBe('headers.idempotency-key');
  });

  it('forgets a key after 24 hours through the retention job', async () => {
    const first = await t.client().post('/api/v1/guides/public/requests', guideRequest, key('expiring'));
    expect(first.status).toBe(201);
    t.services.clock.set(new Date('2031-03-04T08:30:00Z'));
    await t.services.jobRunner.runSoon('retention.daily');
    expect(await t.services.jobRunner.tick()).toContain('retention.daily');
    const later = await t
      .client()
      .post(
        '/api/v1/guides/public/requests',
        { ...guideRequest, start: '2031-03-06T09:00:00.000Z' },
        key('expiring'),
      );
    expect(later.status, later.body).toBe(201);
    expect(later.json<{ code: string }>().code).not.toBe(first.json<{ code: string }>().code);
  });
});
