import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../../test/config.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp.ts';
import { outbox } from '../../core/core.tables.ts';
import { deliverPendingMail } from '../../core/mail.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://lotse.example' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('signing in', () => {
  it('signs in with the right password, with an HttpOnly SameSite=Lax session cookie, and out again', async () => {
    const client = t.client();
    const login = await client.post('/api/v1/auth/login', {
      email: demoEmail('coordinator'),
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.json<{ user: { role: string } }>().user.role).toBe('coordinator');
    const cookie = String(login.headers['set-cookie'])
      .split(/,(?=\s*lotse)/)
      .find((c) => c.includes('lotse_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/api/v1/auth/session')).json()).toEqual({ user: null });
  });

  it('marks the session cookie Secure when PUBLIC_URL is https, even without TRUST_PROXY (like the CSRF cookie)', async () => {
    const login = await t.client().post('/api/v1/auth/login', {
      email: demoEmail('coordinator'),
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const cookies = String(login.headers['set-cookie']).split(/,(?=\s*lotse)/);
    expect(cookies.find((c) => c.includes('lotse_session='))).toMatch(/;\s*Secure/i);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await t
      .client()
      .post('/api/v1/auth/login', { email: demoEmail('guide'), password: 'not-the-password' });
    const unknown = await t
      .client()
      .post('/api/v1/auth/login', { email: 'nobody@example.org', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const reply = await t
      .client()
      .post('/api/v1/auth/login', { email: demoEmail('guide'), password: DEMO_PASSWORD }, { csrf: false });
    expect(reply.status).toBe(403);
    expect(reply.json<{ error: { code: string } }>().error.code).toBe('auth.csrf_invalid');
  });

  it('blocks an account and address after 10 failures in 15 minutes, even with the right password', async () => {
    const client = t.client('en');
    for (let i = 0; i < 10; i++) {
      expect(
        (await client.post('/api/v1/auth/login', { email: demoEmail('association'), password: `wrong-${i}` }))
          .status,
      ).toBe(401);
    }
    const blocked = await client.post('/api/v1/auth/login', {
      email: demoEmail('association'),
      password: DEMO_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json<{ error: { code: string; message: string } }>().error.message).not.toBe('');
    // An unknown account is blocked the same way: no hint whether it exists.
    for (let i = 0; i < 10; i++)
      await client.post('/api/v1/auth/login', { email: 'ghost@example.org', password: `wrong-${i}` });
    expect(
      (await client.post('/api/v1/auth/login', { email: 'ghost@example.org', password: 'x' })).status,
    ).toBe(429);
  });

  it('writes logins and failures to the audit log', async () => {
    const admin = await t.login('admin');
    const entries = (await admin.get('/api/v1/admin/audit?action=auth.login_failed')).json<{
      total: number;
    }>();
    expect(entries.total).toBeGreaterThan(0);
  });
});

describe('passwords', () => {
  it('changes the password and ends the other sessions', async () => {
    const first = await t.login('caseworker');
    const second = await t.login('caseworker');
    const wrong = await first.post('/api/v1/auth/password', {
      currentPassword: 'wrong-password',
      newPassword: 'a-new-password-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<{ error: { field: string } }>().error.field).toBe('body.currentPassword');
    expect(
      (
        await first.post('/api/v1/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'a-new-password-1',
        })
      ).status,
    ).toBe(204);
    expect((await first.get('/api/v1/me')).status).toBe(200);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    await t.login(demoEmail('caseworker'), 'a-new-password-1');
  });

  it('mails a reset link through SMTP in the account’s language, and the link sets a new password once', async () => {
    const client = t.client();
    expect((await client.post('/api/v1/auth/password-reset', { email: demoEmail('resident') })).status).toBe(
      202,
    );
    expect((await client.post('/api/v1/auth/password-reset', { email: 'nobody@example.org' })).status).toBe(
      202,
    );
    await t.services.jobRunner.idle();
    expect(await deliverPendingMail(t.services)).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.find((m) => m.to.includes(demoEmail('resident')));
    expect(mail).toBeDefined();
    // The demo resident reads Arabic.
    expect(mail?.subject).toBe('Lotse: إعادة تعيين كلمة المرور');
    expect(mail?.text).toContain('Layla Haddad');
    const token = mail?.text.match(/password-reset\/confirm\?token=([\w-]+)/)?.[1] ?? '';
    expect(mail?.text).toContain('https://lotse.example/password-reset/confirm?token=');
    const confirm = await client.post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'Rheinufer-Abendlicht-7',
    });
    expect(confirm.status).toBe(204);
    const again = await client.post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'Zechenturm-Morgennebel-3',
    });
    expect(again.status).toBe(400);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('auth.token_invalid');
    await t.login(demoEmail('resident'), 'Rheinufer-Abendlicht-7');
  });
});

describe('password reset requests', () => {
  it('answers an existing and an unknown address alike, and queues the mail only after the answer', async () => {
    const runner = t.services.jobRunner;
    const deferred: (() => Promise<void>)[] = [];
    const defer = runner.defer;
    runner.defer = (_name, work) => {
      deferred.push(work);
    };
    const mailsTo = async (email: string) =>
      (await t.services.database.db.select().from(outbox).where(eq(outbox.toAddress, email))).length;
    try {
      const before = await mailsTo(demoEmail('coordinator'));
      const existing = await t
        .client()
        .post('/api/v1/auth/password-reset', { email: demoEmail('coordinator') });
      const unknown = await t
        .client()
        .post('/api/v1/auth/password-reset', { email: 'no-one-here@example.org' });
      expect([existing.status, existing.body, existing.headers['content-type']]).toEqual([
        unknown.status,
        unknown.body,
        unknown.headers['content-type'],
      ]);
      expect(existing.status).toBe(202);
      // Both requests left the same amount of work for later, and neither wrote the mail before answering.
      expect(deferred).toHaveLength(2);
      expect(await mailsTo(demoEmail('coordinator'))).toBe(before);
      for (const work of deferred) await work();
      expect(await mailsTo(demoEmail('coordinator'))).toBe(before + 1);
      expect(await mailsTo('no-one-here@example.org')).toBe(0);
    } finally {
      runner.defer = defer;
    }
  });
});

type ErrorReply = { error: { code: string; field: string; message: string } };

/** A fresh account (by admin invitation) with a password set through its invitation link. */
async function invitedAccount(email: string, displayName: string, password: string) {
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/admin/users', {
    email,
    displayName,
    role: 'resident',
    locale: 'en',
  });
  expect(created.status).toBe(201);
  const token = await mailedToken(email);
  const set = await t.client().post('/api/v1/auth/password-reset/confirm', { token, newPassword: password });
  expect(set.status).toBe(204);
}

/** The token of the first (the invitation) or the latest mail to an address. */
async function mailedToken(email: string, which: 'first' | 'latest' = 'first'): Promise<string> {
  const mails = await t.services.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(which === 'first' ? asc(outbox.createdAt) : desc(outbox.createdAt))
    .limit(1);
  return mails[0]?.textBody.match(/token=([\w-]+)/)?.[1] ?? '';
}

describe('new passwords', () => {
  const change = async (newPassword: string, locale = 'en') => {
    const client = await t.login('institution');
    return client.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword },
      { headers: { 'accept-language': locale } },
    );
  };

  it('refuses "aaaaaaaaaa" and "abcabcabcabc" as repeats, naming the new-password field in the user’s language', async () => {
    for (const password of ['aaaaaaaaaa', 'abcabcabcabc', 'qwertzuiop']) {
      const reply = await change(password);
      expect(reply.status, password).toBe(400);
      const { error } = reply.json<ErrorReply>();
      expect(error.code, password).toBe('auth.password_pattern');
      expect(error.field).toBe('body.newPassword');
      expect(error.message).toMatch(/repeats, sequences or keyboard rows/);
    }
    const german = await change('aaaaaaaaaa', 'de');
    expect(german.json<ErrorReply>().error.message).toMatch(/Wiederholungen, Folgen oder Tastaturreihen/);
  });

  it('refuses "1234567890", "password123" and "P@ssw0rd123" as common passwords', async () => {
    for (const password of ['1234567890', 'password123', 'P@ssw0rd123', 'iloveyou12']) {
      const reply = await change(password);
      expect(reply.status, password).toBe(400);
      expect(reply.json<ErrorReply>().error.code, password).toBe('auth.password_common');
      expect(reply.json<ErrorReply>().error.message).toMatch(/most common passwords/);
    }
  });

  it('refuses a password that contains the account’s e-mail name or its name', async () => {
    // The demo institution is institution@demo.lotse.example.
    const own = await change('Institution-2026!');
    expect(own.status).toBe(400);
    expect(own.json<ErrorReply>().error.code).toBe('auth.password_personal');
    expect(own.json<ErrorReply>().error.field).toBe('body.newPassword');

    await invitedAccount('mara.kowalczyk@example.org', 'Mara Kowalczyk', 'Rheinufer-Abendlicht-7');
    const client = await t.login('mara.kowalczyk@example.org', 'Rheinufer-Abendlicht-7');
    for (const password of ['mara.kowalczyk@example.org', 'ich-bin-KOWALCZYK-77']) {
      const reply = await client.post('/api/v1/auth/password', {
        currentPassword: 'Rheinufer-Abendlicht-7',
        newPassword: password,
      });
      expect(reply.status, password).toBe(400);
      expect(reply.json<ErrorReply>().error.code, password).toBe('auth.password_personal');
    }
  });

  it('accepts a long password of unrelated words, and the account signs in with it', async () => {
    expect((await change('Zechenturm-Morgennebel-3')).status).toBe(204);
    await t.login(demoEmail('institution'), 'Zechenturm-Morgennebel-3');
  });

  it('applies the same rules to a reset or invitation link, and a refused password leaves the link usable', async () => {
    const email = 'jonas.brenner@example.org';
    const admin = await t.login('admin');
    await admin.post('/api/v1/admin/users', {
      email,
      displayName: 'Jonas Brenner',
      role: 'resident',
      locale: 'en',
    });
    const token = await mailedToken(email);
    const client = t.client('en');
    for (const [password, code] of [
      ['1234567890', 'auth.password_common'],
      ['aaaaaaaaaa', 'auth.password_pattern'],
      ['brenner-jonas-1990', 'auth.password_personal'],
    ]) {
      const reply = await client.post('/api/v1/auth/password-reset/confirm', {
        token,
        newPassword: password,
      });
      expect(reply.status, password).toBe(400);
      expect(reply.json<ErrorReply>().error).toMatchObject({ code, field: 'body.newPassword' });
    }
    expect(
      (
        await client.post('/api/v1/auth/password-reset/confirm', {
          token,
          newPassword: 'Kohlenpott-Leuchtturm-5',
        })
      ).status,
    ).toBe(204);
    await t.login(email, 'Kohlenpott-Leuchtturm-5');
  });
});

type SessionItem = { id: string; current: boolean; browser: string | null; system: string | null };
const sessionsOf = async (client: Awaited<ReturnType<TestApp['login']>>) => {
  const reply = await client.get('/api/v1/me/sessions');
  expect(reply.status).toBe(200);
  return reply.json<{ items: SessionItem[] }>().items;
};
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('sessions', () => {
  const signIn = async (email: string, password: string, userAgent: string) => {
    const client = t.client('en');
    const reply = await client.post(
      '/api/v1/auth/login',
      { email, password },
      { headers: { 'user-agent': userAgent } },
    );
    expect(reply.status).toBe(200);
    return client;
  };

  it('lists the account’s sessions with their device, marks this one, and ends one of them', async () => {
    await invitedAccount('session.owner@example.org', 'Session Owner', 'Rheinufer-Abendlicht-7');
    const phone = await signIn('session.owner@example.org', 'Rheinufer-Abendlicht-7', ANDROID_CHROME);
    const iphone = await signIn('session.owner@example.org', 'Rheinufer-Abendlicht-7', IPHONE_SAFARI);
    const listed = await sessionsOf(phone);
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.current)).toMatchObject({ browser: 'chrome', system: 'android' });
    const other = listed.find((s) => !s.current);
    expect(other).toMatchObject({ browser: 'safari', system: 'ios' });
    // Nothing of the address or the raw User-Agent is in the answer.
    expect(JSON.stringify(listed)).not.toMatch(/127\.0\.0\.1|Mozilla|Pixel/);

    expect((await phone.request('DELETE', `/api/v1/me/sessions/${other?.id}`)).status).toBe(204);
    expect((await iphone.get('/api/v1/me')).status).toBe(401);
    expect((await sessionsOf(phone)).map((s) => s.current)).toEqual([true]);
    expect((await phone.request('DELETE', `/api/v1/me/sessions/${other?.id}`)).status).toBe(404);
  });

  it('signs out everywhere else and keeps this session', async () => {
    await invitedAccount('many.devices@example.org', 'Many Devices', 'Rheinufer-Abendlicht-7');
    const here = await signIn('many.devices@example.org', 'Rheinufer-Abendlicht-7', ANDROID_CHROME);
    const elsewhere = [
      await signIn('many.devices@example.org', 'Rheinufer-Abendlicht-7', IPHONE_SAFARI),
      await signIn('many.devices@example.org', 'Rheinufer-Abendlicht-7', 'curl/8.0'),
    ];
    expect(await sessionsOf(here)).toHaveLength(3);
    const reply = await here.post('/api/v1/me/sessions/end-others');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ ended: 2 });
    for (const client of elsewhere) expect((await client.get('/api/v1/me')).status).toBe(401);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect(await sessionsOf(here)).toHaveLength(1);

    const admin = await t.login('admin');
    const audit = (await admin.get('/api/v1/admin/audit?action=auth.sessions_ended_elsewhere')).json<{
      items: { details: { count: number } }[];
    }>();
    expect(audit.items[0]?.details.count).toBe(2);
  });

  it('answers 404 for another account’s session, and that session lives on', async () => {
    const mine = await t.login('guide');
    const theirs = await t.login('coordinator');
    const [theirSession] = await sessionsOf(theirs);
    const reply = await mine.request('DELETE', `/api/v1/me/sessions/${theirSession?.id}`);
    expect(reply.status).toBe(404);
    expect((await theirs.get('/api/v1/me')).status).toBe(200);
    expect((await mine.request('DELETE', `/api/v1/me/sessions/${'0'.repeat(64)}`)).status).toBe(404);
    const malformed = await mine.request('DELETE', '/api/v1/me/sessions/not-a-session');
    expect(malformed.status).toBe(400);
    expect(malformed.json<ErrorReply>().error.field).toBe('params.id');
  });

  it('needs a sign-in to list or end sessions', async () => {
    expect((await t.client().get('/api/v1/me/sessions')).status).toBe(401);
    expect((await t.client().post('/api/v1/me/sessions/end-others')).status).toBe(401);
  });

  it('a password change ends the other sessions, a password reset ends them all', async () => {
    await invitedAccount('pw.change@example.org', 'Pw Change', 'Rheinufer-Abendlicht-7');
    const here = await signIn('pw.change@example.org', 'Rheinufer-Abendlicht-7', ANDROID_CHROME);
    const there = await signIn('pw.change@example.org', 'Rheinufer-Abendlicht-7', IPHONE_SAFARI);
    expect(await sessionsOf(here)).toHaveLength(2);
    const changed = await here.post('/api/v1/auth/password', {
      currentPassword: 'Rheinufer-Abendlicht-7',
      newPassword: 'Zechenturm-Morgennebel-3',
    });
    expect(changed.status).toBe(204);
    expect((await there.get('/api/v1/me')).status).toBe(401);
    expect((await sessionsOf(here)).map((s) => s.current)).toEqual([true]);

    expect(
      (await t.client().post('/api/v1/auth/password-reset', { email: 'pw.change@example.org' })).status,
    ).toBe(202);
    await t.services.jobRunner.idle();
    const token = await mailedToken('pw.change@example.org', 'latest');
    const reset = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'Kohlenpott-Leuchtturm-5' });
    expect(reset.status, reset.body).toBe(204);
    expect((await here.get('/api/v1/me')).status).toBe(401);
  });
});
