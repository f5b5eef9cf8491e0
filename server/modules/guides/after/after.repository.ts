import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db.ts';
import { codeIs } from '../guides.repository.ts';
import { guideAssignments, guideProfiles, guideRequests } from '../guides.tables.ts';
import { guideFeedback, guideTimeLogs } from './after.tables.ts';
import type { FeedbackSide } from '../guides.terms.ts';

/** An assignment with what the after-appointment steps need to know about its request. */
export async function findAssignment(db: Tx, id: string) {
  const [row] = await db
    .select({
      id: guideAssignments.id,
      guideId: guideAssignments.guideId,
      requestId: guideAssignments.requestId,
      startsAt: guideAssignments.startsAt,
      endsAt: guideAssignments.endsAt,
      state: guideAssignments.state,
      organisationId: guideRequests.organisationId,
      requestCreatedBy: guideRequests.createdBy,
      requestState: guideRequests.state,
      noShowBy: guideRequests.noShowBy,
      lateCancellation: guideRequests.lateCancellation,
    })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(eq(guideAssignments.id, id));
  return row;
}

/** The request's current assignment (not cancelled). */
export async function findAssignmentIdByRequest(db: Tx, requestId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: guideAssignments.id })
    .from(guideAssignments)
    .where(and(eq(guideAssignments.requestId, requestId), sql`${guideAssignments.state} <> 'cancelled'`))
    .orderBy(desc(guideAssignments.createdAt))
    .limit(1);
  return row?.id;
}

/** The request's current assignment (not cancelled), found by the public follow code. */
export async function findAssignmentIdByCode(db: Tx, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: guideAssignments.id })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(and(codeIs(code).where, sql`${guideAssignments.state} <> 'cancelled'`))
    .orderBy(codeIs(code).exactFirst, desc(guideAssignments.createdAt))
    .limit(1);
  return row?.id;
}

export async function findTimeLog(db: Tx, assignmentId: string) {
  const [row] = await db.select().from(guideTimeLogs).where(eq(guideTimeLogs.assignmentId, assignmentId));
  return row;
}

/** Writes the guide's log; a changed log needs the requester's confirmation again. */
export async function upsertTimeLog(db: Tx, values: typeof guideTimeLogs.$inferInsert): Promise<void> {
  await db
    .insert(guideTimeLogs)
    .values(values)
    .onConflictDoUpdate({
      target: guideTimeLogs.assignmentId,
      set: {
        minutes: values.minutes,
        travelKm: values.travelKm,
        loggedAt: values.loggedAt,
        loggedBy: values.loggedBy,
        confirmedAt: null,
        confirmedBy: null,
      },
    });
}

export async function confirmTimeLog(
  db: Tx,
  assignmentId: string,
  confirmedAt: Date,
  confirmedBy: string | null,
): Promise<void> {
  await db
    .update(guideTimeLogs)
    .set({ confirmedAt, confirmedBy })
    .where(eq(guideTimeLogs.assignmentId, assignmentId));
}

/** Sides that have given feedback on an assignment. */
export async function feedbackSides(db: Tx, assignmentId: string): Promise<FeedbackSide[]> {
  const found = await db
    .select({ side: guideFeedback.side })
    .from(guideFeedback)
    .where(eq(guideFeedback.assignmentId, assignmentId));
  return found.map((row) => row.side as FeedbackSide);
}

/** Adds feedback; false when this side has already given it. */
export async function insertFeedback(db: Tx, values: typeof guideFeedback.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(guideFeedback)
    .values(values)
    .onConflictDoNothing({ target: [guideFeedback.assignmentId, guideFeedback.side] })
    .returning({ id: guideFeedback.id });
  return inserted.length === 1;
}

/** Feedback of a period for coordinators, newest first, with the request's language. */
export async function listFeedback(db: Tx, from: Date, to: Date) {
  return db
    .select({
      id: guideFeedback.id,
      assignmentId: guideFeedback.assignmentId,
      side: guideFeedback.side,
      rating: guideFeedback.rating,
      comment: guideFeedback.comment,
      createdAt: guideFeedback.createdAt,
      guideId: guideAssignments.guideId,
      startsAt: guideAssignments.startsAt,
      language: guideRequests.language,
      topic: guideRequests.topic,
    })
    .from(guideFeedback)
    .innerJoin(guideAssignments, eq(guideAssignments.id, guideFeedback.assignmentId))
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(and(gte(guideFeedback.createdAt, from), lt(guideFeedback.createdAt, to)))
    .orderBy(desc(guideFeedback.createdAt))
    .limit(500);
}

/** The guide's kind, for a statement. */
export async function findGuideKind(db: Tx, guideId: string) {
  const [row] = await db
    .select({ id: guideProfiles.userId, kind: guideProfiles.kind })
    .from(guideProfiles)
    .where(eq(guideProfiles.userId, guideId));
  return row;
}

/** Every guide's kind (for the coordinators' statement list). */
export async function listGuideKinds(db: Tx) {
  return db.select({ id: guideProfiles.userId, kind: guideProfiles.kind }).from(guideProfiles);
}

/**
 * Assignments of some guides starting in [from, to) that a statement may list: not cancelled; cancelled because
 * the guide did not come; or cancelled by a late cancellation of the institution (the one that also cancelled
 * the request).
 */
export async function statementRows(db: Tx, guideIds: string[], from: Date, to: Date) {
  if (!guideIds.length) return [];
  return db
    .select({
      assignmentId: guideAssignments.id,
      guideId: guideAssignments.guideId,
      startsAt: guideAssignments.startsAt,
      endsAt: guideAssignments.endsAt,
      assignmentState: guideAssignments.state,
      requestState: guideRequests.state,
      lateCancellation: guideRequests.lateCancellation,
      noShowBy: guideRequests.noShowBy,
      language: guideRequests.language,
      topic: guideRequests.topic,
      bookedMinutes: guideRequests.durationMinutes,
      minutes: guideTimeLogs.minutes,
      travelKm: guideTimeLogs.travelKm,
      confirmedAt: guideTimeLogs.confirmedAt,
    })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .leftJoin(guideTimeLogs, eq(guideTimeLogs.assignmentId, guideAssignments.id))
    .where(
      and(
        inArray(guideAssignments.guideId, guideIds),
        gte(guideAssignments.startsAt, from),
        lt(guideAssignments.startsAt, to),
        sql`(${guideAssignments.state} <> 'cancelled'
             or (${guideRequests.state} = 'no_show' and ${guideRequests.noShowBy} = 'guide')
             or (${guideRequests.lateCancellation} and ${guideRequests.state} = 'cancelled'
                 and abs(extract(epoch from ${guideAssignments.cancelledAt} - ${guideRequests.cancelledAt})) < 60))`,
      ),
    )
    .orderBy(asc(guideAssignments.startsAt));
}

/** Deletes feedback older than the cutoff (retention); returns how many. */
export async function deleteFeedbackBefore(db: Tx, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(guideFeedback)
    .where(lt(guideFeedback.createdAt, cutoff))
    .returning({ id: guideFeedback.id });
  return deleted.length;
}

/** Deletes time logs of appointments older than the cutoff (retention); returns how many. */
export async function deleteTimeLogsBefore(db: Tx, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(guideTimeLogs)
    .where(lt(guideTimeLogs.loggedAt, cutoff))
    .returning({ id: guideTimeLogs.assignmentId });
  return deleted.length;
}
