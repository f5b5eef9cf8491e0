// The funding module's queries: one function per query, over its own tables only.
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import {
  fundingApplications,
  fundingApplicationVersions,
  fundingCalls,
  fundingClaims,
  fundingDocuments,
  fundingProofs,
  fundingReminders,
  fundingReviews,
  fundingTranches,
} from './funding.tables.ts';
import { type ApplicationState, RECEIPT_KIND } from './funding.terms.ts';

export type CallRow = typeof fundingCalls.$inferSelect;
export type NewCall = typeof fundingCalls.$inferInsert;
export type ApplicationRow = typeof fundingApplications.$inferSelect;
export type NewApplication = typeof fundingApplications.$inferInsert;
export type ReviewRow = typeof fundingReviews.$inferSelect;

export async function insertCall(db: Tx, values: NewCall): Promise<CallRow> {
  const [row] = await db.insert(fundingCalls).values(values).returning();
  return row as CallRow;
}

export async function findCall(db: Tx, id: string): Promise<CallRow | undefined> {
  const [row] = await db.select().from(fundingCalls).where(eq(fundingCalls.id, id));
  return row;
}

/** Calls open for applications whose deadline has not passed, nearest deadline first. */
export async function listOpenCalls(db: Tx, now: Date): Promise<CallRow[]> {
  return db
    .select()
    .from(fundingCalls)
    .where(and(eq(fundingCalls.state, 'open'), gt(fundingCalls.deadline, now)))
    .orderBy(asc(fundingCalls.deadline));
}

/** The calls an account reviews. */
export async function listCallsOfReviewer(db: Tx, userId: string): Promise<CallRow[]> {
  return db
    .select()
    .from(fundingCalls)
    .where(arrayContains(fundingCalls.reviewerIds, [userId]));
}

export async function setCallState(db: Tx, id: string, state: string): Promise<void> {
  await db.update(fundingCalls).set({ state }).where(eq(fundingCalls.id, id));
}

/** Moves a call's deadline (a coordinator's extension). */
export async function setCallDeadline(db: Tx, id: string, deadline: Date): Promise<void> {
  await db.update(fundingCalls).set({ deadline }).where(eq(fundingCalls.id, id));
}

/** Approved and partly approved applications of decided calls (the published list). */
export async function listFunded(db: Tx) {
  return db
    .select({ application: fundingApplications, call: fundingCalls })
    .from(fundingApplications)
    .innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
    .where(and(eq(fundingCalls.state, 'decided'), inArray(fundingApplications.state, ['approved', 'partly'])))
    .orderBy(desc(fundingCalls.year), asc(fundingApplications.organisationId));
}

export async function insertApplication(db: Tx, values: NewApplication): Promise<ApplicationRow> {
  const [row] = await db.insert(fundingApplications).values(values).returning();
  return row as ApplicationRow;
}

export async function findApplication(db: Tx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(fundingApplications).where(eq(fundingApplications.id, id));
  return row;
}

/** The application locked for the transaction (saves, submission and decisions wait for each other). */
export async function lockApplication(db: Tx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(fundingApplications)
    .where(eq(fundingApplications.id, id))
    .for('update');
  return row;
}

/** The call locked for the transaction (decisions granting money from it wait for each other); its budget. */
export async function lockCallBudget(db: Tx, id: string): Promise<number> {
  const [row] = await db
    .select({ budget: fundingCalls.budget })
    .from(fundingCalls)
    .where(eq(fundingCalls.id, id))
    .for('update');
  return row?.budget ?? 0;
}

/** What a call's applications were granted (approved or partly), in whole euros. */
export async function grantedOfCall(db: Tx, callId: string): Promise<number> {
  const [row] = await db
    .select({
      granted: sql<number>`coalesce(sum((${fundingApplications.decision}->>'amount')::int), 0)::int`,
    })
    .from(fundingApplications)
    .where(
      and(eq(fundingApplications.callId, callId), inArray(fundingApplications.state, ['approved', 'partly'])),
    );
  return Number(row?.granted ?? 0);
}

export async function updateApplication(
  db: Tx,
  id: string,
  values: Partial<NewApplication>,
): Promise<ApplicationRow> {
  const [row] = await db
    .update(fundingApplications)
    .set(values)
    .where(eq(fundingApplications.id, id))
    .returning();
  return row as ApplicationRow;
}

/** The applications the scope may see, newest first. */
export async function listApplications(db: Tx, scope: Scope): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(fundingApplications)
    .where(scopeWhere(scope, fundingApplications.organisationId))
    .orderBy(desc(fundingApplications.createdAt));
}

/** A call's applications in the given states. */
export async function listApplicationsOfCall(
  db: Tx,
  callIds: string[],
  states: readonly ApplicationState[],
): Promise<ApplicationRow[]> {
  if (callIds.length === 0) return [];
  return db
    .select()
    .from(fundingApplications)
    .where(and(inArray(fundingApplications.callId, callIds), inArray(fundingApplications.state, [...states])))
    .orderBy(asc(fundingApplications.submittedAt));
}

/** Whether the organisation was funded before (any approved or partly approved application). */
export async function wasFundedBefore(db: Tx, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: fundingApplications.id })
    .from(fundingApplications)
    .where(
      and(
        eq(fundingApplications.organisationId, organisationId),
        inArray(fundingApplications.state, ['approved', 'partly']),
      ),
    )
    .limit(1);
  return !!row;
}

export async function insertVersion(
  db: Tx,
  values: typeof fundingApplicationVersions.$inferInsert,
): Promise<void> {
  await db.insert(fundingApplicationVersions).values(values);
}

export async function listVersions(db: Tx, applicationId: string) {
  return db
    .select()
    .from(fundingApplicationVersions)
    .where(eq(fundingApplicationVersions.applicationId, applicationId))
    .orderBy(asc(fundingApplicationVersions.version));
}

export async function insertDocument(db: Tx, values: typeof fundingDocuments.$inferInsert) {
  const [row] = await db.insert(fundingDocuments).values(values).returning({
    id: fundingDocuments.id,
    kind: fundingDocuments.kind,
    fileName: fundingDocuments.fileName,
    mediaType: fundingDocuments.mediaType,
    size: fundingDocuments.size,
  });
  return row as { id: string; kind: string; fileName: string; mediaType: string; size: number };
}

const documentColumns = {
  id: fundingDocuments.id,
  kind: fundingDocuments.kind,
  fileName: fundingDocuments.fileName,
  mediaType: fundingDocuments.mediaType,
  size: fundingDocuments.size,
};

/** An application's documents without their bytes (the receipts of its proof of use left out). */
export async function listDocuments(db: Tx, applicationId: string) {
  return db
    .select(documentColumns)
    .from(fundingDocuments)
    .where(and(eq(fundingDocuments.applicationId, applicationId), ne(fundingDocuments.kind, RECEIPT_KIND)))
    .orderBy(asc(fundingDocuments.createdAt));
}

/** The receipts attached to an application's proof of use, without their bytes. */
export async function listReceipts(db: Tx, applicationId: string) {
  return db
    .select(documentColumns)
    .from(fundingDocuments)
    .where(and(eq(fundingDocuments.applicationId, applicationId), eq(fundingDocuments.kind, RECEIPT_KIND)))
    .orderBy(asc(fundingDocuments.createdAt));
}

/** A reviewer's scores replace their earlier ones for the same criteria. */
export async function upsertReviews(db: Tx, rows: (typeof fundingReviews.$inferInsert)[]): Promise<void> {
  for (const row of rows) {
    await db
      .insert(fundingReviews)
      .values(row)
      .onConflictDoUpdate({
        target: [fundingReviews.applicationId, fundingReviews.reviewerId, fundingReviews.criterion],
        set: { score: row.score, reason: row.reason, updatedAt: row.updatedAt },
      });
  }
}

export async function reviewsOf(db: Tx, applicationIds: string[]): Promise<ReviewRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(fundingReviews).where(inArray(fundingReviews.applicationId, applicationIds));
}

/** The applications of the calls, except those of one organisation (the reviewer's own: a conflict of interest). */
export async function listReviewable(
  db: Tx,
  callIds: string[],
  exceptOrganisation: string | null,
): Promise<ApplicationRow[]> {
  if (callIds.length === 0) return [];
  return db
    .select()
    .from(fundingApplications)
    .where(
      and(
        inArray(fundingApplications.callId, callIds),
        eq(fundingApplications.state, 'submitted'),
        exceptOrganisation ? ne(fundingApplications.organisationId, exceptOrganisation) : undefined,
      ),
    )
    .orderBy(asc(fundingApplications.submittedAt));
}

/** Drafts never submitted and not touched since `before` (retention: they are deleted with their documents). */
export async function deleteDraftsUntouchedBefore(db: Tx, before: Date): Promise<number> {
  const rows = await db
    .delete(fundingApplications)
    .where(
      and(
        eq(fundingApplications.state, 'draft'),
        isNull(fundingApplications.submittedAt),
        lt(fundingApplications.updatedAt, before),
      ),
    )
    .returning({ id: fundingApplications.id });
  return rows.length;
}

/**
 * Applications decided (or withdrawn) before `before`, with their versions, documents and reviews (retention:
 * the file is kept for the audit period, then deleted).
 */
export async function deleteClosedBefore(db: Tx, before: Date): Promise<number> {
  const rows = await db
    .delete(fundingApplications)
    .where(
      or(
        and(
          inArray(fundingApplications.state, ['approved', 'partly', 'rejected']),
          lt(fundingApplications.decidedAt, before),
        ),
        and(eq(fundingApplications.state, 'withdrawn'), lt(fundingApplications.updatedAt, before)),
      ),
    )
    .returning({ id: fundingApplications.id });
  return rows.length;
}

/** The applications an account started (for the person's data export). */
export async function listApplicationsStartedBy(db: Tx, userId: string) {
  return db
    .select({
      id: fundingApplications.id,
      callId: fundingApplications.callId,
      organisationId: fundingApplications.organisationId,
      state: fundingApplications.state,
      title: sql<string>`${fundingApplications.content}->'project'->>'title'`,
      createdAt: fundingApplications.createdAt,
    })
    .from(fundingApplications)
    .where(eq(fundingApplications.createdBy, userId))
    .orderBy(asc(fundingApplications.createdAt));
}

/** The account no longer named as the one who started applications (erasure; the organisation's file stays). */
export async function forgetStarter(db: Tx, userId: string): Promise<void> {
  await db
    .update(fundingApplications)
    .set({ createdBy: null })
    .where(eq(fundingApplications.createdBy, userId));
}

/** The scores and reasons an account gave as a reviewer (for the person's data export). */
export async function reviewsBy(db: Tx, reviewerId: string): Promise<ReviewRow[]> {
  return db
    .select()
    .from(fundingReviews)
    .where(eq(fundingReviews.reviewerId, reviewerId))
    .orderBy(asc(fundingReviews.updatedAt));
}

export type ProofRow = typeof fundingProofs.$inferSelect;

export async function findProof(db: Tx, applicationId: string): Promise<ProofRow | undefined> {
  const [row] = await db.select().from(fundingProofs).where(eq(fundingProofs.applicationId, applicationId));
  return row;
}

/** Files the proof of use (filing again replaces it). */
export async function upsertProof(db: Tx, values: typeof fundingProofs.$inferInsert): Promise<ProofRow> {
  const [row] = await db
    .insert(fundingProofs)
    .values(values)
    .onConflictDoUpdate({
      target: fundingProofs.applicationId,
      set: {
        lines: values.lines,
        participants: values.participants,
        report: values.report,
        filedBy: values.filedBy,
        filedAt: values.filedAt,
      },
    })
    .returning();
  return row as ProofRow;
}

/** Forgets the person who filed proofs of use (erasure; the proof is the organisation's and stays). */
export async function forgetProofFiler(db: Tx, userId: string): Promise<void> {
  await db.update(fundingProofs).set({ filedBy: null }).where(eq(fundingProofs.filedBy, userId));
}

// ---------------------------------------------------------------------------------------------------------
// Payments, claims, reminders

export type TrancheRow = typeof fundingTranches.$inferSelect;
export type ClaimRow = typeof fundingClaims.$inferSelect;

/** An application's tranches in the plan's order. */
export async function listTranches(db: Tx, applicationId: string): Promise<TrancheRow[]> {
  return db
    .select()
    .from(fundingTranches)
    .where(eq(fundingTranches.applicationId, applicationId))
    .orderBy(asc(fundingTranches.number));
}

export async function deleteTranches(db: Tx, applicationId: string): Promise<void> {
  await db.delete(fundingTranches).where(eq(fundingTranches.applicationId, applicationId));
}

export async function insertTranches(db: Tx, rows: (typeof fundingTranches.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(fundingTranches).values(rows);
}

/** Marks a tranche paid; undefined when there is no such tranche or it was paid already (the second one loses). */
export async function payTranche(db: Tx, applicationId: string, number: number, paidOn: string) {
  const [row] = await db
    .update(fundingTranches)
    .set({ paidOn })
    .where(
      and(
        eq(fundingTranches.applicationId, applicationId),
        eq(fundingTranches.number, number),
        isNull(fundingTranches.paidOn),
      ),
    )
    .returning();
  return row;
}

/** An application's repayment claims, oldest first. */
export async function listClaims(db: Tx, applicationId: string): Promise<ClaimRow[]> {
  return db
    .select()
    .from(fundingClaims)
    .where(eq(fundingClaims.applicationId, applicationId))
    .orderBy(asc(fundingClaims.createdAt), asc(fundingClaims.id));
}

export async function insertClaim(db: Tx, values: typeof fundingClaims.$inferInsert): Promise<ClaimRow> {
  const [row] = await db.insert(fundingClaims).values(values).returning();
  return row as ClaimRow;
}

/** Marks a claim of the application repaid; undefined when there is no such claim or it was repaid already. */
export async function payClaim(db: Tx, applicationId: string, id: string, paidOn: string) {
  const [row] = await db
    .update(fundingClaims)
    .set({ paidOn })
    .where(
      and(
        eq(fundingClaims.id, id),
        eq(fundingClaims.applicationId, applicationId),
        isNull(fundingClaims.paidOn),
      ),
    )
    .returning();
  return row;
}

/** Drafts and applications sent back for changes, of open calls whose deadline falls in [from, until). */
export async function listDraftsBeforeDeadline(db: Tx, from: Date, until: Date) {
  return db
    .select({ application: fundingApplications, call: fundingCalls })
    .from(fundingApplications)
    .innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
    .where(
      and(
        inArray(fundingApplications.state, ['draft', 'changes_requested']),
        eq(fundingCalls.state, 'open'),
        gte(fundingCalls.deadline, from),
        lt(fundingCalls.deadline, until),
      ),
    );
}

/** Unpaid tranches due in [from, until] (days), with their application. */
export async function listTranchesDue(db: Tx, from: string, until: string) {
  return db
    .select({ tranche: fundingTranches, application: fundingApplications })
    .from(fundingTranches)
    .innerJoin(fundingApplications, eq(fundingApplications.id, fundingTranches.applicationId))
    .where(
      and(
        isNull(fundingTranches.paidOn),
        gte(fundingTranches.dueOn, from),
        lte(fundingTranches.dueOn, until),
      ),
    );
}

/** Funded applications whose proof of use is due in [from, until] (days) and not filed yet. */
export async function listProofsDue(db: Tx, from: string, until: string) {
  return db
    .select({ application: fundingApplications })
    .from(fundingApplications)
    .leftJoin(fundingProofs, eq(fundingProofs.applicationId, fundingApplications.id))
    .where(
      and(
        isNull(fundingProofs.applicationId),
        gte(fundingApplications.proofDueOn, from),
        lte(fundingApplications.proofDueOn, until),
      ),
    );
}

/** Unpaid claims due in [from, until] (days), with their application. */
export async function listClaimsDue(db: Tx, from: string, until: string) {
  return db
    .select({ claim: fundingClaims, application: fundingApplications })
    .from(fundingClaims)
    .innerJoin(fundingApplications, eq(fundingApplications.id, fundingClaims.applicationId))
    .where(
      and(isNull(fundingClaims.paidOn), gte(fundingClaims.dueOn, from), lte(fundingClaims.dueOn, until)),
    );
}

/** Records a reminder; false when it was sent before (by this server or another). */
export async function claimReminder(db: Tx, values: typeof fundingReminders.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(fundingReminders)
    .values(values)
    .onConflictDoNothing()
    .returning({ subjectId: fundingReminders.subjectId });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Figures

/** Every application that was submitted (drafts and withdrawn ones left out), for the figures. */
export async function listFiguresRows(db: Tx) {
  return db
    .select({
      id: fundingApplications.id,
      callId: fundingApplications.callId,
      organisationId: fundingApplications.organisationId,
      state: fundingApplications.state,
      firstTime: fundingApplications.firstTime,
      requested: sql<number>`(${fundingApplications.content}->'budget'->>'requested')::int`,
      district: sql<string | null>`${fundingApplications.content}->'districts'->>0`,
      approved: sql<number | null>`(${fundingApplications.decision}->>'amount')::int`,
      submittedAt: fundingApplications.submittedAt,
      decidedAt: fundingApplications.decidedAt,
    })
    .from(fundingApplications)
    .where(
      inArray(fundingApplications.state, [
        'submitted',
        'changes_requested',
        'approved',
        'partly',
        'rejected',
      ]),
    );
}

/** What was paid per application (tranches booked as paid). */
export async function paidPerApplication(db: Tx) {
  return db
    .select({
      applicationId: fundingTranches.applicationId,
      amount: sql<number>`sum(${fundingTranches.amount})::int`,
    })
    .from(fundingTranches)
    .where(sql`${fundingTranches.paidOn} is not null`)
    .groupBy(fundingTranches.applicationId);
}

/** What was repaid per application (claims booked as repaid). */
export async function repaidPerApplication(db: Tx) {
  return db
    .select({
      applicationId: fundingClaims.applicationId,
      amount: sql<number>`sum(${fundingClaims.amount})::int`,
    })
    .from(fundingClaims)
    .where(sql`${fundingClaims.paidOn} is not null`)
    .groupBy(fundingClaims.applicationId);
}

/** Calls by id, in one query. */
export async function findCallsByIds(db: Tx, ids: readonly string[]): Promise<CallRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(fundingCalls)
    .where(inArray(fundingCalls.id, [...ids]));
}
