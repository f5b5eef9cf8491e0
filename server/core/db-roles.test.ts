import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, testConfig } from '../../test/config.ts';
import { testDatabaseKind } from '../../test/harness.ts';
import { adminQuery, databaseUrl } from '../../test/postgres.ts';
import { buildApp, prepareDatabase } from '../app.ts';
import { loadCity } from './city.ts';
import { ConfigError, loadConfig } from './config.ts';
import { type Database, migrateDatabase, openDatabase } from './db.ts';

// On PostgreSQL the migrations may run as their own role (MIGRATION_DATABASE_URL), which owns every table; the
// app's role (DATABASE_URL) gets only what it needs, so it cannot rewrite or remove the audit log.
const kind = testDatabaseKind();

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

if (kind === 'pglite') {
  describe('database roles on pglite', () => {
    it('has one role: a migration URL without a PostgreSQL DATABASE_URL is refused', () => {
      expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@localhost/lotse' }, ROOT)).toThrow(
        ConfigError,
      );
    });
  });
} else {
  describe('database roles on postgres', () => {
    const suffix = randomUUID().replaceAll('-', '').slice(0, 10);
    const owner = `lotse_owner_${suffix}`;
    const runtime = `lotse_app_${suffix}`;
    const name = `roles_${suffix}`;
    let server = '';
    let runtimeUrl = '';
    let ownerUrl = '';
    let database: Database | null = null;
    let app: Awaited<ReturnType<typeof buildApp>>['app'] | null = null;

    beforeAll(async () => {
      server = inject('postgresUrl');
      await adminQuery(server, `create role ${owner} login password 'owner-secret'`);
      await adminQuery(server, `create role ${runtime} login password 'app-secret'`);
      await adminQuery(server, `create database ${name} owner ${owner}`);
      ownerUrl = withUser(databaseUrl(server, name), owner, 'owner-secret');
      runtimeUrl = withUser(databaseUrl(server, name), runtime, 'app-secret');
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
      await adminQuery(server, `drop database if exists ${name} with (force)`);
      await adminQuery(server, `drop role if exists ${runtime}`);
      await adminQuery(server, `drop role if exists ${owner}`);
    });

    it('migrates as the migration role, and the app runs as the runtime role', async () => {
      const config = testConfig({
        DATABASE_URL: runtimeUrl,
        MIGRATION_DATABASE_URL: ownerUrl,
        DEMO: 'false',
      });
      database = await openDatabase({ kind: 'postgres', url: runtimeUrl, max: 2 });
      const built = await buildApp({ config, database, city: loadCity(config.cityDir) });
      await prepareDatabase(built.services, built.modules);
      // A second start migrates again (nothing to do) and grants again.
      await migrateDatabase(database, ownerUrl);
      app = built.app;
      await app.ready();
      // Ready once the directory's search index is built from the database (as a readiness probe polls it).
      const started = app;
      await expect
        .poll(async () => (await started.inject({ url: '/ready' })).statusCode, { timeout: 20_000 })
        .toBe(200);
      expect((await app.inject({ url: '/api/v1/city' })).statusCode).toBe(200);
      const owners = await built.services.database.pool?.query<{ owner: string }>(
        "select distinct tableowner as owner from pg_tables where schemaname = 'public'",
      );
      expect(owners?.rows).toEqual([{ owner }]);
    });

    it('cannot delete, change or empty audit rows, nor alter or drop the table or its trigger', async () => {
      const client = new pg.Client({ connectionString: runtimeUrl });
      await client.connect();
      const refused = async (statement: string) => {
        const error = await client.query(statement).then(
          () => null,
          (e: { code?: string }) => e,
        );
        return error?.code;
      };
      try {
        // The app appends, as always.
        await client.query(
          "insert into audit_log (actor_role, action, details) values ('system', 'test.append', '{}')",
        );
        // Turning triggers off for the session is for superusers only.
        expect(await refused('set session_replication_role = replica')).toBe('42501');
        for (const statement of [
          'delete from audit_log',
          "update audit_log set action = 'rewritten'",
          'truncate audit_log',
          'alter table audit_log disable trigger audit_log_no_update_delete',
          'alter table audit_log disable trigger all',
          'drop trigger audit_log_no_update_delete on audit_log',
          'drop function audit_log_append_only() cascade',
          'alter table audit_log add column forged text',
          'drop table audit_log',
          'drop table users cascade',
          'create table forged (id int)',
        ]) {
          expect(await refused(statement), statement).toBe('42501');
        }
        const left = await client.query(
          "select count(*)::int as n from audit_log where action = 'test.append'",
        );
        expect(left.rows[0]).toEqual({ n: 1 });
      } finally {
        await client.end();
      }
    });
  });
}
