import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../test/config.ts';
import { testDatabaseKind } from '../test/harness.ts';
import { adminQuery, databaseUrl } from '../test/postgres.ts';
import { HttpClient, runMain, type ServerProcess, startServer } from '../test/process.ts';

// The server as its own process, on the database kind of this test project: start, stop, kill, backup, restore.
const kind = testDatabaseKind();
let env: Record<string, string>;
let cleanup: () => Promise<void>;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lotse-ops-'));

beforeAll(async () => {
  if (kind === 'pglite') {
    env = { DATA_DIR: path.join(tmp, 'data') };
    cleanup = async () => {};
  } else {
    const server = inject('postgresUrl');
    const name = `ops_${process.pid}_${Date.now()}`;
    await adminQuery(server, `create database ${name}`);
    env = { DATABASE_URL: databaseUrl(server, name) };
    cleanup = () => adminQuery(server, `drop database if exists ${name} with (force)`);
  }
});
afterAll(async () => {
  await cleanup?.();
  rmSync(tmp, { recursive: true, force: true });
});

async function signIn(server: ServerProcess) {
  const client = new HttpClient(server.url);
  const reply = await client.request('POST', '/api/v1/auth/login', {
    email: demoEmail('admin'),
    password: DEMO_PASSWORD,
  });
  expect(reply.status).toBe(200);
  const { user } = (await reply.json()) as { user: { id: string } };
  return { client, adminId: user.id };
}

const consentFor = (subjectId: string, purpose: string) => ({
  subjectType: 'user',
  subjectId,
  purpose,
  dataCategories: ['contact'],
  expiresAt: '2099-01-01T00:00:00Z',
});

async function consentIds(client: HttpClient, subjectId: string): Promise<Map<string, string>> {
  const reply = await client.request('GET', `/api/v1/consents?subjectType=user&subjectId=${subjectId}`);
  const { items } = (await reply.json()) as { items: { id: string; purpose: string }[] };
  return new Map(items.map((item) => [item.id, item.purpose]));
}

async function stop(server: ServerProcess, signal: NodeJS.Signals) {
  server.child.kill(signal);
  return server.exited;
}

// Each test starts the server from its sources up to twice (tsx, migrations, demo data), and startServer() waits up
// to 90 s for one start: 60 s for the whole test was too little while another test file ran alongside.
describe(`the server process on ${kind}`, { timeout: 180_000 }, () => {
  let adminId = '';
  let before = '';

  it('loads the demo data on the first start only, prints the demo accounts, and stops cleanly on SIGTERM', async () => {
    const first = await startServer(env);
    expect(first.output()).toContain('Demo data loaded (first start)');
    expect(first.output()).toContain(demoEmail('coordinator'));
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    // The home page, as curl or a browser asks for it; the first paint already has the reader's language.
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="de" dir="ltr">');
    const arabic = await fetch(`${first.url}/account`, { headers: { cookie: 'lotse_lang=ar' } });
    expect(await arabic.text()).toContain('<html lang="ar" dir="rtl">');
    const { client, adminId: id } = await signIn(first);
    adminId = id;
    const accounts = async (c: typeof client) =>
      ((await (await c.request('GET', '/api/v1/admin/users?per_page=200')).json()) as { total: number })
        .total;
    const accountsAfterFirstStart = await accounts(client);
    expect(accountsAfterFirstStart).toBeGreaterThanOrEqual(7);
    const created = await client.request(
      'POST',
      '/api/v1/consents',
      consentFor(adminId, 'ops.before_restart'),
    );
    expect(created.status).toBe(201);
    before = ((await created.json()) as { id: string }).id;
    expect(await stop(first, 'SIGTERM')).toBe(0);

    const second = await startServer(env);
    expect(second.output()).not.toContain('Demo data loaded (first start)');
    const again = await signIn(second);
    expect((await consentIds(again.client, adminId)).has(before)).toBe(true);
    // The demo accounts (and the demo Lotsen) are there once, not twice.
    const total = await accounts(again.client);
    expect(await stop(second, 'SIGTERM')).toBe(0);
    expect(total).toBe(accountsAfterFirstStart);
  });

  it('loses nothing it acknowledged when killed with SIGKILL in the middle of writes', async () => {
    const server = await startServer(env);
    const { client } = await signIn(server);
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const reply = await client.request(
            'POST',
            '/api/v1/consents',
            consentFor(adminId, `ops.kill_${lane}_${i}`),
          );
          if (reply.status === 201) acknowledged.push(((await reply.json()) as { id: string }).id);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(lanes);

    const restarted = await startServer(env);
    const after = await signIn(restarted);
    const stored = await consentIds(after.client, adminId);
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(await stop(restarted, 'SIGTERM')).toBe(0);
  });

  it('restores a backup: what was written after the backup is gone, what was before is back', async () => {
    const file = path.join(tmp, kind === 'pglite' ? 'backup.tar.gz' : 'backup.dump');
    const backup = runMain(['backup', file], env);
    expect(await backup.exited, backup.output()).toBe(0);

    const server = await startServer(env);
    const { client } = await signIn(server);
    const later = await client.request('POST', '/api/v1/consents', consentFor(adminId, 'ops.after_backup'));
    const laterId = ((await later.json()) as { id: string }).id;
    expect((await consentIds(client, adminId)).has(laterId)).toBe(true);
    expect(await stop(server, 'SIGTERM')).toBe(0);

    const restore = runMain(['restore', file], env);
    expect(await restore.exited, restore.output()).toBe(0);
    const restored = await startServer(env);
    const after = await signIn(restored);
    const ids = await consentIds(after.client, adminId);
    expect(ids.has(before)).toBe(true);
    expect(ids.has(laterId)).toBe(false);
    expect(await stop(restored, 'SIGTERM')).toBe(0);
  });
});
