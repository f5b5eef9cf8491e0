import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../../test/config.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { outbox } from '../../core/core.tables.ts';

let t: TestApp;
beforeAll(async () => {
  // No SMTP_URL: mails are held in the outbox for admins to see.
  t = await createTestApp();
});
afterAll(() => t?.close());

type Outbox = { items: { toAddress: string; textBody: string; status: string }[] };

describe('mail held in the outbox (no SMTP_URL)', () => {
  it('does not show an admin the live token of a password-reset link, and the held link never works', async () => {
    const email = demoEmail('guide');
    expect((await t.client().post('/api/v1/auth/password-reset', { email })).status).toBe(202);
    await t.services.jobRunner.idle();
    const [held] = await t.services.database.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(held?.status).toBe('held');
    const token = held?.textBody.match(/token=([\w-]+)/)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);

    const admin = await t.login('admin');
    const listed = await admin.get('/api/v1/admin/outbox?page=1&per_page=50');
    expect(listed.status).toBe(200);
    const mail = listed.json<Outbox>().items.find((item) => item.toAddress === email);
    expect(mail?.textBody).toContain('password-reset/confirm?token=');
    expect(listed.body).not.toContain(token);

    const taken = await t.client().post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'Taken-Over-Account-7',
    });
    expect(taken.status).toBe(400);
    expect(taken.json<{ error: { code: string } }>().error.code).toBe('auth.token_invalid');
  });
});
