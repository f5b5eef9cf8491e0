import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase } from './db.ts';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) =>
      reject(
        new Error(
          `${command} could not be started (${(error as NodeJS.ErrnoException).code}); install the PostgreSQL client tools`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim().split('\n')[0]}`)),
    );
  });
}

/** Writes a backup: pg_dump's custom format for PostgreSQL, PGlite's data-directory dump (tar.gz) for the embedded one. */
export async function backup(config: Config, file: string): Promise<void> {
  if (config.databaseUrl) {
    await run(process.env.PG_DUMP ?? 'pg_dump', [
      '--format=custom',
      '--no-owner',
      `--file=${file}`,
      `--dbname=${config.migrationDatabaseUrl ?? config.databaseUrl}`,
    ]);
    return;
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) throw new Error('PGlite returned no dump');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** Replaces the database with a backup. The embedded folder is swapped only after the dump loaded completely. */
export async function restore(config: Config, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`backup file ${file} does not exist`);
  if (config.databaseUrl) {
    await run(process.env.PG_RESTORE ?? 'pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.migrationDatabaseUrl ?? config.databaseUrl}`,
      file,
    ]);
    return;
  }
  const staging = path.join(config.dataDir, `restore-${Date.now()}`);
  const blob = new Blob([await readFile(file)]);
  const loaded = await openDatabase({ kind: 'pglite', dataDir: staging, loadDataDir: blob });
  try {
    await loaded.db.execute('select 1');
  } finally {
    await loaded.close();
  }
  // Check the target is not in use, then swap folders.
  const current = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  await current.close();
  const live = path.join(config.dataDir, 'pglite');
  const previous = path.join(config.dataDir, `pglite.before-restore-${Date.now()}`);
  if (existsSync(live)) renameSync(live, previous);
  renameSync(path.join(staging, 'pglite'), live);
  rmSync(staging, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
}
