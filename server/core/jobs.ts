import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { jobs } from './core.tables.ts';
import { type AppServices, type Ctx, systemContext } from './context.ts';
import { rows } from './db.ts';

/** A recurring background job, declared by a module's manifest. */
export type JobDefinition = {
  name: string;
  intervalSeconds: number;
  /** Returns counts for the log; never personal data. */
  run: (ctx: Ctx) => Promise<Record<string, number> | undefined>;
};

export type JobRunner = {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs every due job once; returns the names this server ran. */
  tick(): Promise<string[]>;
  /** Makes a job due now; whichever server polls first runs it. */
  runSoon(name: string): Promise<boolean>;
  /**
   * Runs work in this process right after the current request has answered, so its time does not show in the
   * answer (a password-reset mail for an existing account). Failures are logged by name and code; stop() and
   * idle() wait for it.
   */
  defer(name: string, work: () => Promise<void>): void;
  /** Resolves when no deferred work is left. */
  idle(): Promise<void>;
  definitions: JobDefinition[];
};

/** Creates the in-process job runner. A job row is claimed with one UPDATE, so one server runs it at a time. */
export function createJobRunner(
  services: AppServices,
  definitions: JobDefinition[],
  options: { pollMs?: number; leaseSeconds?: number } = {},
): JobRunner {
  const instance = randomUUID();
  const pollMs = options.pollMs ?? 5000;
  const lease = options.leaseSeconds ?? 600;
  const db = services.database.db;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let registered = false;
  const deferred = new Set<Promise<void>>();

  async function register(): Promise<void> {
    if (registered) return;
    for (const job of definitions) {
      await db
        .insert(jobs)
        .values({ name: job.name, intervalSeconds: job.intervalSeconds, nextRunAt: sql`now()` })
        .onConflictDoUpdate({ target: jobs.name, set: { intervalSeconds: job.intervalSeconds } });
    }
    registered = true;
  }

  async function claim(name: string): Promise<boolean> {
    const claimed = await rows<{ name: string }>(
      db,
      sql`update jobs set locked_until = now() + make_interval(secs => ${lease}), locked_by = ${instance}
          where name = ${name} and next_run_at <= now() and (locked_until is null or locked_until < now())
          returning name`,
    );
    return claimed.length === 1;
  }

  async function finish(job: JobDefinition, status: 'ok' | 'error', error: string | null): Promise<void> {
    await db.execute(
      sql`update jobs set locked_until = null, locked_by = null, last_run_at = now(), runs = runs + 1,
          next_run_at = now() + make_interval(secs => ${job.intervalSeconds}),
          last_status = ${status}, last_error = ${error}
          where name = ${job.name} and locked_by = ${instance}`,
    );
  }

  async function tick(): Promise<string[]> {
    await register();
    const ran: string[] = [];
    for (const job of definitions) {
      if (!(await claim(job.name))) continue;
      ran.push(job.name);
      const started = Date.now();
      try {
        const counts = await job.run(systemContext(services));
        await finish(job, 'ok', null);
        services.logger.info({ job: job.name, ms: Date.now() - started, ...counts }, 'job done');
      } catch (error) {
        // Only the error's class and code: messages from the database may quote personal data.
        const code = (error as { code?: string }).code ?? (error as Error).name;
        await finish(job, 'error', String(code));
        services.logger.error({ job: job.name, code }, 'job failed');
      }
    }
    return ran;
  }

  function schedule(): void {
    timer = setTimeout(() => {
      running = tick()
        .catch((error) =>
          services.logger.error({ code: (error as { code?: string }).code }, 'job poll failed'),
        )
        .finally(() => {
          if (timer) schedule();
        });
    }, pollMs);
    timer.unref();
  }

  return {
    definitions,
    tick,
    start() {
      if (!timer) schedule();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      while (deferred.size) await Promise.allSettled([...deferred]);
    },
    defer(name, work) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((error) => {
          const code = (error as { code?: string }).code ?? (error as Error).name;
          services.logger.error({ work: name, code }, 'deferred work failed');
        })
        .finally(() => deferred.delete(done));
      deferred.add(done);
    },
    async idle() {
      while (deferred.size) await Promise.allSettled([...deferred]);
    },
    async runSoon(name) {
      if (!definitions.some((job) => job.name === name)) return false;
      await register();
      await db.update(jobs).set({ nextRunAt: sql`now()` }).where(eq(jobs.name, name));
      return true;
    },
  };
}
