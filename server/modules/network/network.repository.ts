// The network module's queries: one function per query, over its own tables.
import { and, arrayOverlaps, asc, desc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import {
  networkActivities,
  networkActors,
  networkContacts,
  networkFeeds,
  networkOccurrences,
  networkRoomBookings,
  networkRooms,
  networkWorkingGroupMembers,
  networkWorkingGroups,
} from './network.tables.ts';

export type ActorRow = typeof networkActors.$inferSelect;
export type ContactRow = typeof networkContacts.$inferSelect;
export type ActivityRow = typeof networkActivities.$inferSelect;
export type NewActivity = typeof networkActivities.$inferInsert;
export type BookingRow = typeof networkRoomBookings.$inferSelect;
export type RoomRow = typeof networkRooms.$inferSelect;
export type FeedRow = typeof networkFeeds.$inferSelect;

const toDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

// Actors

export async function insertActor(db: Tx, values: typeof networkActors.$inferInsert): Promise<ActorRow> {
  const [row] = await db.insert(networkActors).values(values).returning();
  return row as ActorRow;
}

export async function findActor(db: Tx, id: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(networkActors).where(eq(networkActors.id, id));
  return row;
}

export async function findActorOfOrganisation(db: Tx, organisationId: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(networkActors).where(eq(networkActors.organisationId, organisationId));
  return row;
}

export async function actorsByIds(db: Tx, ids: readonly string[]): Promise<ActorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(networkActors)
    .where(inArray(networkActors.id, [...ids]));
}

export type ActorFilter = {
  kind?: string | undefined;
  district?: string | undefined;
  topic?: string | undefined;
  targetGroup?: string | undefined;
  status?: string | undefined;
  /** Pending actors are shown to the coordinators, and to their own organisation. */
  pendingOf: 'all' | string | null;
};

/** The register: approved actors (and the pending ones the caller may see), newest change first. */
export async function listActors(db: Tx, filter: ActorFilter): Promise<ActorRow[]> {
  const pending =
    filter.pendingOf === 'all'
      ? undefined
      : filter.pendingOf
        ? or(eq(networkActors.status, 'approved'), eq(networkActors.organisationId, filter.pendingOf))
        : eq(networkActors.status, 'approved');
  return db
    .select()
    .from(networkActors)
    .where(
      and(
        pending,
        filter.status ? eq(networkActors.status, filter.status) : undefined,
        filter.kind ? eq(networkActors.kind, filter.kind) : undefined,
        filter.district ? arrayOverlaps(networkActors.districts, [filter.district]) : undefined,
        filter.topic ? arrayOverlaps(networkActors.topics, [filter.topic]) : undefined,
        filter.targetGroup ? arrayOverlaps(networkActors.targetGroups, [filter.targetGroup]) : undefined,
      ),
    )
    .orderBy(asc(networkActors.status), desc(networkActors.updatedAt), asc(networkActors.id));
}

export async function updateActor(
  db: Tx,
  id: string,
  values: Partial<typeof networkActors.$inferInsert>,
): Promise<ActorRow> {
  const [row] = await db.update(networkActors).set(values).where(eq(networkActors.id, id)).returning();
  return row as ActorRow;
}

// Contact persons

export async function insertContact(
  db: Tx,
  values: typeof networkContacts.$inferInsert,
): Promise<ContactRow> {
  const [row] = await db.insert(networkContacts).values(values).returning();
  return row as ContactRow;
}

export async function listContacts(db: Tx, actorIds: readonly string[]): Promise<ContactRow[]> {
  if (actorIds.length === 0) return [];
  return db
    .select()
    .from(networkContacts)
    .where(inArray(networkContacts.actorId, [...actorIds]))
    .orderBy(asc(networkContacts.name), asc(networkContacts.id));
}

export async function deleteContact(db: Tx, actorId: string, id: string): Promise<number> {
  const deleted = await db
    .delete(networkContacts)
    .where(and(eq(networkContacts.actorId, actorId), eq(networkContacts.id, id)))
    .returning({ id: networkContacts.id });
  return deleted.length;
}

export async function contactsOfUser(db: Tx, userId: string): Promise<ContactRow[]> {
  return db.select().from(networkContacts).where(eq(networkContacts.userId, userId));
}

export async function deleteContactsOfUser(db: Tx, userId: string): Promise<number> {
  const deleted = await db
    .delete(networkContacts)
    .where(eq(networkContacts.userId, userId))
    .returning({ id: networkContacts.id });
  return deleted.length;
}

/** Contacts whose last consent is older than the cut-off (retention). */
export async function deleteContactsConsentedBefore(db: Tx, before: Date): Promise<number> {
  const deleted = await db
    .delete(networkContacts)
    .where(lt(networkContacts.consentAt, before))
    .returning({ id: networkContacts.id });
  return deleted.length;
}

// Activities and their occurrences

export async function insertActivity(
  db: Tx,
  values: typeof networkActivities.$inferInsert,
): Promise<ActivityRow> {
  const [row] = await db.insert(networkActivities).values(values).returning();
  return row as ActivityRow;
}

export async function updateActivity(
  db: Tx,
  id: string,
  values: Partial<typeof networkActivities.$inferInsert>,
): Promise<ActivityRow> {
  const [row] = await db
    .update(networkActivities)
    .set(values)
    .where(eq(networkActivities.id, id))
    .returning();
  return row as ActivityRow;
}

export async function deleteActivity(db: Tx, id: string): Promise<void> {
  await db.delete(networkActivities).where(eq(networkActivities.id, id));
}

export async function findActivity(db: Tx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(networkActivities).where(eq(networkActivities.id, id));
  return row;
}

/** Activities the scope may see (joined to their actor for the organisation), of one actor or all. */
export async function listActivities(db: Tx, scope: Scope, filter: { actorId?: string | undefined }) {
  return db
    .select({ activity: networkActivities })
    .from(networkActivities)
    .innerJoin(networkActors, eq(networkActors.id, networkActivities.actorId))
    .where(
      and(
        scopeWhere(scope, networkActors.organisationId),
        filter.actorId ? eq(networkActivities.actorId, filter.actorId) : undefined,
      ),
    )
    .orderBy(asc(networkActivities.startDate), asc(networkActivities.startTime), asc(networkActivities.id))
    .limit(500)
    .then((list) => list.map((r) => r.activity));
}

/** Public activities of approved actors, optionally of one actor, Ortsteil or target group (the iCal feeds). */
export async function listPublicActivities(
  db: Tx,
  filter: { actorId?: string | undefined; ortsteilId?: string | undefined; targetGroup?: string | undefined },
) {
  return db
    .select({ activity: networkActivities, organisationId: networkActors.organisationId })
    .from(networkActivities)
    .innerJoin(networkActors, eq(networkActors.id, networkActivities.actorId))
    .where(
      and(
        eq(networkActivities.public, true),
        eq(networkActors.status, 'approved'),
        filter.actorId ? eq(networkActivities.actorId, filter.actorId) : undefined,
        filter.ortsteilId ? eq(networkActivities.ortsteilId, filter.ortsteilId) : undefined,
        filter.targetGroup ? arrayOverlaps(networkActivities.targetGroups, [filter.targetGroup]) : undefined,
      ),
    )
    .orderBy(asc(networkActivities.startDate), asc(networkActivities.id));
}

/**
 * Recurring activities whose stored occurrences end before `before` (or that have none), the stalest first: the
 * daily job extends them to the horizon.
 */
export async function listRecurringStoredBefore(
  db: Tx,
  before: Date,
  limit: number,
): Promise<{ activity: ActivityRow; last: Date | null }[]> {
  const stored = db
    .select({
      activityId: networkOccurrences.activityId,
      last: sql<Date>`max(upper(${networkOccurrences.during}))`.as('last'),
    })
    .from(networkOccurrences)
    .groupBy(networkOccurrences.activityId)
    .as('stored');
  return db
    .select({ activity: networkActivities, last: stored.last })
    .from(networkActivities)
    .leftJoin(stored, eq(stored.activityId, networkActivities.id))
    .where(
      and(
        sql`${networkActivities.rrule} is not null`,
        sql`coalesce(${stored.last}, '-infinity'::timestamptz) < ${before.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`${stored.last} asc nulls first`, asc(networkActivities.id))
    .limit(limit)
    .then((list) => list.map((r) => ({ activity: r.activity, last: r.last ? toDate(r.last) : null })));
}

export async function deleteOccurrences(db: Tx, activityId: string): Promise<void> {
  await db.delete(networkOccurrences).where(eq(networkOccurrences.activityId, activityId));
}

/** The stored occurrences of several activities, in one statement (the daily job's batches). */
export async function deleteOccurrencesOf(db: Tx, activityIds: readonly string[]): Promise<void> {
  if (activityIds.length === 0) return;
  await db.delete(networkOccurrences).where(inArray(networkOccurrences.activityId, [...activityIds]));
}

type OccurrenceKey = {
  activityId: string;
  actorId: string;
  ortsteilId: string;
  targetGroups: string[];
  public: boolean;
};

/** Rows per INSERT: six parameters each, well under PostgreSQL's 65,535 parameters per statement. */
const INSERT_ROWS = 5000;

/** Occurrences of any activities, as multi-row inserts of up to 5,000 rows. */
export async function insertOccurrenceRows(
  db: Tx,
  occurrences: readonly (OccurrenceKey & { start: Date; end: Date; day: string })[],
): Promise<void> {
  for (let i = 0; i < occurrences.length; i += INSERT_ROWS) {
    await db.insert(networkOccurrences).values(
      occurrences.slice(i, i + INSERT_ROWS).map(({ start, end, day, ...key }) => ({
        ...key,
        day,
        during: `[${start.toISOString()},${end.toISOString()})`,
      })),
    );
  }
}

/** One activity's occurrences. */
export async function insertOccurrences(
  db: Tx,
  activity: OccurrenceKey,
  occurrences: readonly { start: Date; end: Date; day: string }[],
): Promise<void> {
  await insertOccurrenceRows(
    db,
    occurrences.map((o) => ({ ...activity, ...o })),
  );
}

export type OverlapRow = {
  activityId: string;
  actorId: string;
  start: Date;
  end: Date;
  count: number;
  /** The other activity's title and Ortsteil, and its actor's organisation, read in the same query. */
  title: string;
  ortsteilId: string;
  organisationId: string;
};

/**
 * Other actors' occurrences for one of the target groups, in one of the Ortsteile, overlapping one of the planned
 * occurrences: per activity its first overlapping occurrence and how many overlap. One scan of the btree (Ortsteil,
 * local day) for every Ortsteil × planned day (an occurrence never passes midnight, so only occurrences on a planned
 * day can overlap), the few rows it finds held against the planned occurrences as one multirange (written as
 * multirange && multirange so that the planner does not take the GiST index: it searches by the multirange's hull, a
 * whole year, 660 entries for a weekly plan, 21 ms). The earlier form,
 * one GiST probe (Ortsteil, range &&) per planned occurrence × Ortsteil, cost about 0.3 ms a probe and 250 probes for
 * a weekly plan in a Stadtteil with four neighbours (`npm run bench -- network --explain` prints the plans).
 */
export async function findOverlaps(
  db: Tx,
  input: {
    ranges: readonly { start: Date; end: Date; day: string }[];
    ortsteile: readonly string[];
    targetGroups: readonly string[];
    exceptActorId: string | null;
    /** The caller's organisation: its actor's activities are left out (when no actor is named). */
    exceptOrganisationId: string | null;
    exceptActivityId: string | null;
    limit: number;
  },
): Promise<OverlapRow[]> {
  if (input.ranges.length === 0 || input.ortsteile.length === 0 || input.targetGroups.length === 0) return [];
  const planned = `{${input.ranges.map((r) => `[${r.start.toISOString()},${r.end.toISOString()})`).join(',')}}`;
  const days = `{${[...new Set(input.ranges.map((r) => r.day))].join(',')}}`;
  const places = `{${input.ortsteile.map((o) => `"${o.replaceAll('"', '')}"`).join(',')}}`;
  const groups = `{${input.targetGroups.map((g) => `"${g.replaceAll('"', '')}"`).join(',')}}`;
  const found = await rows<{
    activity_id: string;
    actor_id: string;
    start: unknown;
    end: unknown;
    n: unknown;
    title: string;
    ortsteil_id: string;
    organisation_id: string;
  }>(
    db,
    sql`with found as (
        select x.activity_id, x.actor_id, min(lower(x.during)) as start,
               (array_agg(upper(x.during) order by lower(x.during)))[1] as "end", count(*)::int as n
          from network_occurrences x
         where x.ortsteil_id = any(${places}::text[]) and x.day = any(${days}::date[])
           and tstzmultirange(x.during) && ${planned}::tstzmultirange
           and x.target_groups && ${groups}::text[]
           and (${input.exceptActorId}::uuid is null or x.actor_id <> ${input.exceptActorId}::uuid)
           and (${input.exceptOrganisationId}::text is null or x.actor_id not in
                (select m.id from network_actors m where m.organisation_id = ${input.exceptOrganisationId}::text))
           and (${input.exceptActivityId}::uuid is null or x.activity_id <> ${input.exceptActivityId}::uuid)
         group by x.activity_id, x.actor_id
         order by min(lower(x.during)), x.activity_id
         limit ${input.limit})
        select f.*, a.title, a.ortsteil_id, n.organisation_id
          from found f
          join network_activities a on a.id = f.activity_id
          join network_actors n on n.id = f.actor_id
         order by f.start, f.activity_id`,
  );
  return found.map((r) => ({
    activityId: r.activity_id,
    actorId: r.actor_id,
    start: toDate(r.start),
    end: toDate(r.end),
    count: Number(r.n),
    title: r.title,
    ortsteilId: r.ortsteil_id,
    organisationId: r.organisation_id,
  }));
}

export type CalendarRow = {
  activityId: string;
  actorId: string;
  start: Date;
  end: Date;
};

/** Public occurrences in a time window, in the Ortsteile and for the target group asked (the public calendar). */
export async function listPublicOccurrences(
  db: Tx,
  input: {
    from: Date;
    to: Date;
    ortsteile: readonly string[] | null;
    targetGroup: string | null;
    limit: number;
  },
): Promise<CalendarRow[]> {
  const found = await db
    .select({
      activityId: networkOccurrences.activityId,
      actorId: networkOccurrences.actorId,
      start: sql<unknown>`lower(${networkOccurrences.during})`,
      end: sql<unknown>`upper(${networkOccurrences.during})`,
    })
    .from(networkOccurrences)
    .innerJoin(networkActors, eq(networkActors.id, networkOccurrences.actorId))
    .where(
      and(
        eq(networkOccurrences.public, true),
        eq(networkActors.status, 'approved'),
        sql`${networkOccurrences.during} && tstzrange(${input.from.toISOString()}::timestamptz, ${input.to.toISOString()}::timestamptz)`,
        input.ortsteile ? inArray(networkOccurrences.ortsteilId, [...input.ortsteile]) : undefined,
        input.targetGroup ? arrayOverlaps(networkOccurrences.targetGroups, [input.targetGroup]) : undefined,
      ),
    )
    .orderBy(sql`lower(${networkOccurrences.during})`, asc(networkOccurrences.activityId))
    .limit(input.limit);
  return found.map((r) => ({ ...r, start: toDate(r.start), end: toDate(r.end) }));
}

/**
 * How many activities of approved actors (public and internal) for one target group run in each Ortsteil and week
 * (weeks from Monday, in the city's zone) within a window: the gaps view fills the rest of the grid with zeros.
 */
export async function countActivitiesByWeek(
  db: Tx,
  input: { from: Date; to: Date; timeZone: string; targetGroup: string; ortsteile: readonly string[] },
): Promise<{ ortsteilId: string; week: string; count: number }[]> {
  if (input.ortsteile.length === 0) return [];
  const week = sql<string>`to_char(date_trunc('week', lower(${networkOccurrences.during}) at time zone ${input.timeZone}), 'YYYY-MM-DD')`;
  return (
    db
      .select({
        ortsteilId: networkOccurrences.ortsteilId,
        week,
        count: sql<number>`count(distinct ${networkOccurrences.activityId})::int`,
      })
      .from(networkOccurrences)
      .innerJoin(networkActors, eq(networkActors.id, networkOccurrences.actorId))
      .where(
        and(
          eq(networkActors.status, 'approved'),
          sql`${networkOccurrences.during} && tstzrange(${input.from.toISOString()}::timestamptz, ${input.to.toISOString()}::timestamptz)`,
          inArray(networkOccurrences.ortsteilId, [...input.ortsteile]),
          arrayOverlaps(networkOccurrences.targetGroups, [input.targetGroup]),
        ),
      )
      // By position: the week's expression carries the zone as a parameter, so it cannot be repeated here.
      .groupBy(sql`1`, sql`2`)
      .then((list) => list.map((r) => ({ ...r, count: Number(r.count) })))
  );
}

export async function activitiesByIds(db: Tx, ids: readonly string[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(networkActivities)
    .where(inArray(networkActivities.id, [...ids]));
}

// Rooms and bookings

export async function upsertRoom(db: Tx, room: typeof networkRooms.$inferInsert): Promise<void> {
  await db
    .insert(networkRooms)
    .values(room)
    .onConflictDoUpdate({
      target: networkRooms.id,
      set: { centreId: room.centreId, name: room.name, capacity: room.capacity, equipment: room.equipment },
    });
}

export async function listRooms(db: Tx, centreId: string): Promise<RoomRow[]> {
  return db
    .select()
    .from(networkRooms)
    .where(eq(networkRooms.centreId, centreId))
    .orderBy(asc(networkRooms.id));
}

export async function findRoom(db: Tx, id: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(networkRooms).where(eq(networkRooms.id, id));
  return row;
}

export async function insertBooking(
  db: Tx,
  values: typeof networkRoomBookings.$inferInsert,
): Promise<BookingRow> {
  const [row] = await db.insert(networkRoomBookings).values(values).returning();
  return row as BookingRow;
}

export async function findBooking(db: Tx, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(networkRoomBookings).where(eq(networkRoomBookings.id, id));
  return row;
}

export async function updateBooking(
  db: Tx,
  id: string,
  values: Partial<typeof networkRoomBookings.$inferInsert>,
): Promise<BookingRow> {
  const [row] = await db
    .update(networkRoomBookings)
    .set(values)
    .where(eq(networkRoomBookings.id, id))
    .returning();
  return row as BookingRow;
}

/** Bookings the scope may see, from a time on, soonest first. */
export async function listBookings(db: Tx, scope: Scope, filter: { from: Date; state?: string | undefined }) {
  return db
    .select()
    .from(networkRoomBookings)
    .where(
      and(
        scopeWhere(scope, networkRoomBookings.organisationId),
        gte(networkRoomBookings.endsAt, filter.from),
        filter.state
          ? eq(networkRoomBookings.state, filter.state)
          : ne(networkRoomBookings.state, 'cancelled'),
      ),
    )
    .orderBy(asc(networkRoomBookings.startsAt), asc(networkRoomBookings.id))
    .limit(500);
}

// Working groups

export async function insertWorkingGroup(db: Tx, values: typeof networkWorkingGroups.$inferInsert) {
  const [row] = await db.insert(networkWorkingGroups).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertWorkingGroupMembers(db: Tx, groupId: string, actorIds: readonly string[]) {
  if (actorIds.length === 0) return;
  await db
    .insert(networkWorkingGroupMembers)
    .values(actorIds.map((actorId) => ({ groupId, actorId })))
    .onConflictDoNothing();
}

export async function listWorkingGroups(db: Tx) {
  return db.select().from(networkWorkingGroups).orderBy(asc(networkWorkingGroups.name));
}

export async function listWorkingGroupMembers(db: Tx) {
  return db.select().from(networkWorkingGroupMembers);
}

export async function countActors(db: Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(networkActors);
  return Number(row?.n ?? 0);
}

// Feeds (an actor's own iCal calendar, imported)

export async function findFeed(db: Tx, actorId: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(networkFeeds).where(eq(networkFeeds.actorId, actorId));
  return row;
}

/** Writes an actor's feed settings (a new URL forgets how the last fetch went). */
export async function upsertFeed(
  db: Tx,
  values: Omit<typeof networkFeeds.$inferInsert, 'syncedAt' | 'okAt' | 'problem' | 'counts'>,
): Promise<void> {
  const { actorId: _a, createdAt: _c, ...changes } = values;
  await db
    .insert(networkFeeds)
    .values(values)
    .onConflictDoUpdate({
      target: networkFeeds.actorId,
      set: { ...changes, syncedAt: null, okAt: null, problem: null, counts: null },
    });
}

/** How a fetch went: its time, and either the problem or (when it worked) its counts. */
export async function recordFeedResult(
  db: Tx,
  actorId: string,
  result: { syncedAt: Date; problem: string } | { syncedAt: Date; counts: Record<string, number> },
): Promise<void> {
  await db
    .update(networkFeeds)
    .set(
      'problem' in result
        ? { syncedAt: result.syncedAt, problem: result.problem }
        : { syncedAt: result.syncedAt, okAt: result.syncedAt, problem: null, counts: result.counts },
    )
    .where(eq(networkFeeds.actorId, actorId));
}

/** The feed's row, locked until the transaction ends (one sync of a feed at a time). */
export async function lockFeed(db: Tx, actorId: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(networkFeeds).where(eq(networkFeeds.actorId, actorId)).for('update');
  return row;
}

export async function deleteFeed(db: Tx, actorId: string): Promise<void> {
  await db.delete(networkFeeds).where(eq(networkFeeds.actorId, actorId));
}

/** Every feed, oldest fetch first (the daily job). */
export async function listFeeds(db: Tx): Promise<FeedRow[]> {
  return db.select().from(networkFeeds).orderBy(sql`${networkFeeds.syncedAt} asc nulls first`);
}

/** The activities an actor's feed brought in. */
export async function listFeedActivities(db: Tx, actorId: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(networkActivities)
    .where(and(eq(networkActivities.actorId, actorId), sql`${networkActivities.feedKey} is not null`));
}

/** Removes an actor's imported activities by id (their occurrences cascade). */
export async function deleteActivities(db: Tx, actorId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .delete(networkActivities)
    .where(and(eq(networkActivities.actorId, actorId), inArray(networkActivities.id, [...ids])));
}

// Figures

/** Approved actors per kind and Stadtbezirk (an actor active in two Stadtbezirke counts in both). */
export async function countActorsByKindAndDistrict(db: Tx) {
  const found = await rows<{ kind: string; district_id: string; n: unknown }>(
    db,
    sql`select a.kind, d.district_id, count(*)::int as n
          from network_actors a, unnest(a.districts) as d(district_id)
         where a.status = 'approved'
         group by a.kind, d.district_id
         order by a.kind, d.district_id`,
  );
  return found.map((r) => ({ kind: r.kind, districtId: r.district_id, count: Number(r.n) }));
}

/** Approved actors' activities meeting in each month of [from, to), per Stadtbezirk and target group: each once. */
export async function countActivitiesByMonth(db: Tx, input: { from: string; to: string }) {
  const found = await rows<{ month: string; district_id: string; target_group: string; n: unknown }>(
    db,
    sql`select to_char(x.day, 'YYYY-MM') as month, a.district_id, g.target_group,
               count(distinct x.activity_id)::int as n
          from network_occurrences x
          join network_activities a on a.id = x.activity_id
          join network_actors n on n.id = x.actor_id and n.status = 'approved'
          cross join unnest(x.target_groups) as g(target_group)
         where x.day >= ${input.from}::date and x.day < ${input.to}::date
         group by 1, 2, 3
         order by 1, 2, 3`,
  );
  return found.map((r) => ({
    month: r.month,
    districtId: r.district_id,
    targetGroup: r.target_group,
    count: Number(r.n),
  }));
}

/** Per room: confirmed bookings starting in [from, to), their hours, and on how many days they fall. */
export async function roomUse(db: Tx, input: { from: Date; to: Date; timeZone: string }) {
  const found = await rows<{ room_id: string; n: unknown; hours: unknown; days: unknown }>(
    db,
    sql`select b.room_id, count(*)::int as n,
               coalesce(sum(extract(epoch from (b.ends_at - b.starts_at))), 0) / 3600.0 as hours,
               count(distinct (b.starts_at at time zone ${input.timeZone})::date)::int as days
          from network_room_bookings b
         where b.state = 'confirmed' and b.starts_at >= ${input.from} and b.starts_at < ${input.to}
         group by b.room_id`,
  );
  return found.map((r) => ({
    roomId: r.room_id,
    bookings: Number(r.n),
    hours: Number(r.hours),
    days: Number(r.days),
  }));
}
