// The reports module's queries: one function per query, over its own tables only.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { reportContacts, reportMessages, reportNotes, reportPhotos, reports } from './reports.tables.ts';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

export async function insertReport(db: Tx, values: NewReport): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row as ReportRow;
}

export async function insertContact(db: Tx, values: typeof reportContacts.$inferInsert): Promise<void> {
  await db.insert(reportContacts).values(values);
}

export async function findReport(db: Tx, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

export async function findReportByCodeHash(db: Tx, codeHash: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.codeHash, codeHash));
  return row;
}

export async function findContact(db: Tx, reportId: string) {
  const [row] = await db.select().from(reportContacts).where(eq(reportContacts.reportId, reportId));
  return row;
}

/** Removes the report's sealed contact at once (the reporter withdrew their consent). */
export async function deleteContact(db: Tx, reportId: string): Promise<void> {
  await db.delete(reportContacts).where(eq(reportContacts.reportId, reportId));
}

/** Which of the reports have a contact. */
export async function reportsWithContact(db: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: reportContacts.reportId })
    .from(reportContacts)
    .where(inArray(reportContacts.reportId, ids));
  return new Set(rows.map((r) => r.id));
}

/** The messages of a case and its merged duplicates, oldest first. */
export async function listMessages(db: Tx, reportIds: string[]) {
  return db
    .select()
    .from(reportMessages)
    .where(inArray(reportMessages.reportId, reportIds))
    .orderBy(asc(reportMessages.createdAt), asc(reportMessages.id));
}

export async function insertMessage(db: Tx, values: typeof reportMessages.$inferInsert): Promise<void> {
  await db.insert(reportMessages).values(values);
}

export async function listNotes(db: Tx, reportId: string) {
  return db
    .select()
    .from(reportNotes)
    .where(eq(reportNotes.reportId, reportId))
    .orderBy(asc(reportNotes.createdAt), asc(reportNotes.id));
}

export async function insertNote(db: Tx, values: typeof reportNotes.$inferInsert): Promise<void> {
  await db.insert(reportNotes).values(values);
}

/** The reports merged into a case. */
export async function listDuplicates(db: Tx, reportId: string): Promise<ReportRow[]> {
  return db.select().from(reports).where(eq(reports.mergedInto, reportId)).orderBy(asc(reports.receivedAt));
}

export async function updateReport(db: Tx, id: string, changes: Partial<NewReport>): Promise<ReportRow> {
  const [row] = await db.update(reports).set(changes).where(eq(reports.id, id)).returning();
  return row as ReportRow;
}

/** Points the duplicates of one case at another (merging a case that had duplicates itself). */
export async function repointDuplicates(db: Tx, fromId: string, toId: string): Promise<void> {
  await db.update(reports).set({ mergedInto: toId }).where(eq(reports.mergedInto, fromId));
}

export type CaseFilter = { status?: string | undefined; assignedTo?: string | undefined };

/** A page of cases (duplicates left out), newest first, with the total. */
export async function listCases(db: Tx, filter: CaseFilter, limit: number, offset: number) {
  const conditions: (SQL | undefined)[] = [isNull(reports.mergedInto)];
  if (filter.status) conditions.push(eq(reports.status, filter.status));
  if (filter.assignedTo) conditions.push(eq(reports.assignedTo, filter.assignedTo));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(where)
      .orderBy(desc(reports.receivedAt), asc(reports.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The categories of the cases received in [from, to) (duplicates left out: one incident counts once). */
export async function statisticsRows(db: Tx, from: Date, to: Date) {
  return db
    .select({
      receivedAt: reports.receivedAt,
      occurredOn: reports.occurredOn,
      placeKind: reports.placeKind,
      districtId: reports.districtId,
      setting: reports.setting,
      grounds: reports.grounds,
      violence: reports.violence,
      police: reports.police,
      extremist: reports.extremist,
      affected: reports.affected,
      status: reports.status,
    })
    .from(reports)
    .where(and(gte(reports.receivedAt, from), lt(reports.receivedAt, to), isNull(reports.mergedInto)))
    .orderBy(asc(reports.receivedAt), asc(reports.id));
}

/** Deletes the contacts of cases closed before the given time; returns how many. */
export async function deleteContactsClosedBefore(db: Tx, before: Date): Promise<number> {
  const closed = db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.status, 'closed'), lt(reports.closedAt, before)));
  const rows = await db
    .delete(reportContacts)
    .where(inArray(reportContacts.reportId, closed))
    .returning({ id: reportContacts.reportId });
  return rows.length;
}

export async function insertPhoto(db: Tx, values: typeof reportPhotos.$inferInsert): Promise<void> {
  await db.insert(reportPhotos).values(values);
}

/** How many photos a report has. */
export async function countPhotos(db: Tx, reportId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reportPhotos).where(eq(reportPhotos.reportId, reportId));
  return row?.n ?? 0;
}

/** The photos of a case and its merged duplicates, without their bytes, oldest first. */
export async function listPhotos(db: Tx, reportIds: string[]) {
  return db
    .select({
      id: reportPhotos.id,
      type: reportPhotos.type,
      size: reportPhotos.size,
      at: reportPhotos.createdAt,
    })
    .from(reportPhotos)
    .where(inArray(reportPhotos.reportId, reportIds))
    .orderBy(asc(reportPhotos.createdAt), asc(reportPhotos.id));
}

/** One photo with its bytes, when it belongs to one of the reports. */
export async function findPhoto(db: Tx, reportIds: string[], photoId: string) {
  const [row] = await db
    .select()
    .from(reportPhotos)
    .where(and(eq(reportPhotos.id, photoId), inArray(reportPhotos.reportId, reportIds)));
  return row;
}

/** Deletes the photos of cases closed before the given time (duplicates follow their case); returns how many. */
export async function deletePhotosClosedBefore(db: Tx, before: Date): Promise<number> {
  const closed = db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.status, 'closed'), lt(reports.closedAt, before)));
  const duplicates = db.select({ id: reports.id }).from(reports).where(inArray(reports.mergedInto, closed));
  const rows = await db
    .delete(reportPhotos)
    .where(or(inArray(reportPhotos.reportId, closed), inArray(reportPhotos.reportId, duplicates)))
    .returning({ id: reportPhotos.id });
  return rows.length;
}

/** The cases closed before the given time, with the duplicates merged into them (a subquery of their ids). */
function closedBefore(db: Tx, before: Date) {
  const closed = db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.status, 'closed'), lt(reports.closedAt, before)));
  return {
    closed,
    duplicates: db.select({ id: reports.id }).from(reports).where(inArray(reports.mergedInto, closed)),
  };
}

/** Deletes the internal notes of cases closed before the given time; returns how many. */
export async function deleteNotesClosedBefore(db: Tx, before: Date): Promise<number> {
  const { closed } = closedBefore(db, before);
  const rows = await db
    .delete(reportNotes)
    .where(inArray(reportNotes.reportId, closed))
    .returning({ id: reportNotes.id });
  return rows.length;
}

/** Deletes the messages of cases closed before the given time (and of their duplicates); returns how many. */
export async function deleteMessagesClosedBefore(db: Tx, before: Date): Promise<number> {
  const { closed, duplicates } = closedBefore(db, before);
  const rows = await db
    .delete(reportMessages)
    .where(or(inArray(reportMessages.reportId, closed), inArray(reportMessages.reportId, duplicates)))
    .returning({ id: reportMessages.id });
  return rows.length;
}

/**
 * Clears the reporters' own words (what happened, "about when") of cases closed before the given time and their
 * duplicates; the categories stay for the statistics. Returns how many reports had any.
 */
export async function clearDescriptionsClosedBefore(db: Tx, before: Date): Promise<number> {
  const { closed, duplicates } = closedBefore(db, before);
  const rows = await db
    .update(reports)
    .set({ description: null, occurredAbout: null })
    .where(
      and(
        or(inArray(reports.id, closed), inArray(reports.id, duplicates)),
        or(isNotNull(reports.description), isNotNull(reports.occurredAbout)),
      ),
    )
    .returning({ id: reports.id });
  return rows.length;
}

/** What a staff account wrote to reporters, oldest first (for the person's export). */
export async function listMessagesByAuthor(db: Tx, authorId: string) {
  return db
    .select({ body: reportMessages.body, createdAt: reportMessages.createdAt })
    .from(reportMessages)
    .where(eq(reportMessages.authorId, authorId))
    .orderBy(asc(reportMessages.createdAt), asc(reportMessages.id));
}

/** The internal notes a staff account wrote, oldest first (for the person's export). */
export async function listNotesByAuthor(db: Tx, authorId: string) {
  return db
    .select({ body: reportNotes.body, createdAt: reportNotes.createdAt })
    .from(reportNotes)
    .where(eq(reportNotes.authorId, authorId))
    .orderBy(asc(reportNotes.createdAt), asc(reportNotes.id));
}

/** How many cases are assigned to a staff account. */
export async function countAssigned(db: Tx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reports).where(eq(reports.assignedTo, userId));
  return row?.n ?? 0;
}

/** A staff account's messages stay with the case, no longer linked to the account (erasure). */
export async function unlinkMessagesOfAuthor(db: Tx, authorId: string): Promise<void> {
  await db.update(reportMessages).set({ authorId: null }).where(eq(reportMessages.authorId, authorId));
}

/** The cases assigned to a staff account go back to the team (erasure). */
export async function unassignCases(db: Tx, userId: string, now: Date): Promise<void> {
  await db.update(reports).set({ assignedTo: null, updatedAt: now }).where(eq(reports.assignedTo, userId));
}

/** One sealed contact (the oldest), to check at start that the key opens it. */
export async function firstContact(db: Tx) {
  const [row] = await db.select().from(reportContacts).orderBy(asc(reportContacts.createdAt)).limit(1);
  return row;
}

/** One sealed photo's bytes (the oldest), to check at start that the key opens it. */
export async function firstSealedPhoto(db: Tx) {
  const [row] = await db
    .select({ bytes: reportPhotos.bytes })
    .from(reportPhotos)
    .where(sql`get_byte(${reportPhotos.bytes}, 0) = 1`)
    .orderBy(asc(reportPhotos.createdAt))
    .limit(1);
  return row;
}

/** Photos stored before photos were sealed (their first byte is the image's own). */
export async function listUnsealedPhotos(db: Tx) {
  return db
    .select({ id: reportPhotos.id, bytes: reportPhotos.bytes })
    .from(reportPhotos)
    .where(sql`get_byte(${reportPhotos.bytes}, 0) <> 1`);
}

export async function updatePhotoBytes(db: Tx, id: string, bytes: Buffer): Promise<void> {
  await db.update(reportPhotos).set({ bytes }).where(eq(reportPhotos.id, id));
}
