/**
 * `npm run bench -- pages [--pages N] [--duration S]`: the information pages on PostgreSQL (embedded, or
 * BENCH_DATABASE_URL) with N pages (default 2,000) × 11 variants (ten languages and Leichte Sprache), each a copy of
 * the demo's "Anmeldung" (body, steps with their directory offers). Measures GET /api/v1/pages/{slug} with 50
 * connections beside a bare endpoint (the same app, an answer from memory) in the same run, and the compressed size
 * of one language's offline package (GET /api/v1/page-packages/{lang}). Goals from issue 13: p95 ≤ 20 ms,
 * package ≤ 5 MB compressed.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { openDatabase } from '../server/core/db.ts';
import { pageCacheOf } from '../server/modules/pages/page-cache.ts';
import { PAGE_LANGS } from '../server/modules/pages/pages.terms.ts';
import { testConfig } from '../test/config.ts';
import { adminQuery, databaseUrl, startPostgres } from '../test/postgres.ts';
import type { LoadResult } from './load.ts';
import { load } from './shared.ts';

const GOAL_P95_MS = 20;
const GOAL_PACKAGE_BYTES = 5 * 1024 * 1024;
const CONNECTIONS = 50;
const BARE_PATH = '/bench/bare';

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number`);
  return value;
}

const ms = (value: number | null) => (value === null ? '   n/a' : value.toFixed(1).padStart(6));

export async function benchPages(args: string[]): Promise<void> {
  const count = option(args, 'pages', 2000);
  const duration = option(args, 'duration', 20);
  const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startPostgres();
  const name = `lotse_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(server.url, `create database ${name}`);
  const url = databaseUrl(server.url, name);
  const config = testConfig({ DATABASE_URL: url, DEMO: 'true', JOBS: 'false', LOG_LEVEL: 'warn' });
  const city = loadCity(config.cityDir);
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const { app, services, modules } = await buildApp({ config, database, city });
    await prepareDatabase(services, modules);
    const started = performance.now();
    const client = await (database.pool as pg.Pool).connect();
    try {
      // N published copies of "Anmeldung" under "Ankommen", every variant of every field, in both versions.
      await client.query(
        `insert into pages (slug, parent_id, position, status, revision, published_at, last_checked_at)
         select 'bench-' || g, (select id from pages where slug = 'ankommen'), 1000 + g, 'published', 1, now(), current_date
         from generate_series(1, $1::int) g`,
        [count],
      );
      await client.query(
        `insert into page_texts (page_id, version, lang, field, value, status)
         select p.id, v.version, l.lang, t.field,
                case when t.field = 'steps' then t.value else t.value || ' ' || p.slug end,
                case when l.lang = 'de' then 'source' else 'machine' end
         from pages p
         cross join (select field, value from page_texts
                     where page_id = (select id from pages where slug = 'anmeldung') and version = 'published'
                       and lang = 'de') t
         cross join unnest($1::text[]) l(lang)
         cross join (values ('draft'), ('published')) v(version)
         where p.slug like 'bench-%'`,
        [[...PAGE_LANGS]],
      );
      await client.query('analyze');
      const counts = await client.query<{ pages: number; texts: number }>(
        'select (select count(*)::int from pages) as pages, (select count(*)::int from page_texts) as texts',
      );
      console.log(
        `Generated ${count} pages × ${PAGE_LANGS.length} variants in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${counts.rows[0]?.pages} pages, ${counts.rows[0]?.texts} texts`,
      );
    } finally {
      client.release();
    }

    let bare = '';
    app.get(BARE_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(bare),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const paths = Array.from(
      { length: Math.min(count, 2000) },
      (_, i) =>
        `/api/v1/pages/bench-${i + 1}?lang=${encodeURIComponent(PAGE_LANGS[i % PAGE_LANGS.length] ?? 'de')}`,
    );
    const first = await fetch(`${base}${paths[0]}`);
    bare = await first.text();
    if (first.status !== 200) throw new Error(`page answered ${first.status}: ${bare.slice(0, 300)}`);
    console.log(`Bare page: GET ${paths[0]} (${bare.length} bytes)`);

    let packed = performance.now();
    const pack = await fetch(`${base}/api/v1/page-packages/ar`);
    const packBody = Buffer.from(await pack.arrayBuffer());
    packed = performance.now() - packed;
    const compressed = gzipSync(packBody).length;
    console.log(
      `Offline package (ar): ${pack.status}, ${(packBody.length / 1048576).toFixed(1)} MB, ` +
        `${(compressed / 1048576).toFixed(2)} MB gzip, made in ${(packed / 1000).toFixed(1)} s`,
    );

    const load1 = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    if (duration > 0) {
      // Warm-up: every path read once (50 at a time), as a running server has read its pages before; then the
      // measured run reads from the cache of published answers what it holds (its misses are printed below).
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < paths.length) await (await fetch(`${base}${paths[next++]}`)).arrayBuffer();
        }),
      );
      const warm = pageCacheOf(database);
      const missesBefore = warm.misses;
      const hitsBefore = warm.hits;
      // CPU time of this process (the app server; the load runs in a child, PostgreSQL in its own processes) per
      // answered request: comparable across runs where wall-clock figures are not (the machine is shared).
      const measured = async (options: Parameters<typeof load>[0]) => {
        const before = process.cpuUsage();
        const result = await load(options);
        const used = process.cpuUsage(before);
        const cpuMs = (used.user + used.system) / 1000 / Math.max(1, result.requests);
        return { result, cpuMs };
      };
      const bareRun = await measured({ url: `${base}${BARE_PATH}`, connections: CONNECTIONS, duration });
      const bareResult = bareRun.result;
      const bareLoad = load1();
      const pageRun = await measured({ url: base, paths, connections: CONNECTIONS, duration });
      const pageResult = pageRun.result;
      const pageLoad = load1();
      const cache = pageCacheOf(database);
      const allOk = (r: LoadResult) =>
        Object.keys(r.statuses).every((status) => status === '200') && !r.errors;
      const verdict = (ok: boolean) => (ok ? 'HIT' : 'MISS');
      console.log(`
                     p50 ms   p95 ms   p99 ms      req/s  CPU ms/req  all 200   load average (1 5 15 min)
page (11 langs)    ${ms(pageResult.p50)} ${ms(pageResult.p95)} ${ms(pageResult.p99)} ${pageResult.rps.toFixed(0).padStart(10)}  ${pageRun.cpuMs.toFixed(3).padStart(10)}  ${allOk(pageResult) ? 'yes' : `NO ${JSON.stringify(pageResult.statuses)}`}      ${pageLoad}
bare (from memory) ${ms(bareResult.p50)} ${ms(bareResult.p95)} ${ms(bareResult.p99)} ${bareResult.rps.toFixed(0).padStart(10)}  ${bareRun.cpuMs.toFixed(3).padStart(10)}  ${allOk(bareResult) ? 'yes' : 'NO'}      ${bareLoad}

cache of published answers: ${cache.hits - hitsBefore} hits, ${cache.misses - missesBefore} misses in the page run; ${cache.size} kept, ${(cache.bytes / 1048576).toFixed(1)} MB (${cache.size ? (cache.bytes / cache.size / 1024).toFixed(1) : 'n/a'} KB each; ${count} pages × 11 variants ≈ ${cache.size ? (((cache.bytes / cache.size) * count * 11) / 1048576).toFixed(0) : 'n/a'} MB, bound ${(cache.maxBytes / 1048576).toFixed(0)} MB)

goal  page p95 ≤ ${GOAL_P95_MS} ms                 ${ms(pageResult.p95)} ms   ${verdict((pageResult.p95 ?? Number.POSITIVE_INFINITY) <= GOAL_P95_MS)}`);
    }
    console.log(
      `goal  offline package (ar) ≤ 5 MB gzip  ${(compressed / 1048576).toFixed(2)} MB   ${compressed <= GOAL_PACKAGE_BYTES ? 'HIT' : 'MISS'}`,
    );
    await app.close();
  } finally {
    await database.close();
    await adminQuery(server.url, `drop database if exists ${name} with (force)`).catch(() => {});
    await server.stop();
  }
}
