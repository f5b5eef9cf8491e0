/**
 * `npm run bench -- network [--occurrences N] [--duration S] [--connections N] [--explain] [--keep]`
 *
 * The network's goal (issue 18): the overlap check answers while a user types, so with 100,000 activity
 * occurrences in PostgreSQL and 20 concurrent clients its p95 must stay ≤ 50 ms. Measured through HTTP, signed in,
 * on a mix of different planned activities (no answer can be cached), next to a bare endpoint in the same app (same
 * session, CSRF and hooks, its answer from memory) in the same run. It also times the daily horizon job on all of it.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { systemContext } from '../server/core/context.ts';
import { openDatabase, rows } from '../server/core/db.ts';
import { addDays, localDate } from '../server/core/time.ts';
import { TARGET_GROUPS } from '../server/modules/directory/directory.terms.ts';
import { extendOccurrences } from '../server/modules/network/activities.service.ts';
import * as repo from '../server/modules/network/network.repository.ts';
import { networkActivities } from '../server/modules/network/network.tables.ts';
import { expand } from '../server/modules/network/recurrence.ts';
import { networkSettings } from '../server/modules/network/settings.ts';
import { DEMO_PASSWORD, demoEmail, testConfig } from '../test/config.ts';
import { adminQuery, databaseUrl, startPostgres } from '../test/postgres.ts';
import type { LoadResult } from './load.ts';
import { load, ms, num, prng, type Rng } from './shared.ts';

const GOAL_P95_MS = 50;
const BARE_PATH = '/api/v1/bench/bare';
const CHECK_PATH = '/api/v1/network/activities/check';
/** Distinct planned activities in the request mix. */
const PLANNED = 500;

type Options = {
  occurrences: number;
  duration: number;
  connections: number;
  keep: boolean;
  explain: boolean;
};

function parseOptions(args: string[]): Options {
  const options: Options = {
    occurrences: 100_000,
    duration: 15,
    connections: 20,
    keep: false,
    explain: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--occurrences') options.occurrences = Number(args[++i]);
    else if (arg === '--duration') options.duration = Number(args[++i]);
    else if (arg === '--connections') options.connections = Number(args[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--explain') options.explain = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day between 9 and 19 h, 1–2.5 h long (the kind of afternoon groups that collide). */
function hours(rng: Rng): { from: string; to: string } {
  const start = 9 * 60 + rng.int(21) * 30;
  const end = start + 60 + rng.int(4) * 30;
  return {
    from: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
    to: `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
  };
}

/** A recurrence as actors enter them: mostly weekly, some fortnightly or monthly, a few one-off dates. */
function recurrence(rng: Rng): string | null {
  const r = rng.next();
  const day = rng.pick(DAYS);
  if (r < 0.7) return `FREQ=WEEKLY;BYDAY=${day}`;
  if (r < 0.85) return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
  if (r < 0.95) return `FREQ=MONTHLY;BYDAY=${1 + rng.int(4)}${day}`;
  return null;
}

export async function benchNetwork(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startPostgres();
  const name = `lotse_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(server.url, `create database ${name}`);
  const url = databaseUrl(server.url, name);
  const config = testConfig({ DATABASE_URL: url, DEMO: 'true', JOBS: 'false', LOG_LEVEL: 'warn' });
  const city = loadCity(config.cityDir);
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const version = await database.pool?.query<{ server_version: string }>('show server_version');
    console.log(
      `PostgreSQL ${version?.rows[0]?.server_version} (${external ? 'from the environment' : 'embedded'}), database ${name}`,
    );
    const { app, services, modules } = await buildApp({ config, database, city });
    await prepareDatabase(services, modules);
    const ctx = systemContext(services);
    const rng = prng(18);
    const timeZone = city.profile.timezone;
    const settings = networkSettings(ctx);
    const today = localDate(new Date(), timeZone);
    const window = {
      fromDate: addDays(today, -42),
      toDate: addDays(today, settings.horizonDays),
      timeZone,
      holidays: settings.schoolHolidays,
    };
    const ortsteile = city.districts.flatMap((d) => d.ortsteile.map((o) => ({ id: o.id, districtId: d.id })));
    const actors = await rows<{ id: string }>(
      database.db,
      sql`select id from network_actors where status = 'approved' order by id`,
    );

    // Activities of the demo's approved actors until the occurrences reach the goal's size.
    let started = performance.now();
    const stored = async () =>
      (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from network_occurrences`))[0]
        ?.n ?? 0;
    let total = await stored();
    const demoOccurrences = total;
    let activities = 0;
    while (total < options.occurrences) {
      const values = Array.from({ length: 200 }, () => {
        const place = rng.pick(ortsteile);
        const time = hours(rng);
        return {
          actorId: rng.pick(actors).id,
          title: 'Treffpunkt',
          kind: 'open_meeting',
          startDate: addDays(today, -28 + rng.int(56)),
          startTime: time.from,
          endTime: time.to,
          rrule: recurrence(rng),
          exceptions: [],
          skipSchoolHolidays: rng.next() < 0.3,
          ortsteilId: place.id,
          districtId: place.districtId,
          targetGroups: rng.some(TARGET_GROUPS, 1, 3),
          languages: ['deu'],
          public: rng.next() < 0.8,
          createdAt: new Date(),
          updatedAt: new Date(),
        };
      });
      const saved = await database.db.insert(networkActivities).values(values).returning();
      await repo.insertOccurrenceRows(
        database.db,
        saved.flatMap((row) =>
          expand(
            {
              date: row.startDate,
              from: row.startTime,
              to: row.endTime,
              rrule: row.rrule,
              exceptions: row.exceptions,
              skipSchoolHolidays: row.skipSchoolHolidays,
            },
            window,
            600,
          ).occurrences.map((o) => ({
            activityId: row.id,
            actorId: row.actorId,
            ortsteilId: row.ortsteilId,
            targetGroups: row.targetGroups,
            public: row.public,
            ...o,
          })),
        ),
      );
      activities += saved.length;
      total = await stored();
    }
    await database.pool?.query('vacuum analyze');
    console.log(
      `Generated ${activities} activities in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${total} occurrences (${demoOccurrences} from the demo) in ${ortsteile.length} Ortsteile`,
    );

    // The daily horizon job over all of them, half a year on (every recurring activity is due).
    started = performance.now();
    const job = await extendOccurrences({ ...ctx, now: new Date(Date.now() + 182 * 86_400_000) });
    const jobSeconds = (performance.now() - started) / 1000;
    // As autovacuum would soon after the job: the check's index holds what it reads (an index-only scan) once
    // the rewritten rows' pages are marked all-visible.
    await database.pool?.query('vacuum analyze network_occurrences');
    console.log(
      `Horizon job half a year on: ${job.extended} activities extended in ${jobSeconds.toFixed(1)} s; ${await stored()} occurrences now`,
    );

    // The request mix: planned activities as the planning page sends them while the user types.
    const bodies = Array.from({ length: PLANNED }, () => {
      const time = hours(rng);
      const rrule = recurrence(rng);
      return JSON.stringify({
        date: addDays(today, 1 + rng.int(28)),
        from: time.from,
        to: time.to,
        ...(rrule ? { rrule } : {}),
        ortsteilId: rng.pick(ortsteile).id,
        targetGroups: rng.some(TARGET_GROUPS, 1, 3),
      });
    });

    if (options.explain) await explainChecks(ctx, bodies.slice(0, 3));

    let bare = '';
    app.post(BARE_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(bare),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Signed in as the KI's coordinator: the session and CSRF cookies and the token go with every request.
    const csrfReply = await fetch(`${base}/api/v1/auth/csrf`);
    const csrfCookie = (
      csrfReply.headers.getSetCookie().find((c) => c.startsWith('lotse_csrf=')) ?? ''
    ).split(';')[0];
    const { token } = (await csrfReply.json()) as { token: string };
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: csrfCookie ?? '', 'x-csrf-token': token },
      body: JSON.stringify({ email: demoEmail('coordinator'), password: DEMO_PASSWORD }),
    });
    const session = (login.headers.getSetCookie().find((c) => c.startsWith('lotse_session=')) ?? '').split(
      ';',
    )[0];
    if (login.status !== 200 || !session) throw new Error(`login answered ${login.status}`);
    const headers = { cookie: `${csrfCookie}; ${session}`, 'x-csrf-token': token };

    // One pass over the mix, one request at a time: what a single user meets, and what the checks find.
    let overlaps = 0;
    let probes = 0;
    const single: number[] = [];
    for (const body of bodies) {
      const t0 = performance.now();
      const reply = await fetch(`${base}${CHECK_PATH}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      const text = await reply.text();
      single.push(performance.now() - t0);
      if (reply.status !== 200) throw new Error(`check answered ${reply.status}: ${text.slice(0, 300)}`);
      const answer = JSON.parse(text) as { overlaps: unknown[]; occurrences: number };
      overlaps += answer.overlaps.length;
      probes += answer.occurrences;
      bare ||= text;
    }
    single.sort((a, b) => a - b);
    const at = (p: number) =>
      single[Math.min(single.length - 1, Math.ceil((p / 100) * single.length) - 1)] ?? null;
    console.log(
      `One at a time: ${bodies.length} checks, p50 ${num(at(50))} ms, p95 ${num(at(95))} ms; ` +
        `on average ${(probes / bodies.length).toFixed(0)} planned occurrences and ${(overlaps / bodies.length).toFixed(1)} overlapping activities named`,
    );

    if (options.duration > 0) {
      console.log(`\nWarm-up, then ${options.duration} s each with ${options.connections} connections …`);
      const common = { headers, method: 'POST' as const, connections: options.connections };
      await load({ ...common, url: `${base}${CHECK_PATH}`, bodies, duration: 3 });
      await load({ ...common, url: `${base}${BARE_PATH}`, bodies, duration: 2 });
      const load1 = () =>
        loadavg()
          .map((l) => l.toFixed(2))
          .join(' ');
      const bareLoad = load1();
      let cpu = cpuNow();
      const bareResult = await load({
        ...common,
        url: `${base}${BARE_PATH}`,
        bodies,
        duration: options.duration,
      });
      const bareCpu = cpuSince(cpu, bareResult.requests);
      const checkLoad = load1();
      cpu = cpuNow();
      const checkResult = await load({
        ...common,
        url: `${base}${CHECK_PATH}`,
        bodies,
        duration: options.duration,
      });
      const checkCpu = cpuSince(cpu, checkResult.requests);
      const allOk = (r: LoadResult) =>
        Object.keys(r.statuses).every((status) => status === '200') && r.errors === 0 && r.timeouts === 0
          ? 'yes'
          : `NO ${JSON.stringify(r.statuses)} errors ${r.errors} timeouts ${r.timeouts}`;
      console.log(`
                     p50 ms   p95 ms   p99 ms      req/s   requests  all 200   load average (1 5 15 min)
overlap check (mix)${ms(checkResult.p50)} ${ms(checkResult.p95)} ${ms(checkResult.p99)} ${num(checkResult.rps, 0).padStart(10)} ${String(checkResult.requests).padStart(10)}  ${allOk(checkResult)}       ${checkLoad}
bare (from memory) ${ms(bareResult.p50)} ${ms(bareResult.p95)} ${ms(bareResult.p99)} ${num(bareResult.rps, 0).padStart(10)} ${String(bareResult.requests).padStart(10)}  ${allOk(bareResult)}       ${bareLoad}
occurrences        ${total}
CPU per request (ms)   server JS   PostgreSQL
overlap check      ${num(checkCpu.js).padStart(11)} ${num(checkCpu.database).padStart(12)}
bare               ${num(bareCpu.js).padStart(11)} ${num(bareCpu.database).padStart(12)}
goal  check p95 ≤ ${GOAL_P95_MS} ms at ${options.connections} connections   ${num(checkResult.p95)} ms   ${(checkResult.p95 ?? Number.POSITIVE_INFINITY) <= GOAL_P95_MS ? 'HIT' : 'MISS'}`);
    }
    await app.close();
  } finally {
    await database.close();
    if (options.keep) console.log(`Kept database ${url}`);
    else await adminQuery(server.url, `drop database if exists ${name} with (force)`).catch(() => {});
    await server.stop();
  }
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU used so far by this process (the server; the load runs in a child process) and by the embedded PostgreSQL's
 * processes (every `postgres` process descended from this one), in ms. Wall-clock times on a shared machine are
 * noisy; CPU per request is what one check costs.
 */
function cpuNow(): { js: number; database: number } {
  const usage = process.cpuUsage();
  const parents = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      parents.set(Number(entry), {
        ppid: Number(fields[1]),
        comm,
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid)?.ppid; p && p > 1; p = parents.get(p)?.ppid)
      if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of parents) if (info.comm === 'postgres' && descends(pid)) ticks += info.ticks;
  return { js: (usage.user + usage.system) / 1000, database: ticks * TICK_MS };
}

/** CPU per request since `before` (PostgreSQL backends that ended meanwhile are not counted: the pool keeps them). */
function cpuSince(before: { js: number; database: number }, requests: number) {
  const now = cpuNow();
  const n = Math.max(1, requests);
  return { js: (now.js - before.js) / n, database: (now.database - before.database) / n };
}

/**
 * The overlap check's query plans: the service runs as usual on a database handle whose execute() first prints
 * EXPLAIN (ANALYZE, BUFFERS) of the overlap query, with the time the service spent outside the database.
 */
async function explainChecks(ctx: ReturnType<typeof systemContext>, bodies: string[]): Promise<void> {
  const { checkOverlaps } = await import('../server/modules/network/activities.service.ts');
  for (const body of bodies) {
    let database = 0;
    const db = new Proxy(ctx.db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return async (query: SQL) => {
          const t0 = performance.now();
          const result = await target.execute(query);
          database += performance.now() - t0;
          const text = new PgDialect().sqlToQuery(query);
          if (text.sql.includes('from network_occurrences x')) {
            const plan = await ctx.db.execute(sql`explain (analyze, buffers) ${query}`);
            console.log(
              `\n${body}\n${(plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n')}`,
            );
          }
          return result;
        };
      },
    });
    const t0 = performance.now();
    const answer = await checkOverlaps({ ...ctx, actor: { ...ctx.actor }, db }, JSON.parse(body));
    console.log(
      `check: ${(performance.now() - t0).toFixed(1)} ms in all (EXPLAIN included), of it ${database.toFixed(1)} ms in execute(); ${answer.occurrences} planned occurrences, ${answer.overlaps.length} overlaps`,
    );
  }
}
