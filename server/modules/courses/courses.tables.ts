import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from '../directory/directory.tables.ts';
import { organisations, users } from '../platform/platform.tables.ts';

/** One weekly session: weekday, time, and where if not at the course's place. */
export type CourseSession = { day: string; from: string; to: string };

/**
 * A language course: a directory offer (`service_id`: it appears in the directory's search and HSDS export with
 * its schedule) plus what only courses have. The row is also the lock that serialises enrolments into the course
 * (`SELECT … FOR UPDATE`), and `arrivals` numbers them in the order the database took them.
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .unique()
      .references(() => services.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The course's name by language (German always), as the directory offer has it. */
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    targetGroup: text('target_group').notNull(),
    /** Children's courses: ages (years) the course is for. */
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    instructionLanguages: text('instruction_languages').array().notNull(),
    supportLanguages: text('support_languages').array().notNull().default(sql`'{}'::text[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    sessions: jsonb('sessions').$type<CourseSession[]>().notNull(),
    placeName: text('place_name').notNull(),
    address: text('address').notNull(),
    ortsteilId: text('ortsteil_id').notNull(),
    districtId: text('district_id').notNull(),
    capacity: integer('capacity').notNull(),
    childcarePlaces: integer('childcare_places').notNull().default(0),
    /** Childcare's age limits in years (e.g. Griffbereit: 1–3). */
    childcareAgeMin: integer('childcare_age_min'),
    childcareAgeMax: integer('childcare_age_max'),
    /** Cost for the whole course in cents; 0 is free. */
    costCents: integer('cost_cents').notNull().default(0),
    enrolment: text('enrolment').notNull(),
    externalUrl: text('external_url'),
    /** How many enrolments arrived so far: the next one's arrival number (taken under the row's lock). */
    arrivals: bigint('arrivals', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('courses_organisation_idx').on(t.organisationId),
    index('courses_kind_idx').on(t.kind),
    check('courses_capacity', sql`${t.capacity} >= 0 and ${t.childcarePlaces} >= 0`),
    check('courses_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * One person's enrolment in one course, made without an account: the code only as its hash, the contact in plain
 * (the provider calls or writes), `contact_hash` to find the same person on other waiting lists.
 */
export const courseEnrolments = pgTable(
  'course_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    /** The arrival number within the course: the order of the waiting list. */
    arrival: bigint('arrival', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    participantName: text('participant_name').notNull(),
    participantKind: text('participant_kind').notNull(),
    participantAge: integer('participant_age'),
    phone: text('phone'),
    email: text('email'),
    /** SHA-256 of the normalised phone or e-mail: the same person on several waiting lists. */
    contactHash: text('contact_hash').notNull(),
    /** The language messages are written in (a UI language). */
    language: text('language').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    germanLevel: text('german_level'),
    /** Ages (years) of the children who need childcare during the course; one childcare place each. */
    childcareAges: integer('childcare_ages').array().notNull().default(sql`'{}'::integer[]`),
    womenOnly: boolean('women_only').notNull().default(false),
    evening: boolean('evening').notNull().default(false),
    /** A signed-in person who enrolled (for their data export); null for the public. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** "Keep your other waiting places?": asked once when this enrolment got its place. */
    othersQuestion: text('others_question'),
    /** The provider marked the course completed for this person (the certificate can be printed). */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('course_enrolments_arrival_idx').on(t.courseId, t.arrival),
    index('course_enrolments_status_idx').on(t.courseId, t.status, t.arrival),
    index('course_enrolments_contact_idx').on(t.contactHash),
    index('course_enrolments_offer_idx').on(t.offerExpiresAt),
  ],
);

/** Every waiting-list move: which enrolment, from which status to which, who did it and why. */
export const courseMoves = pgTable(
  'course_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order moves were written in (several share one transaction's time). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => courseEnrolments.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** `person` (through the code), `system` (a job, a freed place), or a staff account's id. */
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('course_moves_course_idx').on(t.courseId, t.seq)],
);

/** Attendance per session day: present, absent or excused, taken by the provider. */
export const courseAttendance = pgTable(
  'course_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => courseEnrolments.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** The staff account that took it. */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('course_attendance_enrolment_day_idx').on(t.enrolmentId, t.day),
    index('course_attendance_course_idx').on(t.courseId, t.day),
    check('course_attendance_status', sql`${t.status} in ('present', 'absent', 'excused')`),
  ],
);
