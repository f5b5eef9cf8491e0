import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { guideRequests } from '../guides/guides.tables.ts';
import { organisations, users } from '../platform/platform.tables.ts';

/** A family: the contact for letters and the link between siblings. */
export const schoolingFamilies = pgTable('schooling_families', {
  id: uuid('id').primaryKey().defaultRandom(),
  guardianName: text('guardian_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  /** The UI language the family reads; letters come in it and in German. */
  letterLanguage: text('letter_language').notNull().default('de'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
});

/** A newly arrived child (Seiteneinsteiger) on its way to a school place. */
export const schoolingChildren = pgTable(
  'schooling_children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => schoolingFamilies.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** Languages the child speaks (ISO 639-3), the first is the main one. */
    languages: text('languages').array().notNull(),
    schoolYears: integer('school_years').notNull(),
    lastGrade: integer('last_grade'),
    literateLatin: boolean('literate_latin').notNull(),
    arrivalDate: date('arrival_date', { mode: 'string' }).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    districtId: text('district_id').notNull(),
    ortsteilId: text('ortsteil_id').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    specialNeeds: text('special_needs'),
    preferredSchoolId: text('preferred_school_id').references(() => organisations.id),
    state: text('state').notNull().default('registered'),
    /** Another child with the same name and birth date, flagged at intake for a caseworker to check. */
    possibleDuplicateOf: uuid('possible_duplicate_of'),
    /** caseworker: entered by the KI; public_form: entered by the family, to be reviewed. */
    source: text('source').notNull(),
    confirmationCode: text('confirmation_code'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    firstSchoolDay: date('first_school_day', { mode: 'string' }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'schooling_children_state',
      sql`${t.state} in ('registered', 'counselled', 'assessed', 'waiting', 'proposed', 'confirmed', 'accepted', 'attending')`,
    ),
    check('schooling_children_source', sql`${t.source} in ('caseworker', 'public_form')`),
    check('schooling_children_years', sql`${t.schoolYears} between 0 and 15`),
    index('schooling_children_state').on(t.state),
    index('schooling_children_family').on(t.familyId),
    index('schooling_children_identity').on(
      sql`lower(${t.familyName})`,
      sql`lower(${t.givenName})`,
      t.birthDate,
    ),
  ],
);

/** A counselling appointment with a caseworker; whether a language mediator is needed, and in which language. */
export const schoolingAppointments = pgTable(
  'schooling_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => schoolingChildren.id),
    caseworkerId: uuid('caseworker_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    mediatorNeeded: boolean('mediator_needed').notNull().default(false),
    /** ISO 639-3 code of the language a mediator must speak. */
    mediatorLanguage: text('mediator_language'),
    /** The mediator booked for it through the guides module (one click from the child's record). */
    guideRequestId: uuid('guide_request_id').references(() => guideRequests.id),
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('schooling_appointments_status', sql`${t.status} in ('planned', 'held', 'cancelled')`),
    check(
      'schooling_appointments_mediator',
      sql`not ${t.mediatorNeeded} or ${t.mediatorLanguage} is not null`,
    ),
    index('schooling_appointments_child').on(t.childId),
  ],
);

/** The assessment: grade, fitting school forms, support class or regular class with support. One per child. */
export const schoolingAssessments = pgTable(
  'schooling_assessments',
  {
    childId: uuid('child_id')
      .primaryKey()
      .references(() => schoolingChildren.id),
    grade: integer('grade').notNull(),
    forms: text('forms').array().notNull(),
    kind: text('kind').notNull(),
    assessedBy: uuid('assessed_by').references(() => users.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('schooling_assessments_grade', sql`${t.grade} between 1 and 13`),
    check('schooling_assessments_kind', sql`${t.kind} in ('support', 'regular')`),
  ],
);

/** A school's address and position, for placement distances and letters (the school itself is an organisation). */
export const schoolingSchools = pgTable('schooling_schools', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  street: text('street').notNull(),
  postcode: text('postcode').notNull(),
  districtId: text('district_id').notNull(),
  ortsteilId: text('ortsteil_id').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
});

/** Free places of one school for one form, grade band and kind; kept current by the school. */
export const schoolingSeatGroups = pgTable(
  'schooling_seat_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: text('school_id')
      .notNull()
      .references(() => organisations.id),
    form: text('form').notNull(),
    gradeFrom: integer('grade_from').notNull(),
    gradeTo: integer('grade_to').notNull(),
    kind: text('kind').notNull(),
    free: integer('free').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('schooling_seat_groups_free', sql`${t.free} >= 0`),
    check(
      'schooling_seat_groups_grades',
      sql`${t.gradeFrom} between 1 and 13 and ${t.gradeTo} between ${t.gradeFrom} and 13`,
    ),
    check('schooling_seat_groups_kind', sql`${t.kind} in ('support', 'regular')`),
    uniqueIndex('schooling_seat_groups_band').on(t.schoolId, t.form, t.gradeFrom, t.gradeTo, t.kind),
  ],
);

/** One run of the placement over every waiting child: the solver's figures and the explanations. */
export const schoolingPlacementRuns = pgTable('schooling_placement_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  runBy: uuid('run_by').references(() => users.id),
  runAt: timestamp('run_at', { withTimezone: true }).notNull(),
  objective: doublePrecision('objective').notNull(),
  bound: doublePrecision('bound').notNull(),
  gap: doublePrecision('gap').notNull(),
  seconds: doublePrecision('seconds').notNull(),
  childCount: integer('child_count').notNull(),
  placedCount: integer('placed_count').notNull(),
  /** Per child: { childId, schoolId | null, reasons, details } — ids and codes, rendered in the reader's language. */
  explanations: jsonb('explanations').notNull(),
  /** Per school and band: how many more places would clear the list. */
  seatsToClear: jsonb('seats_to_clear').notNull(),
});

/** A child's proposed school place and what became of it. */
export const schoolingPlacements = pgTable(
  'schooling_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => schoolingChildren.id),
    schoolId: text('school_id')
      .notNull()
      .references(() => organisations.id),
    runId: uuid('run_id').references(() => schoolingPlacementRuns.id),
    seatGroupId: uuid('seat_group_id').references(() => schoolingSeatGroups.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('proposed'),
    refusalReason: text('refusal_reason'),
    startDate: date('start_date', { mode: 'string' }),
    firstSchoolDay: date('first_school_day', { mode: 'string' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    check(
      'schooling_placements_status',
      sql`${t.status} in ('proposed', 'confirmed', 'accepted', 'refused', 'superseded')`,
    ),
    index('schooling_placements_child').on(t.childId),
    uniqueIndex('schooling_placements_open')
      .on(t.childId)
      .where(sql`${t.status} in ('proposed', 'confirmed', 'accepted')`),
    index('schooling_placements_school').on(t.schoolId, t.status),
    index('schooling_placements_run').on(t.runId),
  ],
);
