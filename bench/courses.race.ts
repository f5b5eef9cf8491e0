/**
 * The enrolment race (issue 14): 500 enrolments per second, arriving at a fixed rate (open loop, bench/rate.ts),
 * for `--duration` seconds across 50 courses with small capacities and childcare places, through HTTP on
 * PostgreSQL (embedded, or BENCH_DATABASE_URL). Beside it a bare POST endpoint in the same app at the same rate (the
 * same hooks, body parsing and answer size, its answer from memory). Then it counts from the database: no course
 * over its places or its childcare places, arrivals 1..n and the waiting positions each person was told 1..k without
 * gaps or repeats, and every decision the one the rule gives in arrival order. Goals: p95 ≤ 50 ms, 0 over-bookings.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { systemContext } from '../server/core/context.ts';
import { openDatabase, rows } from '../server/core/db.ts';
import { addDays, localDate } from '../server/core/time.ts';
import { buildCourse, buildEnrolment } from '../server/modules/courses/courses.factories.ts';
import { createCourse } from '../server/modules/courses/courses.service.ts';
import { testConfig } from '../test/config.ts';
import { adminQuery, databaseUrl, startPostgres } from '../test/postgres.ts';
import type { RateResult } from './rate.ts';
import { atRate, ms, num, prng } from './shared.ts';

const GOAL_P95_MS = 50;
const BARE_PATH = '/api/v1/bench/bare';

export type RaceOptions = { rate: number; duration: number; courses: number; seed: number };

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Each person from an address of their own (the form allows 1,000 a minute per address). */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

type Answer = { status: 'enrolled' | 'waiting'; position: number | null; code: string };

export async function benchEnrolmentRace(options: RaceOptions): Promise<boolean> {
  const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startPostgres();
  const name = `lotse_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(server.url, `create database ${name}`);
  const url = databaseUrl(server.url, name);
  const config = testConfig({
    DATABASE_URL: url,
    DEMO: 'true',
    JOBS: 'false',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
  });
  const city = loadCity(config.cityDir);
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const version = await database.pool?.query<{ server_version: string }>('show server_version');
    console.log(
      `\nThe enrolment race: PostgreSQL ${version?.rows[0]?.server_version} (${external ? 'from the environment' : 'embedded'}), pool of 10 connections`,
    );
    const { app, services, modules } = await buildApp({ config, database, city });
    await prepareDatabase(services, modules);
    const ctx = systemContext(services);
    const rng = prng(options.seed);
    const today = localDate(new Date(), city.profile.timezone);

    // Small courses: 4–15 places, 1–4 childcare places for children of 0–5.
    const made: { id: string; capacity: number; childcare: number }[] = [];
    for (let c = 0; c < options.courses + 1; c++) {
      const capacity = 4 + rng.int(12);
      const childcare = 1 + rng.int(4);
      const course = await createCourse(
        ctx,
        buildCourse({
          name: { de: `Wettlauf ${c}` },
          capacity,
          childcarePlaces: childcare,
          childcareAgeMin: 0,
          childcareAgeMax: 5,
          startsOn: addDays(today, 14),
          endsOn: addDays(today, 200),
        }),
      );
      made.push({ id: course.id, capacity, childcare });
    }
    const warmCourse = made.pop() as (typeof made)[number];

    let bareAnswer = '';
    app.post(BARE_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.code(201).type('application/json; charset=utf-8').send(bareAnswer),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Each browser fetches its CSRF cookie and token before sending the form (not timed): 100 of them, shared.
    const browsers: Record<string, string>[] = [];
    for (let b = 0; b < 100; b++) {
      const reply = await fetch(`${base}/api/v1/auth/csrf`);
      const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('lotse_csrf=')) ?? '';
      const { token } = (await reply.json()) as { token: string };
      browsers.push({ cookie: cookie.split(';')[0] ?? '', 'x-csrf-token': token });
    }
    const total = Math.round(options.rate * options.duration);
    let person = 0;
    const enrolment = (courseId: string) => {
      const i = person++;
      const body = buildEnrolment({
        childcare: rng.next() < 0.4 ? [rng.int(6)] : [],
        languages: [rng.pick(['bul', 'ron', 'tur', 'ara', 'ukr'])],
      });
      return {
        path: `/api/v1/courses/${courseId}/enrolments`,
        body: JSON.stringify(body),
        headers: {
          ...browsers[i % browsers.length],
          'x-forwarded-for': addressOf(i + 1),
          'accept-language': 'de',
        },
      };
    };
    const race = Array.from({ length: total }, () => enrolment(rng.pick(made).id));

    // Warm-up: the server's code paths and the pool, into a course of its own (checked with the others).
    const warm = Array.from({ length: 200 }, () => enrolment(warmCourse.id));
    const warmResult = await atRate({ base, rate: 100, duration: 2, method: 'POST', requests: warm });
    if (!warmResult.statuses['201'])
      throw new Error(`warm-up answered ${JSON.stringify(warmResult.statuses)}`);
    bareAnswer = JSON.stringify({ status: 'waiting', position: 17, code: 'ABCD-EFGH-JKLM-NPQR' });

    const bareLoad = load();
    const bareCpuBefore = process.cpuUsage();
    const bare = await atRate({
      base,
      rate: options.rate,
      duration: options.duration,
      method: 'POST',
      requests: race.map((r) => ({ ...r, path: BARE_PATH })),
    });
    const bareCpu = process.cpuUsage(bareCpuBefore);
    const raceLoadBefore = load();
    const cpuBefore = process.cpuUsage();
    const result = await atRate({
      base,
      rate: options.rate,
      duration: options.duration,
      method: 'POST',
      requests: race,
      keepBodies: true,
    });
    const cpu = process.cpuUsage(cpuBefore);
    const raceLoad = load();

    // What the database holds, course by course.
    const courseRows = await rows<{
      id: string;
      capacity: number;
      childcare_places: number;
      arrivals: number;
    }>(
      database.db,
      sql`select id, capacity, childcare_places, arrivals::int as arrivals from courses where id in (${sql.join(
        [...made, warmCourse].map((c) => sql`${c.id}`),
        sql`, `,
      )})`,
    );
    const enrolmentRows = await rows<{ course_id: string; arrival: number; status: string; needs: number }>(
      database.db,
      sql`select course_id, arrival::int as arrival, status, cardinality(childcare_ages)::int as needs from course_enrolments
          where course_id in (${sql.join(
            [...made, warmCourse].map((c) => sql`${c.id}`),
            sql`, `,
          )}) order by course_id, arrival`,
    );
    const byCourse = new Map<string, typeof enrolmentRows>();
    for (const row of enrolmentRows) {
      const list = byCourse.get(row.course_id) ?? [];
      list.push(row);
      byCourse.set(row.course_id, list);
    }
    let overPlaces = 0;
    let overChildcare = 0;
    let arrivalGaps = 0;
    let offRule = 0;
    for (const course of courseRows) {
      const list = byCourse.get(course.id) ?? [];
      const held = list.filter((r) => r.status === 'enrolled');
      if (held.length > course.capacity) overPlaces++;
      if (held.reduce((s, r) => s + r.needs, 0) > course.childcare_places) overChildcare++;
      if (list.some((r, i) => r.arrival !== i + 1) || course.arrivals !== list.length) arrivalGaps++;
      // Replaying the rule in arrival order gives each stored status.
      let places = course.capacity;
      let childcare = course.childcare_places;
      for (const r of list) {
        const fits = places >= 1 && childcare >= r.needs;
        if (fits) {
          places--;
          childcare -= r.needs;
        }
        if ((fits ? 'enrolled' : 'waiting') !== r.status) offRule++;
      }
    }
    // The positions people were told: per course 1..k without gaps or repeats.
    const told = new Map<string, number[]>();
    let unanswered = 0;
    let toldEnrolled = 0;
    result.bodies?.forEach((body, i) => {
      const courseId = race[i]?.path.split('/')[4] ?? '';
      let answer: Answer | null = null;
      try {
        answer = body ? (JSON.parse(body) as Answer) : null;
      } catch {
        answer = null;
      }
      if (!answer?.status) {
        unanswered++;
        return;
      }
      if (answer.status === 'enrolled') toldEnrolled++;
      else told.set(courseId, [...(told.get(courseId) ?? []), answer.position ?? -1]);
    });
    let positionFaults = 0;
    for (const [, positions] of told) {
      positions.sort((a, b) => a - b);
      if (positions.some((p, i) => p !== i + 1)) positionFaults++;
    }
    const places = made.reduce((s, c) => s + c.capacity, 0);
    const storedEnrolled = enrolmentRows.filter(
      (r) => r.status === 'enrolled' && r.course_id !== warmCourse.id,
    ).length;

    const verdict = (ok: boolean) => (ok ? 'HIT' : 'MISS');
    const okStatuses = (r: RateResult) => Object.keys(r.statuses).every((s) => s === '201') && !r.errors;
    const row = (label: string, r: RateResult, loadText: string) =>
      `${label.padEnd(26)}${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${r.rps.toFixed(0).padStart(8)}  ${okStatuses(r) ? 'all 201' : JSON.stringify(r.statuses)}${r.errors ? ` ${r.errors} errors` : ''}   ${loadText}`;
    console.log(
      `${options.courses} courses, ${places} places; ${total} enrolments (40 % with childcare) arriving at ${options.rate}/s for ${options.duration} s (open loop; latency from the moment each was due)`,
    );
    console.log(`
                            p50 ms   p95 ms   p99 ms   max ms    ans/s  answers   load average (1 5 15 min)
enrolment (POST, database)${row('', result, `${raceLoadBefore} → ${raceLoad}`)}
bare POST (from memory)   ${row('', bare, bareLoad)}`);
    console.log(
      `server process CPU (PostgreSQL's own processes not counted): ${((cpu.user + cpu.system) / total).toFixed(0)} µs per enrolment, ${((bareCpu.user + bareCpu.system) / total).toFixed(0)} µs per bare POST; generator's worst send lag ${num(result.maxSendLag)} ms`,
    );
    console.log(
      `counted from the database: ${storedEnrolled} of ${places} places given, ${enrolmentRows.length - storedEnrolled} others; courses over their places ${overPlaces}, over their childcare places ${overChildcare}; arrival numbers with gaps ${arrivalGaps}; decisions off the arrival-order rule ${offRule}; courses whose told waiting positions are not 1..k ${positionFaults}; answers without a status ${unanswered}; told "enrolled" ${toldEnrolled}`,
    );
    const p95ok = (result.p95 ?? Number.POSITIVE_INFINITY) <= GOAL_P95_MS;
    const overbooked = overPlaces + overChildcare;
    const correct = overbooked === 0 && arrivalGaps === 0 && offRule === 0 && positionFaults === 0;
    const rateOk = result.answered === total && okStatuses(result);
    console.log(`
goal  enrolment p95 ≤ ${GOAL_P95_MS} ms at ${options.rate}/s        ${num(result.p95)} ms   ${verdict(p95ok)}
goal  0 over-bookings                        ${overbooked}   ${verdict(overbooked === 0)}
check positions 1..k, arrival order, rule   ${correct ? 'yes' : 'NO'}   ${verdict(correct)}
check every enrolment answered 201           ${result.answered}/${total}   ${verdict(rateOk)}`);
    await app.close();
    return p95ok && correct && rateOk;
  } finally {
    await database.close();
    await adminQuery(server.url, `drop database if exists ${name} with (force)`).catch(() => {});
    await server.stop();
  }
}
