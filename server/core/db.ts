import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ConfigError } from './config.ts';
/**
 * The Drizzle handle every repository takes; the same on PGlite and PostgreSQL. Queries name their tables
 * (`db.select().from(users)`), so the handle needs no schema and core needs no module's tables.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A Drizzle transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Drizzle handle plus what start-up, backup and shutdown need. */
export type Database = {
  kind: DatabaseKind;
  db: Db;
  pglite: PGlite | null;
  pool: pg.Pool | null;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; max?: number };

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');
const LOCK_FILE = 'lotse.lock';

// The directory's word search: how similar a typed word must be to a word of an offer (pg_trgm's <% operator).
const WORD_SIMILARITY = 'pg_trgm.word_similarity_threshold = 0.5';
const SESSION_OPTIONS = `-c ${WORD_SIMILARITY.replace(' = ', '=')}`;

/** Thrown when the embedded database folder is already used by another running process. */
/** A setting-like error: the command stops with exit code 2, like a wrong setting. */
export class DataDirInUseError extends ConfigError {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite is single-process: a lock file stops a second server from opening the same folder. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirInUseError(`DATA_DIR ${dataDir} is in use by process ${pid}; stop it first`);
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/**
 * One query at a time per connection, in the order they were started. A transaction's queries all go to its one
 * connection, and a service may start several at once (`Promise.all` over `ctx.db`): pg 8 queues them itself but
 * warns that pg 9 will refuse a query while another runs. Each connection keeps its own queue instead. Callback
 * calls (the pool's own `pool.query`, which has the connection to itself) and cursors pass straight through.
 */
function oneQueryAtATime(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function')
      return query(...args);
    const result = tail.then(() => query(...args));
    tail = result.catch(() => {});
    return result;
  };
}

/** Opens PGlite (in a folder, or in memory when dataDir is null) or a PostgreSQL pool. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.max ?? 10,
      options: SESSION_OPTIONS,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    pool.on('connect', oneQueryAtATime);
    const db = drizzlePg(pool) as unknown as Db;
    return { kind: 'postgres', db, pglite: null, pool, close: () => pool.end() };
  }
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  const pgDataDir = target.dataDir ? path.join(target.dataDir, 'pglite') : undefined;
  try {
    const client = await PGlite.create(pgDataDir, {
      extensions: { pg_trgm, btree_gist },
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    await client.exec(`set ${WORD_SIMILARITY}`);
    const db = drizzlePglite(client) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite: client,
      pool: null,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

const MIGRATION_LOCK = 727_001;

/**
 * Applies the committed migrations; on PostgreSQL under an advisory lock so parallel starts wait. With a
 * migrationUrl (MIGRATION_DATABASE_URL) they run as that role, which owns the tables, and the app's role (the
 * user of `database`) is granted only what it needs: reading and writing rows, appending to the audit log.
 */
export async function migrateDatabase(database: Database, migrationUrl: string | null = null): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const runtimePool = database.pool as pg.Pool;
  const pool = migrationUrl ? new pg.Pool({ connectionString: migrationUrl, max: 1 }) : runtimePool;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (migrationUrl) {
      // On the locked connection itself, as the migration role.
      await migratePg(drizzlePg(client) as never, { migrationsFolder: MIGRATIONS_DIR });
      const runtime = await runtimePool.query<{ role: string }>('select current_user as role');
      const role = runtime.rows[0]?.role as string;
      const owner = await client.query<{ role: string }>('select current_user as role');
      if (owner.rows[0]?.role !== role) await client.query(runtimeGrants(role));
    } else {
      await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
    if (pool !== runtimePool) await pool.end();
  }
}

/**
 * What the app's role may do when another role owns the tables: rows of every table, but the audit log only
 * read and appended; no TRUNCATE, no REFERENCES or TRIGGER, no DDL (only an owner may ALTER or DROP).
 */
function runtimeGrants(role: string): string {
  const r = `"${role.replaceAll('"', '""')}"`;
  return `
    GRANT USAGE ON SCHEMA public TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r};
    GRANT USAGE ON SCHEMA drizzle TO ${r};
    GRANT SELECT ON drizzle.__drizzle_migrations TO ${r};
  `;
}

/** Number of migrations in the committed journal. */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** True when the database answers and every committed migration is applied. */
export async function isReady(database: Database): Promise<boolean> {
  try {
    const result = await database.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const n = ((result as unknown as { rows: unknown[] }).rows[0] as { n: number } | undefined)?.n ?? 0;
    return n >= expectedMigrations();
  } catch {
    return false;
  }
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
