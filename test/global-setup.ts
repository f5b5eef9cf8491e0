import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { openDatabase, type DatabaseTarget } from '../server/core/db.ts';
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
  const config = testConfig();
  const database = await openDatabase(target);
  const { services, modules } = await buildApp({ config, database, city: loadCity(config.cityDir) });
  await prepareDatabase(services, modules);
  if (after && database.pglite) after(await database.pglite.dumpDataDir('none'));
  await database.close();
}

// Several projects share this set-up; the servers and templates are made once per run.
let shared: Promise<{ pglite: string; postgres: PostgresServer }> | null = null;
let users = 0;

async function prepare() {
  const pgliteFile = path.join(TMP_DIR, `pglite-template-${process.pid}.tar`);
  const pgliteDone = buildTemplate({ kind: 'pglite', dataDir: null }, async (dump) => {
    writeFileSync(pgliteFile, Buffer.from(await dump.arrayBuffer()));
  });
  const postgres = await startPostgres();
  await adminQuery(postgres.url, `drop database if exists ${TEMPLATE_DB}`);
  await adminQuery(postgres.url, `create database ${TEMPLATE_DB}`);
  await buildTemplate({ kind: 'postgres', url: databaseUrl(postgres.url, TEMPLATE_DB), max: 2 });
  await pgliteDone;
  return { pglite: pgliteFile, postgres };
}

export async function setup(project: TestProject) {
  shared ??= prepare();
  users++;
  const { pglite, postgres } = await shared;
  project.provide('pgliteTemplate', pglite);
  project.provide('postgresUrl', postgres.url);
  return async () => {
    users--;
    if (users > 0) return;
    const done = await shared;
    await done?.postgres.stop();
    // Each run writes its own PGlite template (70 MB); leave none behind.
    if (done) rmSync(done.pglite, { force: true });
  };
}
