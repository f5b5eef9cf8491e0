// What other modules read of accounts and organisations: one query each, lists batched by id. Other modules use
// these (through index.ts) instead of the platform's tables, so platform may change its tables on its own.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import type { Role } from '../../core/roles.ts';
import { organisations, users } from './platform.tables.ts';

/** An account as other modules see it: no password hash, no login times. */
export type Account = {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  role: string;
  organisationId: string | null;
  disabled: boolean;
};

const accountColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  locale: users.locale,
  role: users.role,
  organisationId: users.organisationId,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
};

/** One account by id. */
export async function findAccount(db: Tx, id: string): Promise<Account | undefined> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  return row;
}

/** One account by e-mail address (any case). */
export async function findAccountByEmail(db: Tx, email: string): Promise<Account | undefined> {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/** The accounts of many ids in one query, ordered by name (the order of the lists that show them). */
export async function accountsByIds(db: Tx, ids: readonly string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  return db
    .select(accountColumns)
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** The display names of many accounts in one query, by id. */
export async function accountNames(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A new account without a password (it is set through an invitation link); returns its id. */
export async function createAccount(
  db: Tx,
  values: { email: string; displayName: string; role: Role; locale: string; createdAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ ...values, passwordHash: null })
    .returning({ id: users.id });
  return row?.id ?? '';
}

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  districtId: organisations.districtId,
};

/** One organisation by id. */
export async function findOrganisationById(db: Tx, id: string) {
  const [row] = await db.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Many organisations in one query, ordered by name (the order of the lists that show them). */
export async function organisationsByIds(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select(organisationColumns)
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** The names of many organisations in one query, by id. */
export async function organisationNames(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organisations of one kind (e.g. every school), or the one of them with `id`, ordered by name. */
export async function listOrganisationsOfKind(db: Tx, input: { kind: string; id?: string | undefined }) {
  return db
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, input.kind), input.id ? eq(organisations.id, input.id) : undefined))
    .orderBy(asc(organisations.name));
}
