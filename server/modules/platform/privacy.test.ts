import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../../test/config.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { outbox } from '../../core/core.tables.ts';
import { systemContext } from '../../core/context.ts';
import { createJobRunner } from '../../core/jobs.ts';
import { requireConsent } from './index.ts';
import { auditLog } from '../../core/core.tables.ts';
import { buildIntake } from '../schooling/schooling.factories.ts';
import { consents, sessions, users } from './platform.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type ErrorBody = { error: { code: string; message: string; field?: string } };
const DAY = 86_400_000;

async function userId(role: string): Promise<string> {
  const [row] = await t.services.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail(role)));
  return row?.id ?? '';
}

describe('audit log', () => {
  it('cannot be changed, deleted or truncated, even with direct database access by the app', async () => {
    const db = t.services.database.db;
    await db.insert(auditLog).values({ actorRole: 'system', action: 'test.entry' });
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('records a staff member reading a person’s consents, with who, what and from where', async () => {
    const caseworker = await t.login('caseworker');
    const residentId = await userId('resident');
    expect((await caseworker.get(`/api/v1/consents?subjectType=user&subjectId=${residentId}`)).status).toBe(
      200,
    );
    const admin = await t.login('admin');
    const search = await admin.get(`/api/v1/admin/audit?action=read&entityId=${residentId}`);
    const entries = search.json<{ items: { actorRole: string; entityType: string; ip: string }[] }>().items;
    expect(entries[0]).toMatchObject({
      actorRole: 'caseworker',
      entityType: 'consents.user',
      ip: '127.0.0.1',
    });
  });
});

describe('consent', () => {
  it('has a purpose and an expiry; a step that needs it refuses without, after withdrawal and after expiry', async () => {
    const caseworker = await t.login('caseworker');
    const subject = {
      subjectType: 'child' as const,
      subjectId: 'child-1',
      purpose: 'schooling.share_with_school',
    };
    const ctx = () => systemContext(t.services);
    await expect(requireConsent(ctx(), subject)).rejects.toMatchObject({ code: 'consent.required' });

    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    const given = await caseworker.post('/api/v1/consents', {
      ...subject,
      dataCategories: ['school_history'],
      expiresAt,
      channel: 'on_paper',
    });
    expect(given.status).toBe(201);
    await expect(requireConsent(ctx(), subject)).resolves.toBeUndefined();
    await expect(
      requireConsent({ ...ctx(), now: new Date(Date.now() + 31 * DAY) }, subject),
    ).rejects.toMatchObject({
      code: 'consent.required',
    });

    const withdrawn = await caseworker.post(`/api/v1/consents/${given.json<{ id: string }>().id}/withdraw`);
    expect(withdrawn.json<{ valid: boolean }>().valid).toBe(false);
    await expect(requireConsent(ctx(), subject)).rejects.toMatchObject({ code: 'consent.required' });
  });

  it('refuses an expiry in the past, naming the field, in the caller’s language', async () => {
    const caseworker = await t.login('caseworker');
    const body = {
      subjectType: 'child',
      subjectId: 'c',
      purpose: 'schooling.counselling',
      dataCategories: ['x1'],
      expiresAt: '2001-01-01T00:00:00Z',
    };
    const german = await caseworker.post('/api/v1/consents', body);
    expect(german.status).toBe(400);
    expect(german.json<ErrorBody>().error.field).toBe('body.expiresAt');
    const arabic = await caseworker.post(
      '/api/v1/consents',
      { ...body, expiresAt: 'tomorrow' },
      { headers: { 'accept-language': 'ar' } },
    );
    expect(arabic.status).toBe(400);
    expect(arabic.json<ErrorBody>().error.field).toBe('body.expiresAt');
    expect(arabic.json<ErrorBody>().error.message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('who may give a consent', () => {
  const share = () => ({
    subjectType: 'child',
    subjectId: 'child-of-a-family',
    purpose: 'schooling.share_with_school',
    dataCategories: ['school_history'],
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    channel: 'in_person',
  });

  it('refuses coordinators and admins: they cannot consent for a family', async () => {
    for (const role of ['coordinator', 'admin', 'institution', 'guide'] as const) {
      const client = await t.login(role);
      expect((await client.post('/api/v1/consents', share())).status, role).toBe(403);
    }
    const ctx = systemContext(t.services);
    await expect(
      requireConsent(ctx, {
        subjectType: 'child',
        subjectId: 'child-of-a-family',
        purpose: 'schooling.share_with_school',
      }),
    ).rejects.toMatchObject({ code: 'consent.required' });
  });

  it('lets the counselling KI caseworker record it, with the channel it was given by', async () => {
    const caseworker = await t.login('caseworker');
    const { channel: _channel, ...withoutChannel } = share();
    const missing = await caseworker.post('/api/v1/consents', withoutChannel);
    expect(missing.status).toBe(400);
    expect(missing.json<ErrorBody>().error.field).toBe('body.channel');
    const recorded = await caseworker.post('/api/v1/consents', share());
    expect(recorded.status).toBe(201);
    expect(recorded.json<{ channel: string }>().channel).toBe('in_person');
  });

  it('lets a person give their own consent, recorded as given by themself', async () => {
    const resident = await t.login('resident');
    const residentId = await userId('resident');
    const own = await resident.post('/api/v1/consents', {
      subjectType: 'user',
      subjectId: residentId,
      purpose: 'platform.reminders',
      dataCategories: ['contact'],
      expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    expect(own.status).toBe(201);
    expect(own.json<{ channel: string }>().channel).toBe('self');
  });
});

describe('retention', () => {
  it('the daily job deletes or anonymises what is due and writes a summary to the audit log', async () => {
    const db = t.services.database.db;
    const now = Date.now();
    const residentId = await userId('resident');
    const guideId = await userId('guide');
    await db.insert(sessions).values({
      id: 'old-session',
      userId: guideId,
      createdAt: new Date(now - 40 * DAY),
      expiresAt: new Date(now - 39 * DAY),
    });
    await db.insert(outbox).values({
      toAddress: 'a@example.org',
      subject: 's',
      textBody: 'b',
      status: 'sent',
      createdAt: new Date(now - 100 * DAY),
    });
    await db.insert(consents).values({
      subjectType: 'child',
      subjectId: 'old',
      purpose: 'schooling.counselling',
      dataCategories: ['x'],
      givenAt: new Date(now - 800 * DAY),
      expiresAt: new Date(now - 400 * DAY),
    });
    await db
      .update(users)
      .set({ createdAt: new Date(now - 800 * DAY), lastLoginAt: new Date(now - 800 * DAY) })
      .where(eq(users.id, residentId));

    await t.services.jobRunner.runSoon('retention.daily');
    expect(await t.services.jobRunner.tick()).toContain('retention.daily');

    expect(await db.select().from(sessions).where(eq(sessions.id, 'old-session'))).toEqual([]);
    expect(await db.select().from(consents).where(eq(consents.subjectId, 'old'))).toEqual([]);
    const [resident] = await db.select().from(users).where(eq(users.id, residentId));
    expect(resident?.email).toBe(`erased-${residentId}@invalid`);
    expect(resident?.passwordHash).toBeNull();
    const [summary] = await db.select().from(auditLog).where(eq(auditLog.action, 'retention.run'));
    expect(summary?.details).toMatchObject({
      'platform.sessions': 1,
      'platform.outbox': 1,
      'platform.consents': 1,
      'platform.inactive_accounts': 1,
    });
  });

  it('runs a job once when several app servers poll at the same moment', async () => {
    let runs = 0;
    const job = {
      name: 'test.once',
      intervalSeconds: 3600,
      run: async () => {
        runs++;
        return { runs };
      },
    };
    const servers = [1, 2, 3].map(() => createJobRunner(t.services, [job]));
    const ran = await Promise.all(servers.map((server) => server.tick()));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual(['test.once']);
  });
});

describe('a person’s data on request', () => {
  it('exports everything as JSON, then erases it: the account can no longer sign in', async () => {
    const coordinator = await t.login('coordinator');
    const guideId = await userId('guide');
    await t.login('guide');
    const exported = await coordinator.get(`/api/v1/people/${guideId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.json<{ account: { email: string } }>().account.email).toBe(demoEmail('guide'));
    expect(exported.body).not.toContain('argon2');

    expect((await coordinator.post(`/api/v1/people/${guideId}/erase`)).status).toBe(204);
    await expect(t.login('guide')).rejects.toThrow(/401/);
    const after = await coordinator.get(`/api/v1/people/${guideId}/export`);
    expect(after.body).not.toContain(demoEmail('guide'));
  });

  it('shows what a caseworker did, but not the ids of the children and families they worked on', async () => {
    const caseworker = await t.login('caseworker');
    const created = await caseworker.post(
      '/api/v1/schooling/children',
      buildIntake({ givenName: 'Exporta' }),
    );
    expect(created.status).toBe(201);
    const childId = created.json<{ id: string }>().id;
    const coordinator = await t.login('coordinator');
    const exported = await coordinator.get(`/api/v1/people/${await userId('caseworker')}/export`);
    expect(exported.status).toBe(200);
    expect(exported.json<{ actions: { action: string }[] }>().actions.map((a) => a.action)).toContain(
      'schooling.child.create',
    );
    expect(exported.body).not.toContain(childId);
  });
});
