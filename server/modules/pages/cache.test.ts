/**
 * The cache of published pages (page-cache.ts): a reader's second read comes from memory, and after every kind of
 * change — an edit published, a translation imported and published, a rollback published, a parent renamed, a
 * linked offer unpublished, a row written past the editor — the answer from the cache is the one the database
 * gives, translationState included. Two app servers on one database (on PostgreSQL two connection pools, as two
 * processes would have; PGlite is one process, so there both share it): a page published on A is served by B.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { testConfig, DEMO_PASSWORD, demoEmail } from '../../../test/config.ts';
import { Client, openTestDatabase } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { loadCity } from '../../core/city.ts';
import { type AppServices, systemContext } from '../../core/context.ts';
import { type Database, openDatabase } from '../../core/db.ts';
import { PageCache, pageCacheOf } from './page-cache.ts';
import { buildPage, buildVariant } from './pages.factories.ts';
import { pageReply } from './pages.schema.ts';
import { publishedPage } from './reading.service.ts';

type Editor = { id: string; slug: string };
type Page = {
  title: string;
  translationState: Record<string, string>;
  breadcrumbs: { title: string }[];
  steps: { where: { slug: string }[] }[];
};

let dbA: Database;
let dbB: Database;
let drop: () => Promise<unknown>;
let serverA: FastifyInstance;
let serverB: FastifyInstance;
let services: AppServices;
let coordinator: Client;

async function start(database: Database) {
  const config = testConfig();
  const built = await buildApp({ config, database, city: loadCity(config.cityDir) });
  await built.app.ready();
  return built;
}

beforeAll(async () => {
  const opened = await openTestDatabase();
  dbA = opened.database;
  drop = opened.drop;
  dbB = opened.url ? await openDatabase({ kind: 'postgres', url: opened.url, max: 4 }) : dbA;
  const a = await start(dbA);
  serverA = a.app;
  services = a.services;
  serverB = dbB === dbA ? serverA : (await start(dbB)).app;
  coordinator = new Client(serverA);
  const login = await coordinator.post('/api/v1/auth/login', {
    email: demoEmail('coordinator'),
    password: DEMO_PASSWORD,
  });
  expect(login.status, login.body).toBe(200);
});

afterAll(async () => {
  await services?.jobRunner.stop();
  await serverA?.close();
  if (serverB !== serverA) await serverB?.close();
  if (dbB !== dbA) await dbB?.close();
  await dbA?.close();
  await drop?.();
});

const LANGS = ['de', 'ar', 'pl', 'de-x-ls'] as const;

/** What a reader gets from a server (a string, as it arrives). */
async function served(server: FastifyInstance, slug: string, lang: string): Promise<string> {
  const reply = await server.inject({ url: `/api/v1/pages/${slug}?lang=${lang}` });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.body;
}

/** The page as the database gives it now, past any cache, written as the schema writes it. */
async function fresh(slug: string, lang: (typeof LANGS)[number]): Promise<unknown> {
  const page = await publishedPage(systemContext(services), slug, { lang });
  return JSON.parse(JSON.stringify(pageReply.parse(page)));
}

/**
 * Reads each page twice in each language from the server: the second read comes from its cache and equals the
 * first, and both equal what the database says. `withinMs`: a change another server made (or plain SQL) arrives
 * by notification, so the server may answer the old page for a moment.
 */
async function expectCacheTrue(server: FastifyInstance, database: Database, slugs: string[], withinMs = 0) {
  const cache = pageCacheOf(database);
  for (const slug of slugs) {
    for (const lang of LANGS) {
      const want = await fresh(slug, lang);
      const started = performance.now();
      let first = JSON.parse(await served(server, slug, lang)) as unknown;
      while (withinMs && performance.now() - started < withinMs && !deepEqual(first, want)) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        first = JSON.parse(await served(server, slug, lang)) as unknown;
      }
      expect(first, `${slug} in ${lang}`).toEqual(want);
      const hits = cache.hits;
      const second = JSON.parse(await served(server, slug, lang)) as unknown;
      expect(cache.hits, `${slug} in ${lang} read again from the cache`).toBe(hits + 1);
      expect(second).toEqual(want);
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function created(input: ReturnType<typeof buildPage>): Promise<Editor> {
  const reply = await coordinator.post('/api/v1/page-editor/pages', input);
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Editor>();
}
async function publish(id: string) {
  expect((await coordinator.post(`/api/v1/page-editor/pages/${id}/submit`)).status).toBe(200);
  const reply = await coordinator.post(`/api/v1/page-editor/pages/${id}/publish`);
  expect(reply.status, reply.body).toBe(200);
}
async function save(id: string, input: ReturnType<typeof buildPage>) {
  const reply = await coordinator.request('PUT', `/api/v1/page-editor/pages/${id}`, { body: input });
  expect(reply.status, reply.body).toBe(200);
}

describe('the cache of published pages', () => {
  it('answers a page read again from memory, and after every kind of change exactly as the database does', async () => {
    const parentInput = buildPage({
      slug: 'cache-wohnen',
      variants: { de: buildVariant({ title: 'Wohnen' }) },
    });
    const parent = await created(parentInput);
    await publish(parent.id);
    const translated = {
      de: buildVariant({ title: 'Wohngeld beantragen' }),
      ar: buildVariant({ title: 'طلب إعانة السكن', summary: 'مساعدة في الإيجار.' }),
      'de-x-ls': buildVariant({ title: 'Geld für die Miete', summary: 'Die Stadt hilft.' }),
    };
    const childInput = buildPage({ slug: 'cache-wohngeld', parentId: parent.id, variants: translated });
    const child = await created(childInput);
    await publish(child.id);
    const slugs = ['cache-wohngeld', 'cache-wohnen', 'anmeldung'];
    await expectCacheTrue(serverA, dbA, slugs);

    // The German changes and is published: the Arabic title is now outdated, on the cached page too.
    await save(child.id, {
      ...childInput,
      variants: { ...translated, de: buildVariant({ title: 'Wohngeld' }) },
    });
    await publish(child.id);
    await expectCacheTrue(serverA, dbA, slugs);
    const arabic = JSON.parse(await served(serverA, 'cache-wohngeld', 'ar')) as Page;
    expect(arabic.translationState.title).toBe('outdated');

    // A Polish translation imported (XLIFF) and published.
    const exported = await coordinator.get('/api/v1/page-editor/translations/pl/xliff');
    const file = exported.body
      .replace(/<trans-unit id="page\/[^"]*"[\s\S]*?<\/trans-unit>/g, (unit) =>
        unit.includes(`page/${child.id}/`) ? unit : '',
      )
      .replace(
        /<source>([^<]*)<\/source>(\s*)<target state="new"><\/target>/g,
        (_whole, source: string, space: string) =>
          `<source>${source}</source>${space}<target state="translated">PL ${source}</target>`,
      );
    const imported = await coordinator.post('/api/v1/page-editor/translations/pl/xliff', file, {
      headers: { 'content-type': 'application/xliff+xml' },
    });
    expect(imported.status, imported.body).toBe(200);
    await publish(child.id);
    await expectCacheTrue(serverA, dbA, slugs);
    expect((JSON.parse(await served(serverA, 'cache-wohngeld', 'pl')) as Page).title).toBe('PL Wohngeld');

    // The first revision restored and published.
    const rolled = await coordinator.post(`/api/v1/page-editor/pages/${child.id}/rollback`, { revision: 1 });
    expect(rolled.status, rolled.body).toBe(200);
    await publish(child.id);
    await expectCacheTrue(serverA, dbA, slugs);
    expect((JSON.parse(await served(serverA, 'cache-wohngeld', 'de')) as Page).title).toBe(
      'Wohngeld beantragen',
    );

    // The parent renamed: the child's breadcrumbs change with it.
    await save(parent.id, { ...parentInput, variants: { de: buildVariant({ title: 'Wohnen und Miete' }) } });
    await publish(parent.id);
    await expectCacheTrue(serverA, dbA, slugs);
    const child2 = JSON.parse(await served(serverA, 'cache-wohngeld', 'de')) as Page;
    expect(child2.breadcrumbs.map((b) => b.title)).toEqual(['Wohnen und Miete']);

    // A linked offer unpublished in the directory (plain SQL, as another server would): it drops out.
    const anmeldung = JSON.parse(await served(serverA, 'anmeldung', 'ar')) as Page;
    const offer = anmeldung.steps.flatMap((step) => step.where)[0]?.slug;
    expect(offer).toBeTruthy();
    await dbA.db.execute(sql`update services set status = 'archived' where slug = ${offer ?? ''}`);
    await expectCacheTrue(serverA, dbA, slugs, 1000);
    const without = JSON.parse(await served(serverA, 'anmeldung', 'ar')) as Page;
    expect(without.steps.flatMap((step) => step.where).map((w) => w.slug)).not.toContain(offer);

    // A published text written past the editor.
    await dbA.db.execute(sql`
      update page_texts set value = 'Wohngeld (geändert)'
      where version = 'published' and lang = 'de' and field = 'title' and page_id = ${child.id}`);
    await expectCacheTrue(serverA, dbA, slugs, 1000);
    expect((JSON.parse(await served(serverA, 'cache-wohngeld', 'de')) as Page).title).toBe(
      'Wohngeld (geändert)',
    );
  });

  it('serves on server B within a second what an editor published on server A, and B reads it from memory after', async () => {
    const input = buildPage({ slug: 'cache-kita', variants: { de: buildVariant({ title: 'Kita-Platz' }) } });
    const page = await created(input);
    await publish(page.id);
    await expectCacheTrue(serverB, dbB, ['cache-kita'], 1000);

    await save(page.id, { ...input, variants: { de: buildVariant({ title: 'Kita-Platz finden' }) } });
    await publish(page.id);
    const started = performance.now();
    let title = '';
    while (performance.now() - started < 1000 && title !== 'Kita-Platz finden') {
      title = (JSON.parse(await served(serverB, 'cache-kita', 'de')) as Page).title;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(title).toBe('Kita-Platz finden');
    await expectCacheTrue(serverB, dbB, ['cache-kita']);
  });

  it('serves from the database while server B cannot listen, and from memory again once it listens', async () => {
    if (dbB.kind !== 'postgres') return expect(dbB.kind).toBe('pglite');
    const input = buildPage({ slug: 'cache-bus', variants: { de: buildVariant({ title: 'Bus und Bahn' }) } });
    const page = await created(input);
    await publish(page.id);
    await expectCacheTrue(serverB, dbB, ['cache-bus'], 1000);
    // Server B's listening connection drops; the notification of the next publish goes nowhere.
    await dbA.db.execute(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'LISTEN%'`);
    await save(page.id, { ...input, variants: { de: buildVariant({ title: 'Bus und Bahn fahren' }) } });
    await publish(page.id);
    const started = performance.now();
    let title = '';
    while (performance.now() - started < 2000 && title !== 'Bus und Bahn fahren') {
      title = (JSON.parse(await served(serverB, 'cache-bus', 'de')) as Page).title;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(title).toBe('Bus und Bahn fahren');
    while (performance.now() - started < 2000 && !pageCacheOf(dbB).usable)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await expectCacheTrue(serverB, dbB, ['cache-bus']);
  });
});

describe('the cache’s bound', () => {
  it('lets the least recently read answers go once the bytes kept pass the bound', async () => {
    const cache = new PageCache(10);
    await cache.start(dbA);
    onTestFinished(() => cache.stop());
    cache.set('de a', Buffer.from('aaaa'), cache.generation);
    cache.set('de b', Buffer.from('bbbb'), cache.generation);
    expect(cache.get('de a')?.toString()).toBe('aaaa');
    cache.set('de c', Buffer.from('cccc'), cache.generation);
    expect(cache.get('de b')).toBeUndefined();
    expect(cache.get('de a')?.toString()).toBe('aaaa');
    expect(cache.bytes).toBe(8);
    // An answer read before a change is not kept after it.
    const before = cache.generation;
    cache.forget();
    cache.set('de a', Buffer.from('old'), before);
    expect(cache.size).toBe(0);
  });
});
