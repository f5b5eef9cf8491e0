import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { normaliseCode, stripCode } from '../../core/codes.ts';
import { appMeta } from '../../core/core.tables.ts';
import { rows, type Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import {
  guideAssignments,
  guideFeeds,
  guideMatchingRuns,
  guideOnboarding,
  guideProfiles,
  guideProposals,
  guideRequestEvents,
  guideRequests,
} from './guides.tables.ts';

export type ProfileRow = typeof guideProfiles.$inferSelect;
export type OnboardingRow = typeof guideOnboarding.$inferSelect;
export type RequestRow = typeof guideRequests.$inferSelect;
export type ProposalRow = typeof guideProposals.$inferSelect;
export type AssignmentRow = typeof guideAssignments.$inferSelect;
export type RunRow = typeof guideMatchingRuns.$inferSelect;

// Settings the trigger reads -------------------------------------------------------------------------------

export async function upsertSpeedSetting(db: Tx, speedKmh: number): Promise<void> {
  await db
    .insert(appMeta)
    .values({ key: 'guides.speed_kmh', value: speedKmh })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: speedKmh, updatedAt: sql`now()` } });
}

// Profiles ------------------------------------------------------------------------------------------------

export async function findProfile(db: Tx, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(guideProfiles).where(eq(guideProfiles.userId, userId));
  return row;
}

export async function insertProfile(db: Tx, values: typeof guideProfiles.$inferInsert): Promise<void> {
  await db.insert(guideProfiles).values(values);
}

export async function updateProfile(
  db: Tx,
  userId: string,
  values: Partial<typeof guideProfiles.$inferInsert>,
): Promise<void> {
  await db.update(guideProfiles).set(values).where(eq(guideProfiles.userId, userId));
}

/** Every profile; profilesWithAccounts() adds the accounts. */
export async function listProfiles(db: Tx): Promise<ProfileRow[]> {
  return db.select().from(guideProfiles);
}

export async function listOnboarding(db: Tx, guideIds?: string[]): Promise<OnboardingRow[]> {
  if (guideIds && guideIds.length === 0) return [];
  return db
    .select()
    .from(guideOnboarding)
    .where(guideIds ? inArray(guideOnboarding.guideId, guideIds) : undefined);
}

export async function upsertOnboardingStep(db: Tx, values: typeof guideOnboarding.$inferInsert) {
  await db
    .insert(guideOnboarding)
    .values(values)
    .onConflictDoUpdate({
      target: [guideOnboarding.guideId, guideOnboarding.step],
      set: {
        completedOn: values.completedOn,
        expiresOn: values.expiresOn,
        recordedBy: values.recordedBy,
        recordedAt: values.recordedAt,
      },
    });
}

/** Steps expiring on or before `until` (and not yet past `today`) whose reminder for that expiry is not sent. */
export async function listStepsToRemind(db: Tx, today: string, until: string) {
  return db
    .select()
    .from(guideOnboarding)
    .where(
      and(
        gte(guideOnboarding.expiresOn, today),
        lte(guideOnboarding.expiresOn, until),
        sql`${guideOnboarding.remindedFor} is distinct from ${guideOnboarding.expiresOn}`,
      ),
    );
}

export async function markStepReminded(db: Tx, guideId: string, step: string, expiresOn: string) {
  await db
    .update(guideOnboarding)
    .set({ remindedFor: expiresOn })
    .where(and(eq(guideOnboarding.guideId, guideId), eq(guideOnboarding.step, step)));
}

export async function deleteProfile(db: Tx, userId: string): Promise<void> {
  await db.delete(guideProfiles).where(eq(guideProfiles.userId, userId));
}

// Requests -------------------------------------------------------------------------------------------------

export async function insertRequest(db: Tx, values: typeof guideRequests.$inferInsert): Promise<RequestRow> {
  const [row] = await db.insert(guideRequests).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function findRequest(db: Tx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(guideRequests).where(eq(guideRequests.id, id));
  return row;
}

/** The request row, locked until the transaction ends (state changes happen one at a time). */
export async function lockRequest(db: Tx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(guideRequests).where(eq(guideRequests.id, id)).for('update');
  return row;
}

/**
 * A follow code as typed (any case, with or without dashes and spaces) matched against the stored codes: grouped
 * upper-case codes, and the mixed-case codes given out before (an exact match of those wins).
 */
export function codeIs(typed: string) {
  const plain = stripCode(typed);
  return {
    where: sql`upper(replace(${guideRequests.code}, '-', '')) = ${normaliseCode(typed)}`,
    exactFirst: sql`(${guideRequests.code} = ${plain}) desc`,
  };
}

export async function findRequestByCode(db: Tx, code: string): Promise<RequestRow | undefined> {
  const match = codeIs(code);
  const [row] = await db.select().from(guideRequests).where(match.where).orderBy(match.exactFirst).limit(1);
  return row;
}

export type RequestFilter = { state?: string; from?: Date; to?: Date };

const requestsWhere = (scope: Scope, filter: RequestFilter) =>
  and(
    scopeWhere(scope, guideRequests.organisationId),
    filter.state ? eq(guideRequests.state, filter.state) : undefined,
    filter.from ? gte(guideRequests.startsAt, filter.from) : undefined,
    filter.to ? lt(guideRequests.startsAt, filter.to) : undefined,
  );

/** A page of the scope's requests by start, each with its active assignment's guide and the guide's languages. */
export async function listRequests(
  db: Tx,
  scope: Scope,
  filter: RequestFilter & { limit: number; offset: number },
) {
  return db
    .select({
      request: guideRequests,
      guideId: guideAssignments.guideId,
      guideLanguages: guideProfiles.languages,
    })
    .from(guideRequests)
    .leftJoin(
      guideAssignments,
      and(eq(guideAssignments.requestId, guideRequests.id), ne(guideAssignments.state, 'cancelled')),
    )
    .leftJoin(guideProfiles, eq(guideProfiles.userId, guideAssignments.guideId))
    .where(requestsWhere(scope, filter))
    .orderBy(asc(guideRequests.startsAt), asc(guideRequests.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** How many of the scope's requests the filter finds, over all pages. */
export async function countRequests(db: Tx, scope: Scope, filter: RequestFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(guideRequests).where(requestsWhere(scope, filter));
  return row?.n ?? 0;
}

/** Open requests starting in [from, to). */
export async function listOpenRequests(db: Tx, from: Date, to: Date): Promise<RequestRow[]> {
  return db
    .select()
    .from(guideRequests)
    .where(
      and(eq(guideRequests.state, 'open'), gte(guideRequests.startsAt, from), lt(guideRequests.startsAt, to)),
    )
    .orderBy(asc(guideRequests.startsAt));
}

/** The states of many requests in one query, by id (for modules that booked them). */
export async function requestStates(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: guideRequests.id, state: guideRequests.state })
    .from(guideRequests)
    .where(inArray(guideRequests.id, [...new Set(ids)]));
  return new Map(found.map((row) => [row.id, row.state]));
}

export async function updateRequest(db: Tx, id: string, values: Partial<typeof guideRequests.$inferInsert>) {
  await db.update(guideRequests).set(values).where(eq(guideRequests.id, id));
}

export async function insertRequestEvent(db: Tx, values: typeof guideRequestEvents.$inferInsert) {
  await db.insert(guideRequestEvents).values(values);
}

export async function listRequestEvents(db: Tx, requestId: string) {
  return db
    .select()
    .from(guideRequestEvents)
    .where(eq(guideRequestEvents.requestId, requestId))
    .orderBy(asc(guideRequestEvents.at), asc(guideRequestEvents.id));
}

/** Guides who served the same family or case before (continuity). */
export async function previousGuidesByCase(db: Tx, caseRefs: string[]) {
  if (caseRefs.length === 0) return [];
  return db
    .selectDistinct({ caseRef: guideRequests.caseRef, guideId: guideAssignments.guideId })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(and(inArray(guideRequests.caseRef, caseRefs), ne(guideAssignments.state, 'cancelled')));
}

/** Erases the newcomer's personal fields of requests whose appointment ended before `before`. */
export async function erasePersonalFields(db: Tx, before: Date, now: Date): Promise<number> {
  const erased = await db
    .update(guideRequests)
    .set({
      newcomerFirstName: null,
      contactOnDay: null,
      notes: null,
      requesterEmail: null,
      caseRef: null,
      placeAddress: null,
      personalErasedAt: now,
    })
    .where(
      and(
        sql`${guideRequests.personalErasedAt} is null`,
        sql`${guideRequests.startsAt} + make_interval(mins => ${guideRequests.durationMinutes}) < ${before}`,
      ),
    )
    .returning({ id: guideRequests.id });
  return erased.length;
}

export async function listRequestsCreatedBy(db: Tx, userId: string): Promise<RequestRow[]> {
  return db.select().from(guideRequests).where(eq(guideRequests.createdBy, userId));
}

// Proposals ------------------------------------------------------------------------------------------------

export async function insertProposal(db: Tx, values: typeof guideProposals.$inferInsert): Promise<string> {
  const [row] = await db.insert(guideProposals).values(values).returning({ id: guideProposals.id });
  return row?.id ?? '';
}

export async function findProposal(db: Tx, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(guideProposals).where(eq(guideProposals.id, id));
  return row;
}

export async function lockProposal(db: Tx, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(guideProposals).where(eq(guideProposals.id, id)).for('update');
  return row;
}

export async function updateProposal(
  db: Tx,
  id: string,
  values: Partial<typeof guideProposals.$inferInsert>,
) {
  await db.update(guideProposals).set(values).where(eq(guideProposals.id, id));
}

export async function pendingProposalOfRequest(db: Tx, requestId: string) {
  const [row] = await db
    .select()
    .from(guideProposals)
    .where(and(eq(guideProposals.requestId, requestId), eq(guideProposals.status, 'pending')));
  return row;
}

/** Guides who already had (and answered or missed) a proposal for the request; drafts were never sent. */
export async function proposedGuidesOfRequest(db: Tx, requestId: string): Promise<string[]> {
  const found = await db
    .selectDistinct({ guideId: guideProposals.guideId })
    .from(guideProposals)
    .where(and(eq(guideProposals.requestId, requestId), ne(guideProposals.status, 'draft')));
  return found.map((row) => row.guideId);
}

/** A guide's proposals with their requests, whose appointment ends after `visibleFrom`. */
export async function listProposalsOfGuide(db: Tx, guideId: string, visibleFrom: Date) {
  return db
    .select({ proposal: guideProposals, request: guideRequests })
    .from(guideProposals)
    .innerJoin(guideRequests, eq(guideRequests.id, guideProposals.requestId))
    .where(
      and(
        eq(guideProposals.guideId, guideId),
        sql`${guideRequests.startsAt} + make_interval(mins => ${guideRequests.durationMinutes}) >= ${visibleFrom}`,
      ),
    )
    .orderBy(asc(guideRequests.startsAt));
}

/** Pending proposals (with their requests) of some guides whose appointments touch [from, to). */
export async function pendingProposalsBetween(db: Tx, from: Date, to: Date) {
  return db
    .select({ proposal: guideProposals, request: guideRequests })
    .from(guideProposals)
    .innerJoin(guideRequests, eq(guideRequests.id, guideProposals.requestId))
    .where(
      and(
        eq(guideProposals.status, 'pending'),
        lt(guideRequests.startsAt, to),
        sql`${guideRequests.startsAt} + make_interval(mins => ${guideRequests.durationMinutes}) > ${from}`,
      ),
    );
}

export async function listDuePendingProposals(db: Tx, now: Date): Promise<ProposalRow[]> {
  return db
    .select()
    .from(guideProposals)
    .where(and(eq(guideProposals.status, 'pending'), lt(guideProposals.deadline, now)))
    .limit(500);
}

export async function listProposalsOfRun(db: Tx, runId: string) {
  return db
    .select()
    .from(guideProposals)
    .where(eq(guideProposals.runId, runId))
    .orderBy(asc(guideProposals.createdAt));
}

/** A run's draft proposals (under review) with their requests, by the appointment's start. */
export async function listDraftsOfRun(db: Tx, runId: string) {
  return db
    .select({ proposal: guideProposals, request: guideRequests })
    .from(guideProposals)
    .innerJoin(guideRequests, eq(guideRequests.id, guideProposals.requestId))
    .where(and(eq(guideProposals.runId, runId), eq(guideProposals.status, 'draft')))
    .orderBy(asc(guideRequests.startsAt), asc(guideProposals.id));
}

/** Removes a draft proposal (never sent, so the guide never saw it); false when it is no draft (any more). */
export async function deleteDraft(db: Tx, id: string): Promise<boolean> {
  const deleted = await db
    .delete(guideProposals)
    .where(and(eq(guideProposals.id, id), eq(guideProposals.status, 'draft')))
    .returning({ id: guideProposals.id });
  return deleted.length > 0;
}

/** Removes the draft proposals of some runs (a newer run replaced them). */
export async function deleteDraftsOfRuns(db: Tx, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db
    .delete(guideProposals)
    .where(and(inArray(guideProposals.runId, runIds), eq(guideProposals.status, 'draft')));
}

export async function deleteOldProposals(db: Tx, before: Date): Promise<number> {
  const deleted = await db
    .delete(guideProposals)
    .where(and(ne(guideProposals.status, 'pending'), lt(guideProposals.createdAt, before)))
    .returning({ id: guideProposals.id });
  return deleted.length;
}

export async function listProposalsOfGuideForExport(db: Tx, guideId: string) {
  return db.select().from(guideProposals).where(eq(guideProposals.guideId, guideId));
}

// Assignments ----------------------------------------------------------------------------------------------

export async function insertAssignment(
  db: Tx,
  values: typeof guideAssignments.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(guideAssignments).values(values).returning({ id: guideAssignments.id });
  return row?.id ?? '';
}

/** One assignment with its request. */
export async function findAssignmentWithRequest(db: Tx, id: string) {
  const [row] = await db
    .select({ assignment: guideAssignments, request: guideRequests })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(eq(guideAssignments.id, id));
  return row;
}

export async function activeAssignmentOfRequest(
  db: Tx,
  requestId: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .select()
    .from(guideAssignments)
    .where(and(eq(guideAssignments.requestId, requestId), ne(guideAssignments.state, 'cancelled')));
  return row;
}

export async function updateAssignment(
  db: Tx,
  id: string,
  values: Partial<typeof guideAssignments.$inferInsert>,
): Promise<void> {
  await db.update(guideAssignments).set(values).where(eq(guideAssignments.id, id));
}

/** Active assignments touching [from, to), for availability. */
export async function activeAssignmentsBetween(db: Tx, from: Date, to: Date): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(guideAssignments)
    .where(
      and(
        ne(guideAssignments.state, 'cancelled'),
        lt(guideAssignments.startsAt, to),
        sql`${guideAssignments.endsAt} > ${from}`,
      ),
    );
}

/** A guide's assignments with their requests, whose appointment ends after `visibleFrom`. */
export async function listAssignmentsOfGuide(db: Tx, guideId: string, visibleFrom: Date) {
  return db
    .select({ assignment: guideAssignments, request: guideRequests })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(and(eq(guideAssignments.guideId, guideId), gte(guideAssignments.endsAt, visibleFrom)))
    .orderBy(asc(guideAssignments.startsAt));
}

/** Confirmed assignments of an organisation's requests ending after `from`, for its calendar. */
export async function listAssignmentsOfOrganisation(db: Tx, organisationId: string, from: Date) {
  return db
    .select({ assignment: guideAssignments, request: guideRequests })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(
      and(
        eq(guideRequests.organisationId, organisationId),
        ne(guideAssignments.state, 'cancelled'),
        gte(guideAssignments.endsAt, from),
      ),
    )
    .orderBy(asc(guideAssignments.startsAt));
}

/** Confirmed assignments starting in [from, to) whose reminder has not gone out. */
export async function listAssignmentsToRemind(db: Tx, from: Date, to: Date) {
  return db
    .select({ assignment: guideAssignments, request: guideRequests })
    .from(guideAssignments)
    .innerJoin(guideRequests, eq(guideRequests.id, guideAssignments.requestId))
    .where(
      and(
        eq(guideAssignments.state, 'confirmed'),
        sql`${guideAssignments.remindedAt} is null`,
        gte(guideAssignments.startsAt, from),
        lt(guideAssignments.startsAt, to),
      ),
    );
}

/** Marks a reminder sent; false when another server sent it first. */
export async function markAssignmentReminded(db: Tx, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(guideAssignments)
    .set({ remindedAt: at })
    .where(and(eq(guideAssignments.id, id), sql`${guideAssignments.remindedAt} is null`))
    .returning({ id: guideAssignments.id });
  return updated.length === 1;
}

export async function countAssignmentsOfGuidesBetween(db: Tx, from: Date, to: Date) {
  return db
    .select({ guideId: guideAssignments.guideId, n: sql<number>`count(*)::int` })
    .from(guideAssignments)
    .where(
      and(
        ne(guideAssignments.state, 'cancelled'),
        gte(guideAssignments.startsAt, from),
        lt(guideAssignments.startsAt, to),
      ),
    )
    .groupBy(guideAssignments.guideId);
}

export async function listAssignmentsOfGuideForExport(db: Tx, guideId: string) {
  return db.select().from(guideAssignments).where(eq(guideAssignments.guideId, guideId));
}

/** Pairs of active assignments of one guide that overlap or cannot be reached in time (should be none). */
export async function findDoubleBookings(db: Tx, speedKmh: number) {
  return rows<{ a: string; b: string }>(
    db,
    sql`select a.id as a, b.id as b from guide_assignments a join guide_assignments b
          on a.guide_id = b.guide_id and a.id < b.id
         where a.state <> 'cancelled' and b.state <> 'cancelled'
           and not (
             a.ends_at + make_interval(secs => guides_great_circle_km(a.place_lat, a.place_lon, b.place_lat, b.place_lon) / ${speedKmh} * 3600) <= b.starts_at
             or b.ends_at + make_interval(secs => guides_great_circle_km(a.place_lat, a.place_lon, b.place_lat, b.place_lon) / ${speedKmh} * 3600) <= a.starts_at)`,
  );
}

// Matching runs --------------------------------------------------------------------------------------------

export async function insertRun(db: Tx, values: typeof guideMatchingRuns.$inferInsert): Promise<string> {
  const [row] = await db.insert(guideMatchingRuns).values(values).returning({ id: guideMatchingRuns.id });
  return row?.id ?? '';
}

export async function updateRun(db: Tx, id: string, values: Partial<typeof guideMatchingRuns.$inferInsert>) {
  await db.update(guideMatchingRuns).set(values).where(eq(guideMatchingRuns.id, id));
}

export async function findRun(db: Tx, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(guideMatchingRuns).where(eq(guideMatchingRuns.id, id));
  return row;
}

export async function lockRun(db: Tx, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(guideMatchingRuns).where(eq(guideMatchingRuns.id, id)).for('update');
  return row;
}

/** Marks every unsent period run (not yet discarded) as discarded; returns their ids. */
export async function discardUnsentRuns(db: Tx, at: Date): Promise<string[]> {
  const found = await db
    .update(guideMatchingRuns)
    .set({ discardedAt: at })
    .where(
      and(
        isNull(guideMatchingRuns.sentAt),
        isNull(guideMatchingRuns.discardedAt),
        isNull(guideMatchingRuns.requestId),
      ),
    )
    .returning({ id: guideMatchingRuns.id });
  return found.map((row) => row.id);
}

/** The newest period run that is still under review (unsent, not discarded), if any. */
export async function latestUnsentRun(db: Tx): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(guideMatchingRuns)
    .where(
      and(
        isNull(guideMatchingRuns.sentAt),
        isNull(guideMatchingRuns.discardedAt),
        isNull(guideMatchingRuns.requestId),
      ),
    )
    .orderBy(desc(guideMatchingRuns.createdAt))
    .limit(1);
  return row;
}

/** The newest period run whose proposals were sent, if any. */
export async function latestSentRun(db: Tx): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(guideMatchingRuns)
    .where(and(isNotNull(guideMatchingRuns.sentAt), isNull(guideMatchingRuns.requestId)))
    .orderBy(desc(guideMatchingRuns.sentAt))
    .limit(1);
  return row;
}

export async function listRuns(db: Tx): Promise<RunRow[]> {
  return db.select().from(guideMatchingRuns).orderBy(desc(guideMatchingRuns.createdAt)).limit(100);
}

// Recruitment ----------------------------------------------------------------------------------------------

/** Requests the matching left open (with reasons) or that were never served, since a day, by language. */
export async function unmatchedByLanguage(db: Tx, since: Date) {
  return db
    .select({ language: guideRequests.language, n: sql<number>`count(*)::int` })
    .from(guideRequests)
    .where(
      and(
        gte(guideRequests.startsAt, since),
        sql`cardinality(${guideRequests.unmatchedReasons}) > 0`,
        inArray(guideRequests.state, ['open', 'cancelled']),
      ),
    )
    .groupBy(guideRequests.language);
}

export async function unmatchedByDistrict(db: Tx, since: Date) {
  return db
    .select({ districtId: guideRequests.districtId, n: sql<number>`count(*)::int` })
    .from(guideRequests)
    .where(
      and(
        gte(guideRequests.startsAt, since),
        sql`cardinality(${guideRequests.unmatchedReasons}) > 0`,
        inArray(guideRequests.state, ['open', 'cancelled']),
      ),
    )
    .groupBy(guideRequests.districtId);
}

// Feeds ----------------------------------------------------------------------------------------------------

export async function replaceGuideFeed(db: Tx, values: typeof guideFeeds.$inferInsert): Promise<void> {
  await db
    .insert(guideFeeds)
    .values(values)
    .onConflictDoUpdate({
      target: guideFeeds.guideId,
      targetWhere: sql`${guideFeeds.guideId} is not null`,
      set: {
        tokenHash: values.tokenHash,
        createdAt: values.createdAt,
        createdBy: values.createdBy,
        lastUsedAt: null,
      },
    });
}

export async function replaceOrganisationFeed(db: Tx, values: typeof guideFeeds.$inferInsert): Promise<void> {
  await db
    .insert(guideFeeds)
    .values(values)
    .onConflictDoUpdate({
      target: guideFeeds.organisationId,
      set: {
        tokenHash: values.tokenHash,
        createdAt: values.createdAt,
        createdBy: values.createdBy,
        lastUsedAt: null,
      },
    });
}

export async function findFeedByTokenHash(db: Tx, tokenHash: string) {
  const [row] = await db.select().from(guideFeeds).where(eq(guideFeeds.tokenHash, tokenHash));
  return row;
}

export async function touchFeed(db: Tx, id: string, at: Date): Promise<void> {
  await db.update(guideFeeds).set({ lastUsedAt: at }).where(eq(guideFeeds.id, id));
}

/** Feeds neither created nor used since `before`. */
export async function deleteUnusedFeeds(db: Tx, before: Date): Promise<number> {
  const deleted = await db
    .delete(guideFeeds)
    .where(
      and(
        lt(guideFeeds.createdAt, before),
        sql`coalesce(${guideFeeds.lastUsedAt}, ${guideFeeds.createdAt}) < ${before}`,
      ),
    )
    .returning({ id: guideFeeds.id });
  return deleted.length;
}

export async function deleteFeedsOfGuide(db: Tx, guideId: string): Promise<void> {
  await db.delete(guideFeeds).where(eq(guideFeeds.guideId, guideId));
}
