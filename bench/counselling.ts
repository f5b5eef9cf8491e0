/**
 * `npm run bench -- counselling [--cases N] [--db pglite|postgres]`: the counselling module's start-up key check
 * (server/modules/counselling/sealing.ts) at N cases (default 100,000), each with its sealed person, one sealed note
 * and one sealed booking contact, on PGlite in memory (the default database) or PostgreSQL (embedded, or
 * BENCH_DATABASE_URL). Measures a start with the current key (the check alone), a start after a key rotation (every
 * value re-sealed) and the start after that; prints wall-clock and CPU seconds (process.cpuUsage) and the load
 * average, since the machine may be shared. Goal: a start with the current key stays well under a second.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { systemContext } from '../server/core/context.ts';
import { openDatabase } from '../server/core/db.ts';
import { DEMO_CLEARING } from '../server/modules/counselling/counselling.demo.ts';
import {
  counsellingBookings,
  counsellingCases,
  counsellingNotes,
  counsellingSlots,
} from '../server/modules/counselling/counselling.tables.ts';
import { currentKeyOf, seal } from '../server/modules/counselling/seal.ts';
import { prepareCounsellingSealing } from '../server/modules/counselling/sealing.ts';
import { testConfig } from '../test/config.ts';
import { adminQuery, databaseUrl, startPostgres } from '../test/postgres.ts';

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

export async function benchCounselling(args: string[]): Promise<void> {
  const cases = Number(option(args, 'cases', '100000'));
  const kind = option(args, 'db', 'pglite');
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases wants a whole number');
  let stopServer = async () => {};
  let url = '';
  if (kind === 'postgres') {
    const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    const server = external ? { url: external, stop: async () => {} } : await startPostgres();
    stopServer = server.stop;
    const name = `lotse_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await adminQuery(server.url, `create database ${name}`);
    url = databaseUrl(server.url, name);
  } else if (kind !== 'pglite') throw new Error('--db wants pglite or postgres');
  const config = testConfig({
    ...(url ? { DATABASE_URL: url } : {}),
    DEMO: 'true',
    JOBS: 'false',
    LOG_LEVEL: 'warn',
  });
  const city = loadCity(config.cityDir);
  const database = await openDatabase(
    kind === 'postgres' ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null },
  );
  try {
    const { services, modules } = await buildApp({ config, database, city });
    await prepareDatabase(services, modules);
    const ctx = systemContext(services);
    const generated = await timed(async () => {
      const [caseRow] = await database.db.select().from(counsellingCases).limit(1);
      if (!caseRow) throw new Error('the demo has no case');
      const CHUNK = 2000;
      const now = new Date();
      for (let from = 0; from < cases; from += CHUNK) {
        const size = Math.min(CHUNK, cases - from);
        const ids = Array.from({ length: size }, () => randomUUID());
        await database.db.insert(counsellingCases).values(
          ids.map((id, i) => ({
            ...caseRow,
            id,
            bookingId: null,
            sealedPerson: seal(config, {
              name: `Bench Person ${from + i}`,
              birthDate: '1980-01-01',
              languages: ['ro'],
              address: null,
              noFixedAddress: true,
              phone: null,
              email: null,
            }),
          })),
        );
        await database.db.insert(counsellingNotes).values(
          ids.map((caseId, i) => ({
            caseId,
            sealed: seal(config, `Notiz ${from + i}: Arbeitsvertrag liegt vor, EHIC fehlt.`),
            authorId: null,
            createdAt: now,
          })),
        );
        const slots = await database.db
          .insert(counsellingSlots)
          .values(
            ids.map((_, i) => ({
              serviceId: DEMO_CLEARING,
              startsAt: new Date(Date.UTC(2000, 0, 1) + (from + i) * 60_000),
              endsAt: new Date(Date.UTC(2000, 0, 1) + (from + i) * 60_000 + 30 * 60_000),
            })),
          )
          .returning({ id: counsellingSlots.id });
        await database.db.insert(counsellingBookings).values(
          slots.map((slot, i) => ({
            slotId: slot.id,
            serviceId: DEMO_CLEARING,
            codeHash: randomUUID(),
            sealedContact: seal(config, { name: `Bench Person ${from + i}`, phone: '0203 1', email: null }),
            language: 'ro',
            topic: 'health_insurance',
            status: 'opened',
            createdAt: now,
          })),
        );
      }
    });
    console.log(
      `counselling start-up key check, ${database.kind}: ${cases} cases + ${cases} notes + ${cases} bookings generated in ${generated.wall.toFixed(1)} s (load ${load()})`,
    );
    const row = (what: string, r: { result: number; wall: number; cpu: number }) =>
      console.log(
        `${what.padEnd(44)} wall ${r.wall.toFixed(2).padStart(7)} s   cpu ${r.cpu.toFixed(2).padStart(7)} s   re-sealed ${String(r.result).padStart(7)}   load ${load()}`,
      );
    row('start with the current key (the check)', await timed(() => prepareCounsellingSealing(ctx)));
    row('start with the current key, again', await timed(() => prepareCounsellingSealing(ctx)));
    const oldKey = currentKeyOf(config);
    const { randomBytes } = await import('node:crypto');
    const rotated = {
      ...ctx,
      config: { ...config, counsellingKey: randomBytes(32), counsellingOldKeys: [oldKey] },
    };
    row('start after a key rotation (re-seal all)', await timed(() => prepareCounsellingSealing(rotated)));
    row('the start after that', await timed(() => prepareCounsellingSealing(rotated)));
    const wrong = { ...ctx, config: { ...config, counsellingKey: randomBytes(32), counsellingOldKeys: [] } };
    const refused = await timed(() =>
      prepareCounsellingSealing(wrong).then(
        () => -1,
        () => 0,
      ),
    );
    if (refused.result !== 0) throw new Error('a wrong key was not refused');
    row('a wrong key: refused', refused);
  } finally {
    await database.close();
    await stopServer();
  }
}
