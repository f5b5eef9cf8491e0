import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../../test/config.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp.ts';
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
      newPassword: 'resident-new-pass',
    });
    expect(confirm.status).toBe(204);
    const again = await client.post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'resident-other-pass',
    });
    expect(again.status).toBe(400);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('auth.token_invalid');
    await t.login(demoEmail('resident'), 'resident-new-pass');
  });
});
