/**
 * Types for the role × route matrix (server/modules/platform/matrix.test.ts). A module with routes adds a
 * `<module>.matrix.ts` next to its code that default-exports a ModuleMatrix: its own fixtures and its rows.
 * The matrix test finds these files itself.
 */
import { ROLES } from '../server/core/roles.ts';
import type { Client, TestApp } from './harness.ts';

/**
 * Staff with a scope (server/core/roles.ts), each a role in an organisation of a kind: the counsellor is a
 * caseworker of an advice centre (the `reports` scope), signed in as the demo account of the reports module.
 */
export const SCOPED = {
  counsellor: { role: 'caseworker', organisationId: 'adb-duisburg', email: 'beratung@demo.lotse.example' },
  /** A counsellor of the Clearingstelle: a caseworker of a "counselling" organisation (the `counselling` scope). */
  clearing: {
    role: 'caseworker',
    organisationId: 'clearingstelle-duisburg',
    email: 'clearingstelle@demo.lotse.example',
  },
} as const;
export type ScopedActor = keyof typeof SCOPED;

/**
 * Everyone the matrix sends requests as: the anonymous visitor, one account per role (the platform's), and the
 * scoped staff — a row listing `caseworker` does not let the counsellor in; one that wants it names `counsellor`.
 */
export const ACTORS = ['anonymous', ...ROLES, 'counsellor', 'clearing'] as const;
export type ActorName = (typeof ACTORS)[number];
/** A signed-in actor of the matrix: a role's demo account or a scoped one. */
export type Role = Exclude<ActorName, 'anonymous'>;
export { ROLES };
/** Every signed-in actor of the matrix. */
export const STAFF_ACTORS: readonly Role[] = [...ROLES, 'counsellor', 'clearing'];
/** The account role of a signed-in actor. */
export const roleOf = (actor: Role): (typeof ROLES)[number] =>
  actor in SCOPED ? SCOPED[actor as ScopedActor].role : (actor as (typeof ROLES)[number]);

// Shorthands for the table. Everything else is listed role by role.
export const EVERYONE: readonly ActorName[] = ACTORS;
export const SIGNED_IN: readonly ActorName[] = STAFF_ACTORS;

/** What every module's fixtures can build on: the app, one signed-in client per demo account, their ids. */
export type MatrixBase = {
  t: TestApp;
  clients: Record<ActorName, Client>;
  /** The demo account of each role (and of each scoped actor). */
  userIds: Record<Role, string>;
};

export type CellRequest = { url: string; body?: unknown; client?: Client; headers?: Record<string, string> };

export type MatrixRow<F> = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Tells two rows for the same route apart (e.g. one's own consent vs. someone else's). */
  variant?: string;
  allowed: readonly ActorName[];
  /** The status an allowed actor gets. */
  status: number;
  /** A valid request for this actor; `client` replaces the actor's shared client. */
  request: (actor: ActorName, f: F) => CellRequest | Promise<CellRequest>;
};

/** A module's part of the matrix: fixtures made once (after the platform's), and its rows. */
export type ModuleMatrix<F> = {
  setup: (base: MatrixBase) => Promise<F>;
  rows: MatrixRow<MatrixBase & F>[];
};

/** Runs `make` once per actor, in parallel, into a record by actor. */
export const byActor = async <T>(actors: readonly ActorName[], make: (actor: ActorName) => Promise<T>) =>
  Object.fromEntries(await Promise.all(actors.map(async (actor) => [actor, await make(actor)]))) as Record<
    ActorName,
    T
  >;
