import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/harness.ts';
import { testConfig } from '../../../../test/config.ts';
import { buildApp } from '../../../app.ts';
import { loadCity } from '../../../core/city.ts';
import { systemContext } from '../../../core/context.ts';
import { type Database, openDatabase, rows } from '../../../core/db.ts';
import { buildService } from '../directory.factories.ts';
import { insertServiceRecord } from '../records.ts';
import { pruneSearchChanges } from '../search.service.ts';
import { searchIndexOf, stopSearchIndex } from './search.index.ts';

/**
 * Two app servers on one database (on PostgreSQL two connection pools, as two processes would have; PGlite is
 * one process, so there both share the database). Changes are written with plain SQL, as another server's
 * write would arrive: only the change log and its notifications can tell the second server about them.
 */
let dbA: Database;
let dbB: Database;
let drop: () => Promise<unknown>;
let serverA: FastifyInstance;
let serverB: FastifyInstance;

async function start(database: Database) {
  const config = testConfig({ SEARCH_RATE_LIMIT: '100000' });
  const { app } = await buildApp({ config, database, city: loadCity(config.cityDir) });
  await app.ready();
  await searchIndexOf(database).ready;
  return app;
}

async function draft(slug: string, word: string) {
  const ctx = systemContext(services);
  await dbA.db.transaction((tx) =>
    insertServiceRecord(
      { ...ctx, db: tx },
      buildService({
        slug,
        status: 'draft',
        texts: {
          name: { de: `${word} Treffpunkt` },
          description: { de: 'Ein Angebot.' },
          eligibility: null,
          fees: null,
          requiredDocuments: null,
        },
      }),
      'Prüfträger',
    ),
  );
}

let services: Parameters<typeof systemContext>[0];

/** How long until server B finds the word (polled every 10 ms), or null after `limitMs`. */
async function foundAfter(word: string, limitMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const reply = await serverB.inject({ url: `/api/v1/directory/services?q=${word}` });
    expect(reply.statusCode).toBe(200);
    if (reply.json<{ total: number }>().total > 0) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

/** How long until server B no longer finds the word, or null after `limitMs`. */
async function goneAfter(word: string, limitMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const reply = await serverB.inject({ url: `/api/v1/directory/services?q=${word}` });
    if (reply.json<{ total: number }>().total === 0) return performance.now() - started;
    // A real request arrives through the network; between polls the server reads its notifications.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

beforeAll(async () => {
  const opened = await openTestDatabase();
  dbA = opened.database;
  drop = opened.drop;
  dbB = opened.url ? await openDatabase({ kind: 'postgres', url: opened.url, max: 4 }) : dbA;
  const config = testConfig({ SEARCH_RATE_LIMIT: '100000' });
  const built = await buildApp({ config, database: dbA, city: loadCity(config.cityDir) });
  serverA = built.app;
  services = built.services;
  await serverA.ready();
  serverB = dbB === dbA ? serverA : await start(dbB);
  await draft('fresh-wombat', 'Wombatgruppe');
  await draft('fresh-koala', 'Koalatreff');
  await draft('fresh-numbat', 'Numbatkreis');
  await draft('fresh-quokka', 'Quokkarunde');
  await draft('fresh-dingo', 'Dingotreff');
  // This process wrote just now: its searches read the change log first for two seconds. Past them, only the
  // notifications (and the catch-up after a lost connection) bring the plain SQL changes below.
  await new Promise((resolve) => setTimeout(resolve, 2100));
});

afterAll(async () => {
  await serverA.close();
  if (serverB !== serverA) await serverB.close();
  if (dbB !== dbA) await dbB.close();
  await dbA.close();
  await drop();
});

describe('the search on another server', () => {
  it('finds an offer published on one server within a second, and loses it when unpublished', async () => {
    expect(await foundAfter('wombatgruppe', 300)).toBeNull();
    await dbA.db.execute(sql`update services set status = 'published' where slug = 'fresh-wombat'`);
    expect(await foundAfter('wombatgruppe', 1000)).not.toBeNull();
    await dbA.db.execute(sql`update services set status = 'archived' where slug = 'fresh-wombat'`);
    expect(await goneAfter('wombatgruppe', 1000)).not.toBeNull();
  });

  it('finds a translation imported on one server by its new words within a second', async () => {
    await dbA.db.execute(sql`update services set status = 'published' where slug = 'fresh-koala'`);
    expect(await foundAfter('koalatreff', 1000)).not.toBeNull();
    await dbA.db.execute(sql`
      insert into directory_texts (entity_type, entity_id, field, lang, value, status)
      select 'service', id::text, 'name', 'uk', 'Зустріч коалатрефу', 'up_to_date' from services where slug = 'fresh-koala'`);
    await dbA.db.execute(sql`
      update services set search_words = search_words || array['зустріч', 'коалатрефу'] where slug = 'fresh-koala'`);
    expect(await foundAfter(encodeURIComponent('коалатрефу'), 1000)).not.toBeNull();
  });

  it('finds an offer published while the other server was not listening (its connection lost, or restarting)', async () => {
    if (dbB.kind === 'postgres') {
      // Server B's listening connection drops; the notification of the publish goes nowhere.
      await dbA.db.execute(sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query ilike 'LISTEN%'`);
    } else {
      await stopSearchIndex(dbB);
    }
    await dbA.db.execute(sql`update services set status = 'published' where slug = 'fresh-numbat'`);
    if (dbB.kind !== 'postgres') await searchIndexOf(dbB).ready;
    expect(await foundAfter('numbatkreis', 2000)).not.toBeNull();
  });

  it("shows an organisation's new name on the other server within a second", async () => {
    await dbA.db.execute(sql`update services set status = 'published' where slug = 'fresh-quokka'`);
    expect(await foundAfter('quokkarunde', 1000)).not.toBeNull();
    await dbA.db.execute(sql`
      update organisations set name = 'Quokka-Verein Neumühl'
      where id = (select organisation_id from services where slug = 'fresh-quokka')`);
    const started = performance.now();
    let shown = '';
    while (performance.now() - started < 1000 && shown !== 'Quokka-Verein Neumühl') {
      const reply = await serverB.inject({ url: '/api/v1/directory/services?q=quokkarunde' });
      shown = reply.json<{ items: { organisationName: string }[] }>().items[0]?.organisationName ?? '';
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(shown).toBe('Quokka-Verein Neumühl');
  });

  it('reads every offer again when the change log lost rows it never read (a connection lost for too long)', async () => {
    const index = searchIndexOf(dbB);
    // Written while nobody reads the log, and its row pruned before anyone did.
    await index.stop();
    await dbA.db.execute(sql`update services set status = 'published' where slug = 'fresh-dingo'`);
    await dbA.db.execute(sql`update services set status = 'archived' where slug = 'fresh-quokka'`);
    await dbA.db.execute(sql`delete from directory_changes`);
    const before = index.resyncs;
    await index.refresh();
    expect(index.offer((await slugId('fresh-dingo')) ?? '')).toBeUndefined();
    await index.refresh({ resync: true });
    expect(index.resyncs).toBe(before + 1);
    expect(index.offer((await slugId('fresh-dingo')) ?? '')?.slug).toBe('fresh-dingo');
    expect(index.offer((await slugId('fresh-quokka')) ?? '')).toBeUndefined();
  });
});

async function slugId(slug: string): Promise<string | undefined> {
  const [row] = await rows<{ id: string }>(dbA.db, sql`select id from services where slug = ${slug}`);
  return row?.id;
}

describe('the change log', () => {
  it('keeps a day of changes: the job deletes older rows and keeps the newer ones', async () => {
    await dbA.db.execute(sql`delete from directory_changes`);
    await dbA.db.execute(sql`
      insert into directory_changes (service_id, changed_at)
      select id, now() - interval '2 days' from services where slug = 'fresh-koala'
      union all select id, now() - interval '3 hours' from services where slug = 'fresh-koala'`);
    expect(await pruneSearchChanges(systemContext(services))).toEqual({ pruned: 1 });
    const [left] = await rows<{ n: number }>(dbA.db, sql`select count(*)::int as n from directory_changes`);
    expect(left?.n).toBe(1);
  });
});
