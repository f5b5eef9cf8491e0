// The counselling module's queries: one function per query, over its own tables only.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import {
  counsellingBookings,
  counsellingBreakGlass,
  counsellingCases,
  counsellingClinicVisits,
  counsellingContacts,
  counsellingLeads,
  counsellingNotes,
  counsellingReferrals,
  counsellingServices,
  counsellingSlots,
} from './counselling.tables.ts';

export type ServiceRow = typeof counsellingServices.$inferSelect;
export type SlotRow = typeof counsellingSlots.$inferSelect;
export type BookingRow = typeof counsellingBookings.$inferSelect;
export type CaseRow = typeof counsellingCases.$inferSelect;
export type NoteRow = typeof counsellingNotes.$inferSelect;
export type ReferralRow = typeof counsellingReferrals.$inferSelect;
export type VisitRow = typeof counsellingClinicVisits.$inferSelect;
export type BreakGlassRow = typeof counsellingBreakGlass.$inferSelect;

export async function upsertService(db: Tx, values: typeof counsellingServices.$inferInsert) {
  await db
    .insert(counsellingServices)
    .values(values)
    .onConflictDoUpdate({ target: counsellingServices.id, set: values });
}

export async function listServices(db: Tx): Promise<ServiceRow[]> {
  return db.select().from(counsellingServices).orderBy(asc(counsellingServices.name));
}

export async function findService(db: Tx, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(counsellingServices).where(eq(counsellingServices.id, id));
  return row;
}

export async function insertSlots(db: Tx, values: (typeof counsellingSlots.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(counsellingSlots).values(values).onConflictDoNothing();
}

/** A service's slots from a time on, with no live booking: the public list. */
export async function listFreeSlots(db: Tx, serviceId: string, from: Date, until: Date) {
  return db
    .select({ id: counsellingSlots.id, startsAt: counsellingSlots.startsAt, endsAt: counsellingSlots.endsAt })
    .from(counsellingSlots)
    .leftJoin(
      counsellingBookings,
      and(eq(counsellingBookings.slotId, counsellingSlots.id), ne(counsellingBookings.status, 'cancelled')),
    )
    .where(
      and(
        eq(counsellingSlots.serviceId, serviceId),
        gte(counsellingSlots.startsAt, from),
        lt(counsellingSlots.startsAt, until),
        isNull(counsellingBookings.id),
      ),
    )
    .orderBy(asc(counsellingSlots.startsAt))
    .limit(200);
}

export async function findSlot(db: Tx, id: string): Promise<SlotRow | undefined> {
  const [row] = await db.select().from(counsellingSlots).where(eq(counsellingSlots.id, id));
  return row;
}

/** Inserts a booking; the partial unique index refuses a second live booking of the slot (23505). */
export async function insertBooking(
  db: Tx,
  values: typeof counsellingBookings.$inferInsert,
): Promise<BookingRow> {
  const [row] = await db.insert(counsellingBookings).values(values).returning();
  return row as BookingRow;
}

/** Inserts several bookings in one statement (fixtures). */
export async function insertBookings(db: Tx, values: (typeof counsellingBookings.$inferInsert)[]) {
  if (values.length > 0) await db.insert(counsellingBookings).values(values);
}

export async function findBookingByCodeHash(db: Tx, codeHash: string) {
  const [row] = await db
    .select({ booking: counsellingBookings, slot: counsellingSlots })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .where(eq(counsellingBookings.codeHash, codeHash));
  return row;
}

export async function findBooking(db: Tx, id: string) {
  const [row] = await db
    .select({
      booking: counsellingBookings,
      slot: counsellingSlots,
      organisationId: counsellingServices.organisationId,
    })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .innerJoin(counsellingServices, eq(counsellingServices.id, counsellingBookings.serviceId))
    .where(eq(counsellingBookings.id, id));
  return row;
}

export async function updateBooking(
  db: Tx,
  id: string,
  values: Partial<typeof counsellingBookings.$inferInsert>,
) {
  await db.update(counsellingBookings).set(values).where(eq(counsellingBookings.id, id));
}

/**
 * Takes the live bookings whose slot starts after `from` and up to `until` and that were not reminded yet: marks them
 * reminded and returns them with their slot and service. Rows another server is taking are skipped (SKIP LOCKED), so
 * two servers never remind one booking twice; run it in the transaction that queues the mails.
 */
export async function takeBookingsToRemind(db: Tx, from: Date, until: Date, now: Date) {
  const due = db
    .select({ id: counsellingBookings.id })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .where(
      and(
        eq(counsellingBookings.status, 'booked'),
        isNull(counsellingBookings.remindedAt),
        gt(counsellingSlots.startsAt, from),
        lte(counsellingSlots.startsAt, until),
      ),
    )
    .limit(500)
    .for('update', { of: counsellingBookings, skipLocked: true });
  const taken = await db
    .update(counsellingBookings)
    .set({ remindedAt: now })
    .where(inArray(counsellingBookings.id, due))
    .returning({ id: counsellingBookings.id });
  if (taken.length === 0) return [];
  return db
    .select({ booking: counsellingBookings, slot: counsellingSlots, service: counsellingServices })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .innerJoin(counsellingServices, eq(counsellingServices.id, counsellingBookings.serviceId))
    .where(
      inArray(
        counsellingBookings.id,
        taken.map((row) => row.id),
      ),
    );
}

/**
 * Moves a live booking to another slot of its service; the partial unique index refuses a slot that is taken
 * (23505). The reminder is due again for the new time.
 */
export async function moveBooking(db: Tx, id: string, slotId: string) {
  await db
    .update(counsellingBookings)
    .set({ slotId, remindedAt: null })
    .where(and(eq(counsellingBookings.id, id), eq(counsellingBookings.status, 'booked')));
}

/** The live bookings of the scope's services from a time on (staff's appointments). */
export async function listBookings(db: Tx, scope: Scope, from: Date) {
  return db
    .select({ booking: counsellingBookings, slot: counsellingSlots, serviceName: counsellingServices.name })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .innerJoin(counsellingServices, eq(counsellingServices.id, counsellingBookings.serviceId))
    .where(
      and(
        scopeWhere(scope, counsellingServices.organisationId),
        eq(counsellingBookings.status, 'booked'),
        gte(counsellingSlots.startsAt, from),
      ),
    )
    .orderBy(asc(counsellingSlots.startsAt))
    .limit(200);
}

export async function insertContact(db: Tx, values: typeof counsellingContacts.$inferInsert) {
  await db.insert(counsellingContacts).values(values);
}

export async function countContacts(db: Tx, serviceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(counsellingContacts)
    .where(eq(counsellingContacts.serviceId, serviceId));
  return row?.n ?? 0;
}

export async function insertCase(db: Tx, values: typeof counsellingCases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(counsellingCases).values(values).returning();
  return row as CaseRow;
}

export async function findCase(db: Tx, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(counsellingCases).where(eq(counsellingCases.id, id));
  return row;
}

export async function listCases(
  db: Tx,
  scope: Scope,
  status: string | undefined,
  limit: number,
  offset: number,
) {
  const where = and(
    scopeWhere(scope, counsellingCases.organisationId),
    status ? eq(counsellingCases.status, status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(counsellingCases)
      .where(where)
      .orderBy(desc(counsellingCases.updatedAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(counsellingCases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function updateCase(db: Tx, id: string, values: Partial<typeof counsellingCases.$inferInsert>) {
  const [row] = await db.update(counsellingCases).set(values).where(eq(counsellingCases.id, id)).returning();
  return row as CaseRow;
}

export async function insertNote(db: Tx, values: typeof counsellingNotes.$inferInsert): Promise<NoteRow> {
  const [row] = await db.insert(counsellingNotes).values(values).returning();
  return row as NoteRow;
}

export async function listNotes(db: Tx, caseId: string): Promise<NoteRow[]> {
  return db
    .select()
    .from(counsellingNotes)
    .where(eq(counsellingNotes.caseId, caseId))
    .orderBy(asc(counsellingNotes.createdAt));
}

/** Every sealed value of the module with its table and id, for the key check and rotation at start. */
export async function listSealed(db: Tx) {
  const [notes, cases, bookings, referrals] = await Promise.all([
    db.select({ id: counsellingNotes.id, sealed: counsellingNotes.sealed }).from(counsellingNotes),
    db.select({ id: counsellingCases.id, sealed: counsellingCases.sealedPerson }).from(counsellingCases),
    db
      .select({ id: counsellingBookings.id, sealed: counsellingBookings.sealedContact })
      .from(counsellingBookings),
    db
      .select({ id: counsellingReferrals.id, sealed: counsellingReferrals.sealedShared })
      .from(counsellingReferrals),
  ]);
  return { notes, cases, bookings, referrals };
}

/** The sealed column of each table: what the start-up key check and the key rotation read. */
const SEALED_COLUMNS = {
  notes: { table: counsellingNotes, id: counsellingNotes.id, sealed: counsellingNotes.sealed },
  cases: { table: counsellingCases, id: counsellingCases.id, sealed: counsellingCases.sealedPerson },
  bookings: {
    table: counsellingBookings,
    id: counsellingBookings.id,
    sealed: counsellingBookings.sealedContact,
  },
  referrals: {
    table: counsellingReferrals,
    id: counsellingReferrals.id,
    sealed: counsellingReferrals.sealedShared,
  },
  breakGlass: {
    table: counsellingBreakGlass,
    id: counsellingBreakGlass.id,
    sealed: counsellingBreakGlass.sealedReason,
  },
} as const;

export type SealedTable = keyof typeof SEALED_COLUMNS;
export const SEALED_TABLES = Object.keys(SEALED_COLUMNS) as SealedTable[];

/** The key id of a sealed value, in SQL: the text before its first dot (seal.ts). */
const keyIdOf = (table: SealedTable) => sql<string>`split_part(${SEALED_COLUMNS[table].sealed}, '.', 1)`;

/**
 * Which keys sealed a table's values: per key id, how many and one of them (to try the key on). One grouped scan
 * of a short prefix; nothing is decrypted.
 */
export async function sealedKeys(db: Tx, table: SealedTable) {
  const { table: from, sealed } = SEALED_COLUMNS[table];
  return db
    .select({
      keyId: keyIdOf(table),
      count: sql<number>`count(*)::int`,
      sample: sql<string>`min(${sealed})`,
    })
    .from(from)
    .groupBy(keyIdOf(table));
}

/** A page (by id) of a table's values sealed with another key than `keyId`. */
export async function sealedWithOtherKey(
  db: Tx,
  table: SealedTable,
  keyId: string,
  afterId: string | null,
  limit: number,
) {
  const { table: from, id, sealed } = SEALED_COLUMNS[table];
  return db
    .select({ id, sealed })
    .from(from)
    .where(and(sql`${keyIdOf(table)} <> ${keyId}`, afterId ? gt(id, afterId) : undefined))
    .orderBy(asc(id))
    .limit(limit);
}

/**
 * Break-glass reasons stored in plain text before they were sealed (up to migration 0032): they do not start with
 * a key id (8 hex digits and a dot).
 */
export async function listPlainBreakGlassReasons(db: Tx) {
  return db
    .select({ id: counsellingBreakGlass.id, reason: counsellingBreakGlass.sealedReason })
    .from(counsellingBreakGlass)
    .where(sql`${counsellingBreakGlass.sealedReason} !~ '^[0-9a-f]{8}[.]'`);
}

/** Writes a page of values sealed again, in one statement. */
export async function updateSealedPage(db: Tx, table: SealedTable, rows: { id: string; sealed: string }[]) {
  if (rows.length === 0) return;
  const { table: into, id, sealed } = SEALED_COLUMNS[table];
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.sealed})`),
    sql`, `,
  );
  await db.execute(
    sql`update ${into} set ${sql.identifier(sealed.name)} = v.sealed from (values ${values}) as v(id, sealed) where ${id} = v.id`,
  );
}

export async function insertReferral(
  db: Tx,
  values: typeof counsellingReferrals.$inferInsert,
): Promise<ReferralRow> {
  const [row] = await db.insert(counsellingReferrals).values(values).returning();
  return row as ReferralRow;
}

export async function findReferral(db: Tx, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(counsellingReferrals).where(eq(counsellingReferrals.id, id));
  return row;
}

export async function listReferralsOfCase(db: Tx, caseId: string): Promise<ReferralRow[]> {
  return db
    .select()
    .from(counsellingReferrals)
    .where(eq(counsellingReferrals.caseId, caseId))
    .orderBy(asc(counsellingReferrals.createdAt));
}

/** The referrals a recipient may still see: theirs, with the consent not yet expired. */
export async function listReferralsToRecipient(db: Tx, recipientId: string, now: Date) {
  return db
    .select()
    .from(counsellingReferrals)
    .where(
      and(eq(counsellingReferrals.recipientId, recipientId), gt(counsellingReferrals.consentExpiresAt, now)),
    )
    .orderBy(desc(counsellingReferrals.createdAt))
    .limit(200);
}

export async function updateReferral(
  db: Tx,
  id: string,
  values: Partial<typeof counsellingReferrals.$inferInsert>,
) {
  await db.update(counsellingReferrals).set(values).where(eq(counsellingReferrals.id, id));
}

export async function insertVisit(
  db: Tx,
  values: typeof counsellingClinicVisits.$inferInsert,
): Promise<VisitRow> {
  const [row] = await db.insert(counsellingClinicVisits).values(values).returning();
  return row as VisitRow;
}

export async function listVisits(db: Tx, referralIds: string[]): Promise<VisitRow[]> {
  if (referralIds.length === 0) return [];
  return db
    .select()
    .from(counsellingClinicVisits)
    .where(inArray(counsellingClinicVisits.referralId, referralIds))
    .orderBy(asc(counsellingClinicVisits.visitedOn));
}

/** Whether the organisation has any counselling data yet (the demo seeds once). */
export async function countServices(db: Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(counsellingServices);
  return row?.n ?? 0;
}

/** Closed cases whose closure lies before the cut-off and whose person is still kept: for anonymising. */
export async function listClosedCasesBefore(db: Tx, before: Date) {
  return db
    .select({ id: counsellingCases.id })
    .from(counsellingCases)
    .where(
      and(
        eq(counsellingCases.status, 'closed'),
        lt(counsellingCases.closedAt, before),
        isNull(counsellingCases.anonymisedAt),
      ),
    );
}

/** A case anonymised: the person replaced, what identifies gone; topics, district, dates and outcomes stay. */
export async function anonymiseCase(db: Tx, id: string, sealedPerson: string, now: Date) {
  await db.delete(counsellingNotes).where(eq(counsellingNotes.caseId, id));
  await db.delete(counsellingReferrals).where(eq(counsellingReferrals.caseId, id));
  await db
    .update(counsellingCases)
    .set({ sealedPerson, checklist: {}, missingDocuments: [], anonymisedAt: now })
    .where(eq(counsellingCases.id, id));
}

/** Bookings whose slot lay before the cut-off: the name and phone are no longer needed. */
export async function deleteBookingsBefore(db: Tx, before: Date): Promise<number> {
  const rows = await db
    .delete(counsellingBookings)
    .where(
      inArray(
        counsellingBookings.slotId,
        db
          .select({ id: counsellingSlots.id })
          .from(counsellingSlots)
          .where(lt(counsellingSlots.startsAt, before)),
      ),
    )
    .returning({ id: counsellingBookings.id });
  return rows.length;
}

/** A staff account's traces in the module (notes written, cases opened, visits recorded): for export and erasure. */
export async function countAuthored(db: Tx, userId: string) {
  const [notes, cases, visits] = await Promise.all([
    db
      .select({ id: counsellingNotes.id })
      .from(counsellingNotes)
      .where(eq(counsellingNotes.authorId, userId)),
    db
      .select({ id: counsellingCases.id })
      .from(counsellingCases)
      .where(eq(counsellingCases.openedBy, userId)),
    db
      .select({ id: counsellingClinicVisits.id })
      .from(counsellingClinicVisits)
      .where(eq(counsellingClinicVisits.recordedBy, userId)),
  ]);
  return { notes: notes.map((r) => r.id), cases: cases.map((r) => r.id), visits: visits.map((r) => r.id) };
}

export async function forgetAuthor(db: Tx, userId: string) {
  await db.update(counsellingNotes).set({ authorId: null }).where(eq(counsellingNotes.authorId, userId));
  await db.update(counsellingCases).set({ openedBy: null }).where(eq(counsellingCases.openedBy, userId));
  await db
    .update(counsellingBreakGlass)
    .set({ userId: null })
    .where(eq(counsellingBreakGlass.userId, userId));
  await db
    .update(counsellingClinicVisits)
    .set({ recordedBy: null })
    .where(eq(counsellingClinicVisits.recordedBy, userId));
}

/** Whether the account is a lead counsellor of the organisation. */
export async function isLead(db: Tx, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: counsellingLeads.userId })
    .from(counsellingLeads)
    .where(and(eq(counsellingLeads.userId, userId), eq(counsellingLeads.organisationId, organisationId)));
  return row !== undefined;
}

/** Every lead counsellor, by organisation and appointment. */
export async function listLeads(db: Tx) {
  return db
    .select()
    .from(counsellingLeads)
    .orderBy(asc(counsellingLeads.organisationId), asc(counsellingLeads.appointedAt));
}

/** Removes a lead; whether there was one. */
export async function deleteLead(db: Tx, userId: string): Promise<boolean> {
  const removed = await db
    .delete(counsellingLeads)
    .where(eq(counsellingLeads.userId, userId))
    .returning({ userId: counsellingLeads.userId });
  return removed.length > 0;
}

export async function insertLead(db: Tx, values: typeof counsellingLeads.$inferInsert) {
  await db.insert(counsellingLeads).values(values).onConflictDoNothing();
}

export async function insertBreakGlass(
  db: Tx,
  values: typeof counsellingBreakGlass.$inferInsert,
): Promise<BreakGlassRow> {
  const [row] = await db.insert(counsellingBreakGlass).values(values).returning();
  return row as BreakGlassRow;
}

/** The break-glass accesses to one case, newest first. */
export async function listBreakGlassOfCase(db: Tx, caseId: string): Promise<BreakGlassRow[]> {
  return db
    .select()
    .from(counsellingBreakGlass)
    .where(eq(counsellingBreakGlass.caseId, caseId))
    .orderBy(desc(counsellingBreakGlass.at));
}

/** Every break-glass access, newest first, with the opened case's service and organisation (one page). */
export async function listBreakGlass(db: Tx, limit: number, offset: number) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: counsellingBreakGlass.id,
        caseId: counsellingBreakGlass.caseId,
        userId: counsellingBreakGlass.userId,
        organisationId: counsellingBreakGlass.organisationId,
        sealedReason: counsellingBreakGlass.sealedReason,
        at: counsellingBreakGlass.at,
        serviceId: counsellingCases.serviceId,
        caseOrganisationId: counsellingCases.organisationId,
      })
      .from(counsellingBreakGlass)
      .innerJoin(counsellingCases, eq(counsellingCases.id, counsellingBreakGlass.caseId))
      .orderBy(desc(counsellingBreakGlass.at), desc(counsellingBreakGlass.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(counsellingBreakGlass),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The break-glass accesses an account made, oldest first (the account's export). */
export async function listBreakGlassBy(db: Tx, userId: string) {
  return db
    .select({
      caseId: counsellingBreakGlass.caseId,
      sealedReason: counsellingBreakGlass.sealedReason,
      at: counsellingBreakGlass.at,
    })
    .from(counsellingBreakGlass)
    .where(eq(counsellingBreakGlass.userId, userId))
    .orderBy(asc(counsellingBreakGlass.at));
}

/** The bookings of a case (the one it was opened from, and any linked to it), with their slot. */
export async function listBookingsOfCase(db: Tx, caseId: string, bookingId: string | null) {
  return db
    .select({ booking: counsellingBookings, slot: counsellingSlots })
    .from(counsellingBookings)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
    .where(
      bookingId
        ? sql`${counsellingBookings.caseId} = ${caseId} or ${counsellingBookings.id} = ${bookingId}`
        : eq(counsellingBookings.caseId, caseId),
    )
    .orderBy(asc(counsellingSlots.startsAt));
}

export async function deleteBookings(db: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(counsellingBookings).where(inArray(counsellingBookings.id, ids));
}

export async function deleteBreakGlassOfCase(db: Tx, caseId: string) {
  await db.delete(counsellingBreakGlass).where(eq(counsellingBreakGlass.caseId, caseId));
}

// Figures: non-identifying columns only (never a sealed value).

/** Cases opened or closed since the cut-off: dates, topics, district, language, outcomes. */
export async function figuresCases(db: Tx, since: Date) {
  return db
    .select({
      openedAt: counsellingCases.openedAt,
      closedAt: counsellingCases.closedAt,
      topics: counsellingCases.topics,
      districtId: counsellingCases.districtId,
      language: counsellingCases.language,
      outcomes: counsellingCases.outcomes,
    })
    .from(counsellingCases)
    .where(sql`${counsellingCases.openedAt} >= ${since} or ${counsellingCases.closedAt} >= ${since}`);
}

/** Anonymous contacts (no storage consent) since the cut-off. */
export async function figuresContacts(db: Tx, since: Date) {
  return db
    .select({
      at: counsellingContacts.at,
      topics: counsellingContacts.topics,
      districtId: counsellingContacts.districtId,
      language: counsellingContacts.language,
    })
    .from(counsellingContacts)
    .where(gte(counsellingContacts.at, since));
}

/** Bookings made since the cut-off: language and whether a mediator was asked for. */
export async function figuresBookings(db: Tx, since: Date) {
  return db
    .select({ language: counsellingBookings.language, mediator: counsellingBookings.mediator })
    .from(counsellingBookings)
    .where(gte(counsellingBookings.createdAt, since));
}

/** The clinic's visits since the cut-off day. */
export async function figuresVisits(db: Tx, sinceDay: string) {
  return db
    .select({ referredToClearing: counsellingClinicVisits.referredToClearing })
    .from(counsellingClinicVisits)
    .where(gte(counsellingClinicVisits.visitedOn, sinceDay));
}

/** Referrals made since the cut-off, counted by recipient and state. */
export async function figuresReferrals(db: Tx, since: Date) {
  return db
    .select({
      recipientId: counsellingReferrals.recipientId,
      status: counsellingReferrals.status,
      n: sql<number>`count(*)::int`,
    })
    .from(counsellingReferrals)
    .where(gte(counsellingReferrals.createdAt, since))
    .groupBy(counsellingReferrals.recipientId, counsellingReferrals.status);
}
