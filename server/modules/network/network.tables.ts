import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/platform.tables.ts';

/** A PostgreSQL tstzrange, written as '[start,end)'; queries read lower()/upper() of it. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/**
 * An actor of the network: one platform organisation (the same record the directory shows as an HSDS organization
 * when the actor is public), with what the register adds: kind, districts, topics, languages, target groups.
 */
export const networkActors = pgTable(
  'network_actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: text('organisation_id')
      .notNull()
      .unique()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('pending'),
    description: text('description'),
    districts: text('districts').array().notNull(),
    topics: text('topics').array().notNull(),
    languages: text('languages').array().notNull(),
    targetGroups: text('target_groups').array().notNull(),
    public: boolean('public').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('network_actors_status', sql`${t.status} in ('pending', 'approved')`),
    index('network_actors_status_idx').on(t.status),
  ],
);

/**
 * A contact person of an actor, listed internally (to other actors' staff) only with their consent: the consent's
 * time is required; withdrawing it deletes the row. Deleted two years after the last consent (network.contacts).
 */
export const networkContacts = pgTable(
  'network_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => networkActors.id, { onDelete: 'cascade' }),
    /** The person's account, when they have one (export and erasure follow it). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('network_contacts_actor_idx').on(t.actorId), index('network_contacts_user_idx').on(t.userId)],
);

/** The rooms of the meeting centre (from the city profile, written at every start). */
export const networkRooms = pgTable('network_rooms', {
  id: text('id').primaryKey(),
  centreId: text('centre_id').notNull(),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull(),
  equipment: text('equipment').array().notNull(),
});

/**
 * An actor's activity: one date with a time of day, or a recurrence (RFC 5545 RRULE without DTSTART, read in the
 * city's zone: "every Tuesday 15–17 h"), with exception days and, optionally, without the school holidays.
 */
export const networkActivities = pgTable(
  'network_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => networkActors.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    kind: text('kind').notNull(),
    /** The first day (local date), and the time of day it runs (local "HH:MM"; ends the same day). */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    rrule: text('rrule'),
    exceptions: date('exceptions', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    skipSchoolHolidays: boolean('skip_school_holidays').notNull().default(false),
    ortsteilId: text('ortsteil_id').notNull(),
    districtId: text('district_id').notNull(),
    place: text('place'),
    roomId: text('room_id').references(() => networkRooms.id),
    targetGroups: text('target_groups').array().notNull(),
    languages: text('languages').array().notNull(),
    public: boolean('public').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Imported from the actor's iCal feed: the event's UID (with "#" and its RECURRENCE-ID for a changed single
     * date), its SEQUENCE and LAST-MODIFIED; null for activities entered here.
     */
    feedKey: text('feed_key'),
    feedSequence: integer('feed_sequence'),
    feedModified: timestamp('feed_modified', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('network_activities_times', sql`${t.startTime} < ${t.endTime}`),
    index('network_activities_actor_idx').on(t.actorId),
    uniqueIndex('network_activities_feed_key_idx').on(t.actorId, t.feedKey),
  ],
);

/**
 * An actor's own calendar (an iCal feed at a URL), imported and kept in sync by the daily job: the defaults its
 * events lack (Ortsteil, target groups, languages, kind, public) and how the last fetch went.
 */
export const networkFeeds = pgTable('network_feeds', {
  actorId: uuid('actor_id')
    .primaryKey()
    .references(() => networkActors.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  kind: text('kind').notNull(),
  ortsteilId: text('ortsteil_id').notNull(),
  districtId: text('district_id').notNull(),
  targetGroups: text('target_groups').array().notNull(),
  languages: text('languages').array().notNull(),
  public: boolean('public').notNull(),
  /** The last fetch, the last one that worked, and the problem of the last one when it failed (an error code). */
  syncedAt: timestamp('synced_at', { withTimezone: true }),
  okAt: timestamp('ok_at', { withTimezone: true }),
  problem: text('problem'),
  /** What the last good fetch did: created, updated, deleted, unchanged, skipped events. */
  counts: jsonb('counts').$type<Record<string, number>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Every activity's occurrences within the horizon, expanded when it is saved: the overlap check and the calendar
 * query them by range overlap (GiST on Ortsteil + range, btree_gist); the check finds its candidates by Ortsteil and
 * local day (btree), one scan for all planned days. Denormalised on purpose (actor, Ortsteil,
 * target groups, public) so the check reads one table.
 */
export const networkOccurrences = pgTable(
  'network_occurrences',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => networkActivities.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').notNull(),
    ortsteilId: text('ortsteil_id').notNull(),
    targetGroups: text('target_groups').array().notNull(),
    public: boolean('public').notNull(),
    during: tstzrange('during').notNull(),
    /** The occurrence's day on the city's clocks (an occurrence never passes midnight): the overlap check's key. */
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('network_occurrences_place_time_idx').using('gist', t.ortsteilId, t.during),
    index('network_occurrences_place_day_idx').on(
      t.ortsteilId,
      t.day,
      t.during,
      t.targetGroups,
      t.actorId,
      t.activityId,
    ),
    index('network_occurrences_activity_idx').on(t.activityId),
  ],
);

/**
 * A request for a room. Requested and confirmed bookings of one room never overlap: an exclusion constraint in the
 * migration (room_id =, tstzrange &&, where state in ('requested', 'confirmed')); the second writer gets 23P01 → 409.
 */
export const networkRoomBookings = pgTable(
  'network_room_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: text('room_id')
      .notNull()
      .references(() => networkRooms.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => networkActors.id, { onDelete: 'cascade' }),
    /** The actor's organisation (the list's scope). */
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    activityId: uuid('activity_id').references(() => networkActivities.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    state: text('state').notNull().default('requested'),
    note: text('note'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('network_room_bookings_order', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'network_room_bookings_state',
      sql`${t.state} in ('requested', 'confirmed', 'declined', 'cancelled')`,
    ),
    index('network_room_bookings_room_idx').on(t.roomId, t.startsAt),
    index('network_room_bookings_org_idx').on(t.organisationId),
  ],
);

/** Working groups (Arbeitskreise) of the network. */
export const networkWorkingGroups = pgTable('network_working_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  topic: text('topic').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The actors in a working group. */
export const networkWorkingGroupMembers = pgTable(
  'network_working_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkWorkingGroups.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => networkActors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.actorId] })],
);
