import { and, count, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { auditLog, jobs, locales, outbox } from '../../core/core.tables.ts';
import type { Tx } from '../../core/db.ts';
import type { Device } from './device.ts';
import {
  consents,
  loginFailures,
  organisations,
  passwordResets,
  sessions,
  users,
} from './platform.tables.ts';

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  locale: users.locale,
  passwordHash: users.passwordHash,
  disabledAt: users.disabledAt,
  anonymisedAt: users.anonymisedAt,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};
export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: string | null;
  locale: string;
  passwordHash: string | null;
  disabledAt: Date | null;
  anonymisedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
};

const userQuery = (db: Tx) =>
  db.select(userColumns).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId));

export async function findUserByEmail(db: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await userQuery(db).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await userQuery(db).where(eq(users.id, id));
  return row;
}

/** The user of a live session, or nothing. */
export async function findSessionUser(db: Tx, sessionId: string, now: Date) {
  const [row] = await db
    .select({ ...userColumns, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.id, sessionId), gte(sessions.expiresAt, now), isNull(users.disabledAt)));
  return row;
}

export async function insertSession(
  db: Tx,
  values: { id: string; userId: string; expiresAt: Date; now: Date; device: Device },
) {
  await db.insert(sessions).values({
    id: values.id,
    userId: values.userId,
    expiresAt: values.expiresAt,
    createdAt: values.now,
    lastSeenAt: values.now,
    browser: values.device.browser,
    system: values.device.system,
  });
}

/** A user's live sessions, the most recently used first. */
export async function listUserSessions(db: Tx, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      browser: sessions.browser,
      system: sessions.system,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gte(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends one session of a user; false when the user has no such session. */
export async function deleteUserSession(db: Tx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function touchSession(db: Tx, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Tx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user except, optionally, the current one; how many ended. */
export async function deleteUserSessions(
  db: Tx,
  userId: string,
  exceptId: string | null = null,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function countRecentFailures(db: Tx, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function insertFailure(db: Tx, key: string, at: Date) {
  await db.insert(loginFailures).values({ key, at });
}

export async function clearFailures(db: Tx, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

export async function updateUser(db: Tx, id: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(values).where(eq(users.id, id));
}

export async function insertUser(db: Tx, values: typeof users.$inferInsert): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row?.id ?? '';
}

export async function listUsers(
  db: Tx,
  filter: { q?: string; role?: string; limit: number; offset: number },
) {
  const where = and(
    filter.q
      ? or(
          ilike(users.email, `%${escapeLike(filter.q)}%`),
          ilike(users.displayName, `%${escapeLike(filter.q)}%`),
        )
      : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
  );
  const items = await userQuery(db)
    .where(where)
    .orderBy(users.displayName, users.id)
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { items, total: total?.n ?? 0 };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function insertPasswordReset(
  db: Tx,
  values: { id: string; userId: string; expiresAt: Date; usedAt?: Date | null; now: Date },
) {
  await db.insert(passwordResets).values({
    id: values.id,
    userId: values.userId,
    expiresAt: values.expiresAt,
    usedAt: values.usedAt ?? null,
    createdAt: values.now,
  });
}

/** Marks a valid reset token used and returns its user; a used or expired token returns nothing. */
export async function consumePasswordReset(db: Tx, id: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gte(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

export async function listLocales(db: Tx) {
  return db.select().from(locales).orderBy(locales.position);
}

export async function upsertLocale(db: Tx, values: typeof locales.$inferInsert) {
  await db
    .insert(locales)
    .values(values)
    .onConflictDoUpdate({
      target: locales.code,
      set: { nativeName: values.nativeName, direction: values.direction, position: values.position },
    });
}

export async function listOrganisations(db: Tx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      districtId: organisations.districtId,
    })
    .from(organisations)
    .orderBy(organisations.name);
}

export async function upsertOrganisation(db: Tx, values: typeof organisations.$inferInsert) {
  await db.insert(organisations).values(values).onConflictDoNothing();
}

export type AuditFilter = {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

export async function searchAudit(db: Tx, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
  ];
  const where = and(...conditions);
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function listJobs(db: Tx) {
  return db.select().from(jobs).orderBy(jobs.name);
}

export async function listOutbox(db: Tx, limit: number, offset: number) {
  const items = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(outbox);
  return { items, total: total?.n ?? 0 };
}

export async function listConsents(db: Tx, subjectType: string, subjectId: string) {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.subjectType, subjectType), eq(consents.subjectId, subjectId)))
    .orderBy(desc(consents.givenAt));
}

export async function findConsent(db: Tx, id: string) {
  const [row] = await db.select().from(consents).where(eq(consents.id, id));
  return row;
}

export async function insertConsent(db: Tx, values: typeof consents.$inferInsert) {
  const [row] = await db.insert(consents).values(values).returning();
  return row;
}

export async function withdrawConsentRow(db: Tx, id: string, now: Date) {
  const [row] = await db
    .update(consents)
    .set({ withdrawnAt: now })
    .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
    .returning();
  return row;
}

/** A consent for this purpose that is given, not withdrawn and not expired. */
export async function findValidConsent(
  db: Tx,
  subjectType: string,
  subjectId: string,
  purpose: string,
  now: Date,
) {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.subjectType, subjectType),
        eq(consents.subjectId, subjectId),
        eq(consents.purpose, purpose),
        isNull(consents.withdrawnAt),
        lte(consents.givenAt, now),
        gte(consents.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

export async function deleteConsentsOfSubject(db: Tx, subjectType: string, subjectId: string) {
  await db
    .delete(consents)
    .where(and(eq(consents.subjectType, subjectType), eq(consents.subjectId, subjectId)));
}

export async function auditEntriesOfActor(db: Tx, actorId: string) {
  return db.select().from(auditLog).where(eq(auditLog.actorId, actorId)).orderBy(auditLog.id).limit(10_000);
}

// Retention: one query per rule.
export async function deleteOldSessions(db: Tx, now: Date, cutoff: Date) {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.createdAt, cutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}
export async function deleteOldPasswordResets(db: Tx, cutoff: Date) {
  const deleted = await db
    .delete(passwordResets)
    .where(lt(passwordResets.createdAt, cutoff))
    .returning({ id: passwordResets.id });
  return deleted.length;
}
export async function deleteOldLoginFailures(db: Tx, cutoff: Date) {
  const deleted = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, cutoff))
    .returning({ id: loginFailures.id });
  return deleted.length;
}
export async function deleteOldOutbox(db: Tx, cutoff: Date) {
  const deleted = await db
    .delete(outbox)
    .where(and(lt(outbox.createdAt, cutoff), sql`${outbox.status} in ('sent', 'held', 'failed')`))
    .returning({ id: outbox.id });
  return deleted.length;
}
export async function deleteEndedConsents(db: Tx, cutoff: Date) {
  const deleted = await db
    .delete(consents)
    .where(or(lt(consents.withdrawnAt, cutoff), lt(consents.expiresAt, cutoff)))
    .returning({ id: consents.id });
  return deleted.length;
}
export async function findInactiveResidents(db: Tx, cutoff: Date) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'resident'),
        isNull(users.anonymisedAt),
        lt(sql`coalesce(${users.lastLoginAt}, ${users.createdAt})`, cutoff),
      ),
    );
}

export async function deletePasswordResetsOfUser(db: Tx, userId: string) {
  await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
}
