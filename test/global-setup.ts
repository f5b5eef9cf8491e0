import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { DatabaseTarget } from '../server/core/db.ts';
import { adminQuery, databaseUrl, type PostgresServer, startPostgres } from './postgres.ts';
import { testConfig, TMP_DIR } from './config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

const TEMPLATE_DB = 'lotse_template';

/** Migrates and seeds one database (reference data and demo data), then closes it. */
async function buildTemplate(target: DatabaseTarget, after?: (dump: Blob) => void): Promise<void> {
  // Loaded here, not at the top: a run that needs no database (the unit project) does not load the server.
  const { buildApp, prepareDatabase } = await import('../server/app.ts');
  const { loadCity } = await import('../server/core/city.ts');
  const { openDatabase } = await import('../server/core/db.ts');
  const config = testConfig();
  const database = await openDatabase(target);
  const { services, modules } = await buildApp({ config, database, city: loadCity(config.cityDir) });
  await prepareDatabase(services, modules);
  if (after && database.pglite) after(await database.pglite.dumpDataDir('none'));
  await database.close();
}

async function preparePglite(): Promise<string> {
  const file = path.join(TMP_DIR, `pglite-template-${process.pid}.tar`);
  await buildTemplate({ kind: 'pglite', dataDir: null }, async (dump) => {
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  });
  return file;
}

async function preparePostgres(): Promise<PostgresServer> {
  const postgres = await startPostgres();
  await adminQuery(postgres.url, `drop database if exists ${TEMPLATE_DB}`);
  await adminQuery(postgres.url, `create database ${TEMPLATE_DB}`);
  await buildTemplate({ kind: 'postgres', url: databaseUrl(postgres.url, TEMPLATE_DB), max: 2 });
  return postgres;
}

/** What a project's tests use: the PGlite template file, the PostgreSQL server with its template, or nothing. */
function needs(name: string): { pglite: boolean; postgres: boolean } {
  if (name === 'pglite' || name === 'browser') return { pglite: true, postgres: false };
  if (name === 'postgres') return { pglite: false, postgres: true };
  return { pglite: false, postgres: false };
}

/**
 * Vitest calls `setup` once per project that runs files, and once more for the root project, each time from a
 * fresh copy of this module. The servers and templates are made once per run and kept on `globalThis`, and only
 * those the selected projects need: a run of the unit project alone starts no database at all.
 */
type Shared = {
  pglite: Promise<string> | null;
  postgres: Promise<PostgresServer> | null;
  users: number;
};
const KEY = Symbol.for('lotse.test.globalSetup');
const store = globalThis as typeof globalThis & { [KEY]?: Shared };

function shared(project: TestProject): Shared {
  if (store[KEY]) return store[KEY];
  // Start what all selected projects need at once, so the PGlite template and PostgreSQL are made side by side.
  const wanted = project.vitest.projects.map((p) => needs(p.name));
  const state: Shared = { pglite: null, postgres: null, users: 0 };
  if (wanted.some((w) => w.pglite)) state.pglite = preparePglite();
  if (wanted.some((w) => w.postgres)) state.postgres = preparePostgres();
  // A failure surfaces where a project awaits it; do not let the other promise reject unobserved meanwhile.
  state.pglite?.catch(() => {});
  state.postgres?.catch(() => {});
  store[KEY] = state;
  return state;
}

export async function setup(project: TestProject) {
  const state = shared(project);
  state.users++;
  const need = needs(project.name);
  if (need.pglite) {
    state.pglite ??= preparePglite();
    project.provide('pgliteTemplate', await state.pglite);
  }
  if (need.postgres) {
    state.postgres ??= preparePostgres();
    project.provide('postgresUrl', (await state.postgres).url);
  }
  return async () => {
    state.users--;
    if (state.users > 0) return;
    store[KEY] = undefined;
    const [pglite, postgres] = await Promise.allSettled([state.pglite, state.postgres]);
    if (postgres.status === 'fulfilled') await postgres.value?.stop();
    // Each run writes its own PGlite template (70 MB); leave none behind.
    if (pglite.status === 'fulfilled' && pglite.value) rmSync(pglite.value, { force: true });
  };
}
