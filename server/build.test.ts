import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail, TMP_DIR } from '../test/config.ts';
import { testDatabaseKind } from '../test/harness.ts';
import { adminQuery, databaseUrl } from '../test/postgres.ts';
import { HttpClient, runMain, startServer } from '../test/process.ts';

// The production build (`npm run build`, `npm run start:prod`): built into a temporary folder and started with
// node alone, without tsx, on the database kind of this test project. The folder lies under the project (.tmp),
// so the compiled server finds node_modules as a deployed dist/ does; everything else it must bring along.
const kind = testDatabaseKind();
const tmp = mkdtempSync(path.join(TMP_DIR, 'build-'));
const out = path.join(tmp, 'dist');
let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (kind === 'pglite') {
    env = { DATA_DIR: path.join(tmp, 'data') };
    cleanup = async () => {};
  } else {
    const server = inject('postgresUrl');
    const name = `build_${process.pid}_${Date.now()}`;
    await adminQuery(server, `create database ${name}`);
    env = { DATABASE_URL: databaseUrl(server, name) };
    cleanup = () => adminQuery(server, `drop database if exists ${name} with (force)`);
  }
});
afterAll(async () => {
  await cleanup?.();
  rmSync(tmp, { recursive: true, force: true });
});

describe(`the compiled server on ${kind}`, () => {
  it('is built into one folder: the server as JavaScript, the web app, and the files read at run time', async () => {
    const build = runMain(['--out', out], {}, ['--import', 'tsx', 'scripts/build.ts']);
    expect(await build.exited, build.output()).toBe(0);
    for (const file of [
      'server/main.js',
      'server/modules/schooling/placement/worker-entry.mjs',
      'server/modules/schooling/placement/solve.js',
      'server/modules/guides/matching/solve.js',
      'web/dist/index.html',
      'locales/de/common.json',
      'db/migrations/meta/_journal.json',
      'vendor/fonts/DejaVuSans.ttf',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    expect(existsSync(path.join(out, 'server/main.ts'))).toBe(false);
  }, 90_000);

  it('starts with node alone, answers the API, serves the web app and runs the placement in its worker', async () => {
    const server = await startServer(env, { main: [path.join(out, 'server/main.js')] });
    try {
      expect(server.output()).toContain('Demo data loaded (first start)');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      const city = await fetch(`${server.url}/api/v1/city`);
      expect(city.status).toBe(200);
      expect(((await city.json()) as { name: string }).name).toBe('Duisburg');

      const home = await fetch(`${server.url}/`, { headers: { cookie: 'lotse_lang=ar' } });
      const html = await home.text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${server.url}${script}`);
      expect(asset.status).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(1000);

      // The placement solver runs in a worker thread, which must load the compiled solver, not the sources.
      const caseworker = new HttpClient(server.url);
      const login = await caseworker.request('POST', '/api/v1/auth/login', {
        email: demoEmail('caseworker'),
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      const run = await caseworker.request('POST', '/api/v1/schooling/placement-runs');
      const body = await run.text();
      expect(run.status, body).toBe(201);
      const { children } = JSON.parse(body) as { children: { schoolId: string | null }[] };
      expect(children.filter((child) => child.schoolId).length).toBeGreaterThan(10);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited, server.output()).toBe(0);
  }, 120_000);
});
