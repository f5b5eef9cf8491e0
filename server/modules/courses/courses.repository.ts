// The courses module's queries: one function per query, over its own tables only.
import { and, asc, count, eq, gte, inArray, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import { courseAttendance, courseEnrolments, courseMoves, courses } from './courses.tables.ts';
import { HOLDING_STATUSES } from './courses.terms.ts';

export type CourseRow = typeof courses.$inferSelect;
export type NewCourse = typeof courses.$inferInsert;
export type EnrolmentRow = typeof courseEnrolments.$inferSelect;
export type NewEnrolment = typeof courseEnrolments.$inferInsert;
export type MoveRow = typeof courseMoves.$inferSelect;

export async function insertCourse(db: Tx, values: NewCourse): Promise<CourseRow> {
  const [row] = await db.insert(courses).values(values).returning();
  return row as CourseRow;
}

export async function findCourse(db: Tx, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  return row;
}

/** The course row locked for the transaction: every enrolment and move in a course waits here, one at a time. */
export async function lockCourse(db: Tx, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id)).for('update');
  return row;
}

/**
 * The course locked for this transaction and its next arrival number taken, in one statement: the UPDATE waits
 * for the row lock like `SELECT … FOR UPDATE` and answers the row as it is once the lock is granted.
 */
export async function lockCourseTakingArrival(db: Tx, id: string): Promise<CourseRow | undefined> {
  const [row] = await db
    .update(courses)
    .set({ arrivals: sql`${courses.arrivals} + 1` })
    .where(eq(courses.id, id))
    .returning();
  return row;
}

/** A course's places and childcare places changed (call with the course locked); answers the changed row. */
export async function updateCourseCapacity(
  db: Tx,
  id: string,
  values: { capacity: number; childcarePlaces: number; updatedAt: Date },
): Promise<CourseRow> {
  const [row] = await db.update(courses).set(values).where(eq(courses.id, id)).returning();
  return row as CourseRow;
}

const holdingSql = sql.raw(HOLDING_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * One arrival, decided and written in one statement (call with the course locked by
 * lockCourseTakingArrival(), so the statement sees every earlier arrival): the places and childcare places held
 * now, the enrolment placed when one place and `needs` childcare places are free and waiting otherwise, its
 * arrival move, and its waiting position (all earlier arrivals still waiting, plus one).
 */
export async function insertArrival(
  db: Tx,
  values: Omit<NewEnrolment, 'status'> & { arrival: number; createdAt: Date },
  course: { capacity: number; childcarePlaces: number },
  actor: string,
): Promise<{ id: string; status: 'enrolled' | 'waiting'; position: number | null }> {
  const at = values.createdAt.toISOString();
  const [row] = await rows<{ id: string; status: 'enrolled' | 'waiting'; position: number | null }>(
    db,
    sql`with held as (
          select count(*) filter (where status in (${holdingSql}))::int as places,
                 coalesce(sum(cardinality(childcare_ages)) filter (where status in (${holdingSql})), 0)::int as childcare,
                 count(*) filter (where status = 'waiting')::int as waiting
          from course_enrolments where course_id = ${values.courseId}
        ), decided as (
          select case when ${course.capacity}::int - places >= 1
                       and ${course.childcarePlaces}::int - childcare >= ${(values.childcareAges ?? []).length}::int
                      then 'enrolled' else 'waiting' end as status,
                 waiting
          from held
        ), added as (
          insert into course_enrolments (course_id, code_hash, arrival, status, participant_name, participant_kind,
            participant_age, phone, email, contact_hash, language, languages, german_level, childcare_ages,
            women_only, evening, user_id, created_at, updated_at)
          select ${values.courseId}::uuid, ${values.codeHash}, ${values.arrival}::bigint, decided.status,
            ${values.participantName}, ${values.participantKind}, ${values.participantAge ?? null}::int,
            ${values.phone ?? null}, ${values.email ?? null}, ${values.contactHash}, ${values.language},
            array(select jsonb_array_elements_text(${JSON.stringify(values.languages ?? [])}::jsonb)),
            ${values.germanLevel ?? null},
            array(select jsonb_array_elements_text(${JSON.stringify(values.childcareAges ?? [])}::jsonb)::int),
            ${values.womenOnly ?? false}::boolean, ${values.evening ?? false}::boolean, ${values.userId ?? null}::uuid,
            ${at}::timestamptz, ${at}::timestamptz
          from decided
          returning id, course_id, status
        ), moved as (
          insert into course_moves (course_id, enrolment_id, from_status, to_status, actor, reason, at)
          select course_id, id, null, status, ${actor}, 'arrival', ${at}::timestamptz from added
        )
        select added.id, added.status,
               case when added.status = 'waiting' then decided.waiting + 1 end as position
        from added, decided`,
  );
  if (!row) throw new Error('the arrival was not written');
  return { id: row.id, status: row.status, position: row.position === null ? null : Number(row.position) };
}

export type CourseFilter = {
  kind?: string | undefined;
  districtId?: string | undefined;
  language?: string | undefined;
  /** Courses that have not ended by this day. */
  from: string;
};

function filterWhere(filter: CourseFilter): SQL | undefined {
  return and(
    gte(courses.endsOn, filter.from),
    filter.kind ? eq(courses.kind, filter.kind) : undefined,
    filter.districtId ? eq(courses.districtId, filter.districtId) : undefined,
    filter.language
      ? sql`(${filter.language} = any(${courses.instructionLanguages}) or ${filter.language} = any(${courses.supportLanguages}))`
      : undefined,
  );
}

/** The public list: courses not yet ended, starting soonest first. */
export async function listCourses(db: Tx, filter: CourseFilter, limit: number, offset: number) {
  return db
    .select()
    .from(courses)
    .where(filterWhere(filter))
    .orderBy(asc(courses.startsOn), asc(courses.id))
    .limit(limit)
    .offset(offset);
}

export async function countCourses(db: Tx, filter: CourseFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(courses).where(filterWhere(filter));
  return row?.n ?? 0;
}

/** The providers' list: the scope's courses, newest start first. */
export async function listManagedCourses(db: Tx, scope: Scope) {
  return db
    .select()
    .from(courses)
    .where(scopeWhere(scope, courses.organisationId))
    .orderBy(asc(courses.startsOn), asc(courses.id));
}

export type Occupancy = { places: number; childcare: number; waiting: number };

/** Per course: places and childcare places held (enrolled or offered), and how many wait. */
export async function occupancyOf(db: Tx, courseIds: string[]): Promise<Map<string, Occupancy>> {
  if (courseIds.length === 0) return new Map();
  const holding = sql`${courseEnrolments.status} in (${sql.join(
    HOLDING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const rows = await db
    .select({
      courseId: courseEnrolments.courseId,
      places: sql<number>`count(*) filter (where ${holding})`.mapWith(Number),
      childcare:
        sql<number>`coalesce(sum(cardinality(${courseEnrolments.childcareAges})) filter (where ${holding}), 0)`.mapWith(
          Number,
        ),
      waiting: sql<number>`count(*) filter (where ${courseEnrolments.status} = 'waiting')`.mapWith(Number),
    })
    .from(courseEnrolments)
    .where(inArray(courseEnrolments.courseId, courseIds))
    .groupBy(courseEnrolments.courseId);
  return new Map(
    rows.map((r) => [r.courseId, { places: r.places, childcare: r.childcare, waiting: r.waiting }]),
  );
}

export async function insertEnrolment(db: Tx, values: NewEnrolment): Promise<EnrolmentRow> {
  const [row] = await db.insert(courseEnrolments).values(values).returning();
  return row as EnrolmentRow;
}

export async function findEnrolmentByCodeHash(db: Tx, codeHash: string): Promise<EnrolmentRow | undefined> {
  const [row] = await db.select().from(courseEnrolments).where(eq(courseEnrolments.codeHash, codeHash));
  return row;
}

export async function findEnrolment(db: Tx, id: string): Promise<EnrolmentRow | undefined> {
  const [row] = await db.select().from(courseEnrolments).where(eq(courseEnrolments.id, id));
  return row;
}

export async function updateEnrolment(db: Tx, id: string, values: Partial<NewEnrolment>): Promise<void> {
  await db.update(courseEnrolments).set(values).where(eq(courseEnrolments.id, id));
}

/** A course's waiting list in order of arrival. */
export async function listWaiting(db: Tx, courseId: string): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.status, 'waiting')))
    .orderBy(asc(courseEnrolments.arrival));
}

/** The place on the waiting list of an enrolment that arrived as `arrival`: 1 for the first waiting. */
export async function waitingPosition(db: Tx, courseId: string, arrival: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(courseEnrolments)
    .where(
      and(
        eq(courseEnrolments.courseId, courseId),
        eq(courseEnrolments.status, 'waiting'),
        lte(courseEnrolments.arrival, arrival),
      ),
    );
  return row?.n ?? 0;
}

/** Every enrolment of a course in order of arrival (the provider's list). */
export async function listEnrolmentsOfCourse(db: Tx, courseId: string): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(courseEnrolments)
    .where(eq(courseEnrolments.courseId, courseId))
    .orderBy(asc(courseEnrolments.arrival));
}

/** The same person's enrolments in other courses still waiting or offered (found by the contact's hash). */
export async function listOtherOpenEnrolments(db: Tx, contactHash: string, exceptCourseId: string) {
  return db
    .select({
      id: courseEnrolments.id,
      courseId: courseEnrolments.courseId,
      arrival: courseEnrolments.arrival,
      status: courseEnrolments.status,
      name: courses.name,
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(
      and(
        eq(courseEnrolments.contactHash, contactHash),
        ne(courseEnrolments.courseId, exceptCourseId),
        inArray(courseEnrolments.status, ['waiting', 'offered']),
      ),
    )
    .orderBy(asc(courseEnrolments.createdAt));
}

export async function insertMove(db: Tx, values: typeof courseMoves.$inferInsert): Promise<void> {
  await db.insert(courseMoves).values(values);
}

/** A course's moves, oldest first. */
export async function listMoves(db: Tx, courseId: string): Promise<MoveRow[]> {
  return db
    .select()
    .from(courseMoves)
    .where(eq(courseMoves.courseId, courseId))
    .orderBy(asc(courseMoves.seq));
}

/** Offers whose deadline has passed. */
export async function listDueOffers(db: Tx, now: Date) {
  return db
    .select({ id: courseEnrolments.id, courseId: courseEnrolments.courseId })
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.status, 'offered'), lt(courseEnrolments.offerExpiresAt, now)));
}

/** Deletes the enrolments (and their moves) of courses that ended before the day; returns how many. */
export async function deleteEnrolmentsEndedBefore(db: Tx, day: string): Promise<number> {
  const ended = db.select({ id: courses.id }).from(courses).where(lt(courses.endsOn, day));
  const deleted = await db
    .delete(courseEnrolments)
    .where(inArray(courseEnrolments.courseId, ended))
    .returning({ id: courseEnrolments.id });
  return deleted.length;
}

/** The enrolments a signed-in person made, with completion and attendance (their data export). */
export async function listEnrolmentsOfUser(db: Tx, userId: string) {
  return db
    .select({
      course: courses.name,
      status: courseEnrolments.status,
      participantName: courseEnrolments.participantName,
      phone: courseEnrolments.phone,
      email: courseEnrolments.email,
      languages: courseEnrolments.languages,
      germanLevel: courseEnrolments.germanLevel,
      childcareAges: courseEnrolments.childcareAges,
      createdAt: courseEnrolments.createdAt,
      completedAt: courseEnrolments.completedAt,
      attendance: sql<
        { day: string; status: string }[]
      >`coalesce((select json_agg(json_build_object('day', ${courseAttendance.day}, 'status', ${courseAttendance.status}) order by ${courseAttendance.day}) from ${courseAttendance} where ${courseAttendance.enrolmentId} = ${courseEnrolments.id}), '[]'::json)`,
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(eq(courseEnrolments.userId, userId));
}

/** Erasure: a signed-in person's enrolments lose their name and contact (the place in the figures stays). */
export async function anonymiseEnrolmentsOfUser(db: Tx, userId: string, now: Date): Promise<void> {
  await db
    .update(courseEnrolments)
    .set({
      participantName: '—',
      phone: null,
      email: null,
      contactHash: sql`md5(${courseEnrolments.id}::text)`,
      userId: null,
      updatedAt: now,
    })
    .where(eq(courseEnrolments.userId, userId));
}

/** Everyone waiting for a course that has not ended, with the course's kind and place (the demand view). */
export async function listWaitingDemand(db: Tx, from: string) {
  return db
    .select({
      contactHash: courseEnrolments.contactHash,
      language: courseEnrolments.language,
      languages: courseEnrolments.languages,
      childcareAges: courseEnrolments.childcareAges,
      participantKind: courseEnrolments.participantKind,
      participantAge: courseEnrolments.participantAge,
      womenOnly: courseEnrolments.womenOnly,
      evening: courseEnrolments.evening,
      createdAt: courseEnrolments.createdAt,
      kind: courses.kind,
      ortsteilId: courses.ortsteilId,
      districtId: courses.districtId,
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(and(eq(courseEnrolments.status, 'waiting'), gte(courses.endsOn, from)))
    .orderBy(asc(courseEnrolments.createdAt), asc(courseEnrolments.id));
}

/** Courses that have not ended: their directory offer and languages (the planner's existing courses). */
export async function listRunningCourseOffers(db: Tx, from: string) {
  return db
    .select({
      serviceId: courses.serviceId,
      instructionLanguages: courses.instructionLanguages,
      supportLanguages: courses.supportLanguages,
    })
    .from(courses)
    .where(gte(courses.endsOn, from));
}

/** A course's attendance marks, every day (the attendance page and each person's hours). */
export async function listAttendance(db: Tx, courseId: string) {
  return db
    .select({
      enrolmentId: courseAttendance.enrolmentId,
      day: courseAttendance.day,
      status: courseAttendance.status,
    })
    .from(courseAttendance)
    .where(eq(courseAttendance.courseId, courseId))
    .orderBy(asc(courseAttendance.day));
}

/** Writes the day's marks (a mark taken again replaces the earlier one). */
export async function upsertAttendance(
  db: Tx,
  rows: (typeof courseAttendance.$inferInsert)[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(courseAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [courseAttendance.enrolmentId, courseAttendance.day],
      set: {
        status: sql`excluded.status`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}
