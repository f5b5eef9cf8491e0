import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  ne,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { normaliseCode } from '../../core/codes.ts';
import type { Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import { findOrganisationById } from '../platform/index.ts';
import {
  schoolingAppointments,
  schoolingAssessments,
  schoolingChildren,
  schoolingFamilies,
  schoolingPlacementRuns,
  schoolingPlacements,
  schoolingSchools,
  schoolingSeatGroups,
} from './schooling.tables.ts';
import type { ChildState } from './schooling.terms.ts';

export type ChildRow = typeof schoolingChildren.$inferSelect;
export type FamilyRow = typeof schoolingFamilies.$inferSelect;
export type PlacementRow = typeof schoolingPlacements.$inferSelect;
export type SeatGroupRow = typeof schoolingSeatGroups.$inferSelect;

// Organisations ------------------------------------------------------------------------------------------

export async function findOrganisationKind(db: Tx, id: string): Promise<string | undefined> {
  return (await findOrganisationById(db, id))?.kind;
}

// Families -----------------------------------------------------------------------------------------------

export async function insertFamily(db: Tx, values: typeof schoolingFamilies.$inferInsert) {
  const [row] = await db.insert(schoolingFamilies).values(values).returning();
  return row as FamilyRow;
}

/** Several families at once (demo data), in the given order. */
export async function insertFamilies(db: Tx, values: (typeof schoolingFamilies.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(schoolingFamilies).values(values).returning({ id: schoolingFamilies.id });
}

export async function findFamily(db: Tx, id: string): Promise<FamilyRow | undefined> {
  const [row] = await db.select().from(schoolingFamilies).where(eq(schoolingFamilies.id, id));
  return row;
}

/** Clears the contact of families whose children are all anonymised. */
export async function anonymiseOrphanFamilies(db: Tx, now: Date): Promise<number> {
  const rows = await db
    .update(schoolingFamilies)
    .set({ guardianName: '', email: null, phone: null, anonymisedAt: now })
    .where(
      and(
        isNull(schoolingFamilies.anonymisedAt),
        sql`not exists (select 1 from ${schoolingChildren} c where c.family_id = ${schoolingFamilies.id} and c.anonymised_at is null)`,
      ),
    )
    .returning({ id: schoolingFamilies.id });
  return rows.length;
}

// Children -----------------------------------------------------------------------------------------------

export async function insertChild(db: Tx, values: typeof schoolingChildren.$inferInsert) {
  const [row] = await db.insert(schoolingChildren).values(values).returning();
  return row as ChildRow;
}

/** Several children at once (demo data), in the given order. */
export async function insertChildren(db: Tx, values: (typeof schoolingChildren.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(schoolingChildren).values(values).returning({ id: schoolingChildren.id });
}

export async function findChild(db: Tx, id: string): Promise<ChildRow | undefined> {
  const [row] = await db
    .select()
    .from(schoolingChildren)
    .where(and(eq(schoolingChildren.id, id), isNull(schoolingChildren.anonymisedAt)));
  return row;
}

/** Another (not anonymised) child with the same name and birth date, ignoring case. */
export async function findSameIdentity(
  db: Tx,
  input: { givenName: string; familyName: string; birthDate: string; exceptId?: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: schoolingChildren.id })
    .from(schoolingChildren)
    .where(
      and(
        sql`lower(${schoolingChildren.familyName}) = lower(${input.familyName})`,
        sql`lower(${schoolingChildren.givenName}) = lower(${input.givenName})`,
        eq(schoolingChildren.birthDate, input.birthDate),
        isNull(schoolingChildren.anonymisedAt),
        input.exceptId ? ne(schoolingChildren.id, input.exceptId) : undefined,
      ),
    )
    .orderBy(asc(schoolingChildren.createdAt))
    .limit(1);
  return row?.id;
}

export type ChildFilter = {
  state?: ChildState;
  q?: string;
  duplicates?: boolean;
  districtId?: string;
  /** Full weeks waited, counted up to `today` (or the first school day). */
  minWeeks?: { weeks: number; today: string };
};

function childFilter(query: ChildFilter): SQL | undefined {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    isNull(schoolingChildren.anonymisedAt),
    query.state ? eq(schoolingChildren.state, query.state) : undefined,
    pattern
      ? or(
          sql`${schoolingChildren.givenName} ilike ${pattern}`,
          sql`${schoolingChildren.familyName} ilike ${pattern}`,
          // The registration's confirmation code, however it was typed.
          sql`upper(replace(${schoolingChildren.confirmationCode}, '-', '')) = ${normaliseCode(query.q ?? '')}`,
        )
      : undefined,
    query.duplicates ? isNotNull(schoolingChildren.possibleDuplicateOf) : undefined,
    query.districtId ? eq(schoolingChildren.districtId, query.districtId) : undefined,
    query.minWeeks
      ? sql`coalesce(${schoolingChildren.firstSchoolDay}, ${query.minWeeks.today}::date) - ${schoolingChildren.registeredOn} >= ${7 * query.minWeeks.weeks}`
      : undefined,
  );
}

export async function listChildren(
  db: Tx,
  query: ChildFilter & { limit: number; offset: number },
): Promise<ChildRow[]> {
  return db
    .select()
    .from(schoolingChildren)
    .where(childFilter(query))
    .orderBy(
      asc(schoolingChildren.registeredOn),
      asc(schoolingChildren.familyName),
      asc(schoolingChildren.id),
    )
    .limit(query.limit)
    .offset(query.offset);
}

export async function countChildren(db: Tx, query: ChildFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(schoolingChildren).where(childFilter(query));
  return row?.n ?? 0;
}

export async function siblingsOf(db: Tx, familyId: string, exceptId: string) {
  return db
    .select({
      id: schoolingChildren.id,
      givenName: schoolingChildren.givenName,
      state: schoolingChildren.state,
    })
    .from(schoolingChildren)
    .where(
      and(
        eq(schoolingChildren.familyId, familyId),
        ne(schoolingChildren.id, exceptId),
        isNull(schoolingChildren.anonymisedAt),
      ),
    )
    .orderBy(asc(schoolingChildren.birthDate));
}

export async function updateChild(
  db: Tx,
  id: string,
  values: Partial<typeof schoolingChildren.$inferInsert>,
) {
  const [row] = await db
    .update(schoolingChildren)
    .set(values)
    .where(eq(schoolingChildren.id, id))
    .returning();
  return row;
}

export async function setChildrenState(db: Tx, ids: string[], state: ChildState, now: Date) {
  if (ids.length === 0) return;
  await db.update(schoolingChildren).set({ state, updatedAt: now }).where(inArray(schoolingChildren.id, ids));
}

/** Children on the list for placement (waiting, or proposed in a run not yet confirmed), with their assessment. */
export async function findPlaceableChildren(db: Tx) {
  return db
    .select({
      id: schoolingChildren.id,
      givenName: schoolingChildren.givenName,
      familyName: schoolingChildren.familyName,
      familyId: schoolingChildren.familyId,
      lat: schoolingChildren.lat,
      lon: schoolingChildren.lon,
      registeredOn: schoolingChildren.registeredOn,
      preferredSchoolId: schoolingChildren.preferredSchoolId,
      grade: schoolingAssessments.grade,
      forms: schoolingAssessments.forms,
      kind: schoolingAssessments.kind,
    })
    .from(schoolingChildren)
    .innerJoin(schoolingAssessments, eq(schoolingAssessments.childId, schoolingChildren.id))
    .where(
      and(inArray(schoolingChildren.state, ['waiting', 'proposed']), isNull(schoolingChildren.anonymisedAt)),
    )
    .orderBy(asc(schoolingChildren.registeredOn), asc(schoolingChildren.id));
}

/** Children whose first school day lies before the cut-off and who are not anonymised yet. */
export async function findChildrenToAnonymise(db: Tx, firstDayBefore: string) {
  return db
    .select({ id: schoolingChildren.id })
    .from(schoolingChildren)
    .where(
      and(
        isNull(schoolingChildren.anonymisedAt),
        isNotNull(schoolingChildren.firstSchoolDay),
        sql`${schoolingChildren.firstSchoolDay} < ${firstDayBefore}`,
      ),
    );
}

/** Removes what identifies the children; keeps what the figures need (birth year, languages, district, dates). */
export async function anonymiseChildren(db: Tx, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(schoolingChildren)
    .set({
      givenName: '',
      familyName: '',
      birthDate: sql`make_date(extract(year from ${schoolingChildren.birthDate})::int, 7, 1)`,
      street: '',
      postcode: '',
      lat: sql`0`,
      lon: sql`0`,
      specialNeeds: null,
      preferredSchoolId: null,
      possibleDuplicateOf: null,
      confirmationCode: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(inArray(schoolingChildren.id, ids))
    .returning({ id: schoolingChildren.id });
  await db
    .update(schoolingPlacements)
    .set({ refusalReason: null })
    .where(inArray(schoolingPlacements.childId, ids));
  return rows.length;
}

/** Every child not anonymised, with what the figures need. */
export async function figuresRows(db: Tx) {
  return db
    .select({
      state: schoolingChildren.state,
      birthDate: schoolingChildren.birthDate,
      languages: schoolingChildren.languages,
      districtId: schoolingChildren.districtId,
      registeredOn: schoolingChildren.registeredOn,
      arrivalDate: schoolingChildren.arrivalDate,
      firstSchoolDay: schoolingChildren.firstSchoolDay,
      anonymised: isNotNull(schoolingChildren.anonymisedAt),
    })
    .from(schoolingChildren);
}

// Appointments -------------------------------------------------------------------------------------------

export async function insertAppointment(db: Tx, values: typeof schoolingAppointments.$inferInsert) {
  const [row] = await db.insert(schoolingAppointments).values(values).returning();
  return row as typeof schoolingAppointments.$inferSelect;
}

export async function findAppointment(db: Tx, id: string) {
  const [row] = await db.select().from(schoolingAppointments).where(eq(schoolingAppointments.id, id));
  return row;
}

export async function updateAppointmentStatus(db: Tx, id: string, status: 'held' | 'cancelled') {
  const [row] = await db
    .update(schoolingAppointments)
    .set({ status })
    .where(eq(schoolingAppointments.id, id))
    .returning();
  return row;
}

export async function setAppointmentGuideRequest(db: Tx, id: string, guideRequestId: string) {
  await db.update(schoolingAppointments).set({ guideRequestId }).where(eq(schoolingAppointments.id, id));
}

/** A child's appointments; views.ts adds the caseworker's name and the mediator request's state. */
export async function listAppointmentRows(db: Tx, childId: string) {
  return db
    .select({
      id: schoolingAppointments.id,
      caseworkerId: schoolingAppointments.caseworkerId,
      startsAt: schoolingAppointments.startsAt,
      status: schoolingAppointments.status,
      mediatorNeeded: schoolingAppointments.mediatorNeeded,
      mediatorLanguage: schoolingAppointments.mediatorLanguage,
      guideRequestId: schoolingAppointments.guideRequestId,
    })
    .from(schoolingAppointments)
    .where(eq(schoolingAppointments.childId, childId))
    .orderBy(asc(schoolingAppointments.startsAt));
}

export async function deleteAppointmentsOf(db: Tx, childIds: string[]) {
  if (childIds.length === 0) return;
  await db.delete(schoolingAppointments).where(inArray(schoolingAppointments.childId, childIds));
}

// Assessments --------------------------------------------------------------------------------------------

export async function upsertAssessment(db: Tx, values: typeof schoolingAssessments.$inferInsert) {
  await db
    .insert(schoolingAssessments)
    .values(values)
    .onConflictDoUpdate({
      target: schoolingAssessments.childId,
      set: {
        grade: values.grade,
        forms: values.forms,
        kind: values.kind,
        assessedBy: values.assessedBy,
        assessedAt: values.assessedAt,
      },
    });
}

/** Several assessments at once (demo data). */
export async function insertAssessments(db: Tx, values: (typeof schoolingAssessments.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(schoolingAssessments).values(values);
}

export async function findAssessment(db: Tx, childId: string) {
  const [row] = await db.select().from(schoolingAssessments).where(eq(schoolingAssessments.childId, childId));
  return row;
}

// Schools and places ---------------------------------------------------------------------------------------

/** The addresses the module knows of schools (by organisation id); views.ts adds the organisations. */
export async function listSchoolAddresses(db: Tx, schoolId?: string) {
  return db
    .select()
    .from(schoolingSchools)
    .where(schoolId ? eq(schoolingSchools.organisationId, schoolId) : undefined);
}

export async function upsertSchool(db: Tx, values: typeof schoolingSchools.$inferInsert) {
  await db
    .insert(schoolingSchools)
    .values(values)
    .onConflictDoUpdate({ target: schoolingSchools.organisationId, set: values });
}

/** The scope's seat groups with who changed them last (an account id); views.ts adds the name. */
export async function listSeatGroupRows(db: Tx, scope: Scope) {
  return db
    .select({
      id: schoolingSeatGroups.id,
      schoolId: schoolingSeatGroups.schoolId,
      form: schoolingSeatGroups.form,
      gradeFrom: schoolingSeatGroups.gradeFrom,
      gradeTo: schoolingSeatGroups.gradeTo,
      kind: schoolingSeatGroups.kind,
      free: schoolingSeatGroups.free,
      updatedAt: schoolingSeatGroups.updatedAt,
      updatedBy: schoolingSeatGroups.updatedBy,
    })
    .from(schoolingSeatGroups)
    .where(scopeWhere(scope, schoolingSeatGroups.schoolId))
    .orderBy(
      asc(schoolingSeatGroups.schoolId),
      asc(schoolingSeatGroups.form),
      asc(schoolingSeatGroups.gradeFrom),
      asc(schoolingSeatGroups.kind),
    );
}

/** Sets one group's free places (by school, form, band and kind), recording who and when. */
export async function upsertSeatGroup(db: Tx, values: typeof schoolingSeatGroups.$inferInsert) {
  const [row] = await db
    .insert(schoolingSeatGroups)
    .values(values)
    .onConflictDoUpdate({
      target: [
        schoolingSeatGroups.schoolId,
        schoolingSeatGroups.form,
        schoolingSeatGroups.gradeFrom,
        schoolingSeatGroups.gradeTo,
        schoolingSeatGroups.kind,
      ],
      set: { free: values.free, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .returning({ id: schoolingSeatGroups.id });
  return row?.id as string;
}

export async function deleteSeatGroupsExcept(db: Tx, schoolId: string, keepIds: string[]) {
  await db
    .delete(schoolingSeatGroups)
    .where(
      and(
        eq(schoolingSeatGroups.schoolId, schoolId),
        keepIds.length ? notInArray(schoolingSeatGroups.id, keepIds) : undefined,
      ),
    );
}

/** One seat fewer in a group (when a school accepts a child), never below zero. */
export async function takeSeat(db: Tx, seatGroupId: string) {
  await db
    .update(schoolingSeatGroups)
    .set({ free: sql`greatest(${schoolingSeatGroups.free} - 1, 0)` })
    .where(eq(schoolingSeatGroups.id, seatGroupId));
}

/** Seats held by confirmed placements that the school has not yet decided on, per seat group. */
export async function heldSeats(db: Tx) {
  return db
    .select({ seatGroupId: schoolingPlacements.seatGroupId, n: count() })
    .from(schoolingPlacements)
    .where(and(eq(schoolingPlacements.status, 'confirmed'), isNotNull(schoolingPlacements.seatGroupId)))
    .groupBy(schoolingPlacements.seatGroupId);
}

// Placement runs and placements -----------------------------------------------------------------------------

export async function insertRun(db: Tx, values: typeof schoolingPlacementRuns.$inferInsert) {
  const [row] = await db.insert(schoolingPlacementRuns).values(values).returning();
  return row as typeof schoolingPlacementRuns.$inferSelect;
}

export async function findRun(db: Tx, id: string) {
  const [row] = await db.select().from(schoolingPlacementRuns).where(eq(schoolingPlacementRuns.id, id));
  return row;
}

export async function latestRunId(db: Tx) {
  const [row] = await db
    .select({ id: schoolingPlacementRuns.id })
    .from(schoolingPlacementRuns)
    .orderBy(desc(schoolingPlacementRuns.runAt))
    .limit(1);
  return row?.id;
}

/** Earlier proposals no caseworker confirmed give way to a new run. */
export async function supersedeOpenProposals(db: Tx) {
  await db
    .update(schoolingPlacements)
    .set({ status: 'superseded' })
    .where(eq(schoolingPlacements.status, 'proposed'));
}

export async function insertPlacements(db: Tx, values: (typeof schoolingPlacements.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(schoolingPlacements).values(values).returning();
}

export async function findPlacement(db: Tx, id: string): Promise<PlacementRow | undefined> {
  const [row] = await db.select().from(schoolingPlacements).where(eq(schoolingPlacements.id, id));
  return row;
}

export async function placementsOfRun(db: Tx, runId: string) {
  return db.select().from(schoolingPlacements).where(eq(schoolingPlacements.runId, runId));
}

/** A child's placements (not superseded), newest first; views.ts adds the school's name. */
export async function placementRowsOfChild(db: Tx, childId: string) {
  return db
    .select()
    .from(schoolingPlacements)
    .where(and(eq(schoolingPlacements.childId, childId), ne(schoolingPlacements.status, 'superseded')))
    .orderBy(desc(schoolingPlacements.proposedAt));
}

export async function updatePlacement(
  db: Tx,
  id: string,
  values: Partial<typeof schoolingPlacements.$inferInsert>,
) {
  const [row] = await db
    .update(schoolingPlacements)
    .set(values)
    .where(eq(schoolingPlacements.id, id))
    .returning();
  return row as PlacementRow;
}

/** Confirms a run's open proposals (all, or the listed ones); returns the confirmed rows. */
export async function confirmProposals(
  db: Tx,
  input: { runId: string; ids?: string[]; by: string | null; now: Date },
) {
  return db
    .update(schoolingPlacements)
    .set({ status: 'confirmed', confirmedAt: input.now, confirmedBy: input.by })
    .where(
      and(
        eq(schoolingPlacements.runId, input.runId),
        eq(schoolingPlacements.status, 'proposed'),
        input.ids ? inArray(schoolingPlacements.id, input.ids) : undefined,
      ),
    )
    .returning();
}

/** The children the scope's schools have been sent (confirmed, accepted), with what a school needs to know. */
export async function placementsForSchool(db: Tx, scope: Scope) {
  return db
    .select({
      placement: schoolingPlacements,
      child: schoolingChildren,
      family: schoolingFamilies,
      grade: schoolingAssessments.grade,
      kind: schoolingAssessments.kind,
    })
    .from(schoolingPlacements)
    .innerJoin(schoolingChildren, eq(schoolingChildren.id, schoolingPlacements.childId))
    .innerJoin(schoolingFamilies, eq(schoolingFamilies.id, schoolingChildren.familyId))
    .leftJoin(schoolingAssessments, eq(schoolingAssessments.childId, schoolingChildren.id))
    .where(
      and(
        scopeWhere(scope, schoolingPlacements.schoolId),
        inArray(schoolingPlacements.status, ['confirmed', 'accepted']),
        isNull(schoolingChildren.anonymisedAt),
      ),
    )
    .orderBy(asc(schoolingPlacements.confirmedAt));
}
