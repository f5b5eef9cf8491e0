import type { Logger } from 'pino';
import type { City } from './city.ts';
import type { Config } from './config.ts';
import type { Database, Db, Tx } from './db.ts';
import type { JobRunner } from './jobs.ts';
import type { OrganisationKind, Role } from './roles.ts';

/**
 * Who is acting: a signed-in user, or the public (no account). Staff carry their organisation's id and kind
 * (e.g. "ki", "school") from sign-in, so policies decide without another query.
 */
export type Actor =
  | {
      kind: 'public';
      role: 'public';
      id: null;
      organisationId: null;
      organisationKind: null;
      sessionId: null;
    }
  | {
      kind: 'user';
      role: Role;
      id: string;
      organisationId: string | null;
      organisationKind: OrganisationKind | null;
      sessionId: string | null;
    }
  | {
      kind: 'system';
      role: 'system';
      id: null;
      organisationId: null;
      organisationKind: null;
      sessionId: null;
    };

export const PUBLIC_ACTOR: Actor = {
  kind: 'public',
  role: 'public',
  id: null,
  organisationId: null,
  organisationKind: null,
  sessionId: null,
};
export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  role: 'system',
  id: null,
  organisationId: null,
  organisationKind: null,
  sessionId: null,
};

/** What lives for the whole process: settings, database, city profile, logger. */
/**
 * The time the services see. In production it is the machine's clock; tests move it (`clock.set`) to make a
 * reminder or an expiry due, and the jobs and requests that follow see the moved time.
 */
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves the clock so that now() is `to` (it keeps running from there). */
  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type AppServices = {
  clock: Clock;
  config: Config;
  database: Database;
  city: City;
  logger: Logger;
  jobRunner: JobRunner;
};

/** What every service function gets: the services, the actor, the language, the clock and where the call came from. */
export type Ctx = AppServices & {
  db: Db | Tx;
  actor: Actor;
  locale: string;
  now: Date;
  ip: string | null;
  requestId: string | null;
};

/** A context for jobs and command-line tasks, acting as the system. */
export function systemContext(services: AppServices, now = services.clock.now()): Ctx {
  return {
    ...services,
    db: services.database.db,
    actor: SYSTEM_ACTOR,
    locale: 'de',
    now,
    ip: null,
    requestId: null,
  };
}

/** The same context bound to a transaction. */
export function withTx(ctx: Ctx, tx: Tx): Ctx {
  return { ...ctx, db: tx };
}

/** Runs steps in one transaction; a thrown error rolls every step back. */
export function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  return (ctx.db as Db).transaction((tx) => work(withTx(ctx, tx)));
}
