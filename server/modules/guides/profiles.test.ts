/**
 * Profiles and onboarding: a guide edits their own profile; coordinators read (audited) and edit all, record
 * onboarding steps; a reminder goes out 30 days before a step expires, once; retention and personal data.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { DEMO_PASSWORD } from '../../../test/config.ts';
import { hashPassword } from '../../core/passwords.ts';
import { auditLog } from '../../core/core.tables.ts';
import { users } from '../platform/platform.tables.ts';
import { buildGuideProfile } from './guides.factories.ts';
import { guideRequests } from './guides.tables.ts';
import { addGuide, at, book, MONDAY, outboxFor } from './guides.testkit.ts';
import { guidesPersonalData, guidesRetention } from './privacy.ts';

let t: TestApp;
let coordinator: Client;
const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, { body });

type Profile = {
  userId: string;
  languages: { code: string }[];
  privatePhone: string | null;
  onboarding: { step: string; status: string; expiresOn: string | null }[];
  matchable: boolean;
};

beforeAll(async () => {
  t = await createTestApp();
  t.services.clock.set(MONDAY);
  coordinator = await t.login('coordinator');
});
afterAll(() => t?.close());

describe('a guide’s own profile', () => {
  it('is read and edited by the guide, with districts checked against the city', async () => {
    const guide = await addGuide(t, { name: 'Nadia Own' });
    const client = await t.login(guide.email);
    const mine = (await client.get('/api/v1/guides/me/profile')).json<Profile>();
    expect(mine).toMatchObject({ userId: guide.id, matchable: true, privatePhone: '+49 203 555 0100' });
    const edited = await put(
      client,
      '/api/v1/guides/me/profile',
      buildGuideProfile({
        languages: [
          { code: 'ara', level: 'native', dialect: 'iraqi' },
          { code: 'kmr', level: 'fluent', dialect: null },
        ],
        districts: ['hamborn', 'walsum'],
        exceptions: [{ from: '2031-07-01', to: '2031-07-21', note: 'Urlaub' }],
      }),
    );
    expect(edited.status, edited.body).toBe(200);
    expect(edited.json<Profile>().languages.map((l) => l.code)).toEqual(['ara', 'kmr']);
    const unknown = await put(
      client,
      '/api/v1/guides/me/profile',
      buildGuideProfile({ districts: ['atlantis'] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe('body.districts.0');
    const badSlot = await put(
      client,
      '/api/v1/guides/me/profile',
      buildGuideProfile({ weekly: [{ weekday: 1, from: '18:00', to: '08:00' }] }),
    );
    expect(badSlot.status).toBe(400);
    expect(badSlot.json<{ error: { field: string } }>().error.field).toMatch(/^body\.weekly/);
  });

  it('is missing for a guide account without a profile, with a clear code', async () => {
    const email = `no-profile-${Date.now()}@example.org`;
    await t.services.database.db.insert(users).values({
      email,
      displayName: 'Noch Ohne Profil',
      role: 'guide',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    const reply = await (await t.login(email)).get('/api/v1/guides/me/profile');
    expect(reply.status).toBe(409);
    expect(reply.json<{ error: { code: string } }>().error.code).toBe('guides.no_profile');
  });
});

describe('coordinators and onboarding', () => {
  it('reads a guide’s profile with private contacts, and the read is audited', async () => {
    const guide = await addGuide(t, { name: 'Audited Read', privatePhone: '+49 203 999' });
    const reply = await coordinator.get(`/api/v1/guides/profiles/${guide.id}`);
    expect(reply.json<Profile>().privatePhone).toBe('+49 203 999');
    const reads = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityId, guide.id)));
    expect(reads).toHaveLength(1);
  });

  it('records an onboarding step; a guide with an expired or missing required step is not matchable', async () => {
    const guide = await addGuide(t, { steps: { police_clearance: null } });
    let profile = (await coordinator.get(`/api/v1/guides/profiles/${guide.id}`)).json<Profile>();
    expect(profile.matchable).toBe(false);
    expect(profile.onboarding.find((s) => s.step === 'police_clearance')?.status).toBe('missing');
    const set = await put(coordinator, `/api/v1/guides/profiles/${guide.id}/onboarding/police_clearance`, {
      completedOn: '2031-02-01',
      expiresOn: '2031-03-20',
    });
    expect(set.status, set.body).toBe(200);
    profile = set.json<Profile>();
    expect(profile.matchable).toBe(true);
    expect(profile.onboarding.find((s) => s.step === 'police_clearance')?.status).toBe('expiring');
    const list = (await coordinator.get('/api/v1/guides/profiles?matchable=false')).json<{
      items: { userId: string }[];
    }>();
    expect(list.items.map((i) => i.userId)).not.toContain(guide.id);
    const bad = await put(coordinator, `/api/v1/guides/profiles/${guide.id}/onboarding/police_clearance`, {
      completedOn: '2031-02-01',
      expiresOn: '2030-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('body.expiresOn');
  });

  it('creates a profile only for an account with role guide', async () => {
    const residentId = (await (await t.login('resident')).get('/api/v1/me')).json<{ user: { id: string } }>()
      .user.id;
    const reply = await coordinator.post('/api/v1/guides/profiles', {
      ...buildGuideProfile(),
      userId: residentId,
      kind: 'mediator',
    });
    expect(reply.status).toBe(400);
    expect(reply.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'guides.not_a_guide',
      field: 'body.userId',
    });
  });

  it('reminds a guide 30 days before a step expires, once per step and expiry', async () => {
    const guide = await addGuide(t, {
      name: 'Expiring Soon',
      locale: 'tr',
      steps: { training: { expiresOn: '2031-04-01' } },
    });
    const run = async () => {
      await t.services.jobRunner.runSoon('guides.onboarding_reminders');
      await t.services.jobRunner.tick();
    };
    t.services.clock.set(new Date('2031-02-25T08:00:00Z'));
    await run();
    expect(await outboxFor(t, guide.email)).toHaveLength(0);
    t.services.clock.set(new Date('2031-03-03T08:00:00Z'));
    await run();
    await run();
    const mails = await outboxFor(t, guide.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Lotse: „Temel eğitim“ 1 Nisan 2031 tarihinde sona eriyor');
    // A renewed certificate with a new expiry gets its own reminder in time.
    await put(coordinator, `/api/v1/guides/profiles/${guide.id}/onboarding/training`, {
      completedOn: '2031-03-03',
      expiresOn: '2031-03-30',
    });
    await run();
    expect(await outboxFor(t, guide.email)).toHaveLength(2);
    t.services.clock.set(MONDAY);
  });
});

describe('the demo pool', () => {
  it('has the demo guide (Arabic and Romanian, Hamborn and Mitte) and about 40 invented guides', async () => {
    const list = (await coordinator.get('/api/v1/guides/profiles')).json<{
      items: { displayName: string; languages: string[]; districts: string[] }[];
    }>();
    expect(list.items.length).toBeGreaterThanOrEqual(41);
    expect(list.items.find((g) => g.displayName === 'Mihaela Dumitrescu')).toMatchObject({
      languages: ['ara', 'ron'],
      districts: ['hamborn', 'mitte'],
    });
    const languages = new Set(list.items.flatMap((g) => g.languages));
    for (const code of t.services.city.profile.guideLanguages) expect(languages).toContain(code);
    const districts = new Set(list.items.flatMap((g) => g.districts));
    expect(districts.size).toBe(t.services.city.districts.length);
  });
});

describe('retention and personal data', () => {
  it('erases newcomers’ personal fields 90 days after the appointment', async () => {
    const caseworker = await t.login('caseworker');
    const { id } = await book(caseworker, at(1, '10:00'), { language: 'tir', caseRef: 'FAM-9' });
    const ctx = { ...systemContext(t.services), now: new Date(at(1, '11:00').getTime() + 91 * 86_400_000) };
    const rule = t.services.city.profile.retention['guides.requests'];
    expect(rule).toMatchObject({ days: 90 });
    expect(await guidesRetention['guides.requests']?.(ctx, rule as never)).toBeGreaterThanOrEqual(1);
    const [row] = await t.services.database.db.select().from(guideRequests).where(eq(guideRequests.id, id));
    expect(row).toMatchObject({
      newcomerFirstName: null,
      contactOnDay: null,
      caseRef: null,
      placeAddress: null,
    });
    expect(row?.language).toBe('tir');
  });

  it('exports and erases what the module holds about a guide', async () => {
    const guide = await addGuide(t, { privatePhone: '+49 203 4242' });
    const ctx = systemContext(t.services);
    const exported = await guidesPersonalData.export(ctx, guide.id);
    expect(exported.guideProfile).toMatchObject({ privatePhone: '+49 203 4242' });
    await guidesPersonalData.erase(ctx, guide.id);
    const after = (await coordinator.get(`/api/v1/guides/profiles/${guide.id}`)).json<Profile>();
    expect(after).toMatchObject({ privatePhone: null, matchable: false, languages: [] });
  });
});
