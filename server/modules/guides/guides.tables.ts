import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/platform.tables.ts';
import {
  GUIDE_KINDS,
  type LANGUAGE_LEVELS,
  TOPICS,
  TRAVEL_MODES,
  GENDERS,
  ONBOARDING_STEPS,
  REQUEST_SOURCES,
  REQUEST_MODES,
  REQUEST_STATES,
  PROPOSAL_STATES,
  ASSIGNMENT_STATES,
  RUN_STATES,
} from './guides.terms.ts';

export type GuideLanguage = { code: string; level: (typeof LANGUAGE_LEVELS)[number]; dialect: string | null };
/** A weekly slot in the city's time zone: ISO weekday 1 (Monday) … 7, "HH:MM" to "HH:MM". */
export type WeeklySlot = { weekday: number; from: string; to: string };
/** Days off, inclusive local dates (YYYY-MM-DD). */
export type AvailabilityException = { from: string; to: string; note: string | null };

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A guide's profile, one per `users` row of role guide. Private contacts are for coordinators only. */
export const guideProfiles = pgTable(
  'guide_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    languages: jsonb('languages').$type<GuideLanguage[]>().notNull(),
    topicsAccepted: text('topics_accepted').array().notNull(),
    topicsRefused: text('topics_refused').array().notNull(),
    districts: text('districts').array().notNull(),
    travelMode: text('travel_mode').notNull(),
    homeLat: doublePrecision('home_lat').notNull(),
    homeLon: doublePrecision('home_lon').notNull(),
    gender: text('gender'),
    weekly: jsonb('weekly').$type<WeeklySlot[]>().notNull(),
    exceptions: jsonb('exceptions').$type<AvailabilityException[]>().notNull(),
    maxPerWeek: integer('max_per_week').notNull(),
    privatePhone: text('private_phone'),
    privateEmail: text('private_email'),
    /** A coordinator can pause a guide; paused guides are not matched. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('guide_profiles_kind', sql`${t.kind} in (${inList(GUIDE_KINDS)})`),
    check('guide_profiles_travel_mode', sql`${t.travelMode} in (${inList(TRAVEL_MODES)})`),
    check('guide_profiles_gender', sql`${t.gender} is null or ${t.gender} in (${inList(GENDERS)})`),
    check('guide_profiles_max', sql`${t.maxPerWeek} between 0 and 50`),
  ],
);

/** Onboarding steps with their completion date and expiry; the reminder marks the expiry it was sent for. */
export const guideOnboarding = pgTable(
  'guide_onboarding',
  {
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guideProfiles.userId, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    completedOn: date('completed_on').notNull(),
    expiresOn: date('expires_on'),
    remindedFor: date('reminded_for'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.guideId, t.step] }),
    check('guide_onboarding_step', sql`${t.step} in (${inList(ONBOARDING_STEPS)})`),
    check('guide_onboarding_expiry', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.completedOn}`),
  ],
);

/** A request for a guide: from an institution, a newcomer (public form) or a caseworker on their behalf. */
export const guideRequests = pgTable(
  'guide_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unguessable code of the public follow link. */
    code: text('code').notNull(),
    source: text('source').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    language: text('language').notNull(),
    dialect: text('dialect'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    placeAddress: text('place_address'),
    placeLat: doublePrecision('place_lat').notNull(),
    placeLon: doublePrecision('place_lon').notNull(),
    districtId: text('district_id'),
    topic: text('topic').notNull(),
    mode: text('mode').notNull(),
    genderRequired: text('gender_required'),
    urgency: integer('urgency').notNull().default(0),
    notes: text('notes'),
    caseRef: text('case_ref'),
    newcomerFirstName: text('newcomer_first_name'),
    contactOnDay: text('contact_on_day'),
    requesterEmail: text('requester_email'),
    requesterLocale: text('requester_locale').notNull().default('de'),
    state: text('state').notNull().default('open'),
    /** Why the last matching left it open (reason codes of the solver). */
    unmatchedReasons: text('unmatched_reasons').array().notNull().default(sql`'{}'::text[]`),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    noShowBy: text('no_show_by'),
    personalErasedAt: timestamp('personal_erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('guide_requests_code').on(t.code),
    // Codes are looked up as typed: any case, dashes left out.
    index('guide_requests_code_typed').on(sql`upper(replace(${t.code}, '-', ''))`),
    index('guide_requests_state_start').on(t.state, t.startsAt),
    index('guide_requests_organisation').on(t.organisationId, t.startsAt),
    index('guide_requests_case').on(t.caseRef),
    check('guide_requests_source', sql`${t.source} in (${inList(REQUEST_SOURCES)})`),
    check('guide_requests_topic', sql`${t.topic} in (${inList(TOPICS)})`),
    check('guide_requests_mode', sql`${t.mode} in (${inList(REQUEST_MODES)})`),
    check('guide_requests_state', sql`${t.state} in (${inList(REQUEST_STATES)})`),
    check(
      'guide_requests_gender',
      sql`${t.genderRequired} is null or ${t.genderRequired} in (${inList(GENDERS)})`,
    ),
    check('guide_requests_urgency', sql`${t.urgency} between 0 and 3`),
    check('guide_requests_duration', sql`${t.durationMinutes} between 15 and 600`),
    check('guide_requests_no_show', sql`${t.noShowBy} is null or ${t.noShowBy} in ('newcomer', 'guide')`),
  ],
);

/** Every state change of a request, with its time and who did it. */
export const guideRequestEvents = pgTable(
  'guide_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => guideRequests.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** A code, never free text: e.g. "late", "declined", "no_guide". */
    reason: text('reason'),
  },
  (t) => [index('guide_request_events_request').on(t.requestId, t.at)],
);

/** One matching run over a period (or for one urgent request), with the solver's figures. */
export const guideMatchingRuns = pgTable(
  'guide_matching_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    /** Set for a run for one urgent request. */
    requestId: uuid('request_id').references(() => guideRequests.id, { onDelete: 'set null' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').notNull().default('running'),
    objective: doublePrecision('objective'),
    bound: doublePrecision('bound'),
    gap: doublePrecision('gap'),
    seconds: real('seconds'),
    /** Counts: requests, guides, proposed, unmatched. */
    stats: jsonb('stats').$type<Record<string, number>>().notNull().default({}),
    /** Each unmatched request with its reasons and what would help. */
    unmatched: jsonb('unmatched').$type<unknown[]>().notNull().default([]),
    /** What would help the network overall (e.g. one more Tigrinya speaker on Tuesdays). */
    suggestions: jsonb('suggestions').$type<unknown[]>().notNull().default([]),
    error: text('error'),
    /** When a coordinator sent the run's draft proposals to the guides (null: still under review). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    /** When a newer run replaced this unsent one (its drafts were discarded). */
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
  },
  (t) => [
    index('guide_matching_runs_created').on(t.createdAt),
    check('guide_matching_runs_status', sql`${t.status} in (${inList(RUN_STATES)})`),
  ],
);

/**
 * A request offered to one guide, with a deadline and the explanation why this guide. A matching run's proposals
 * start as `draft` (the coordinator reviews them; the guide sees nothing) and become `pending` when sent.
 */
export const guideProposals = pgTable(
  'guide_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => guideRequests.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guideProfiles.userId, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => guideMatchingRuns.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('guide_proposals_guide').on(t.guideId, t.status),
    index('guide_proposals_request').on(t.requestId),
    index('guide_proposals_run').on(t.runId),
    // At most one open offer per request.
    uniqueIndex('guide_proposals_one_pending').on(t.requestId).where(sql`${t.status} = 'pending'`),
    check('guide_proposals_status', sql`${t.status} in (${inList(PROPOSAL_STATES)})`),
  ],
);

/**
 * A guide's confirmed appointment. The migration adds an exclusion constraint (no two active assignments of one
 * guide overlap) and a trigger that also refuses pairs the guide cannot travel between in time.
 */
export const guideAssignments = pgTable(
  'guide_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => guideRequests.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guideProfiles.userId, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id').references(() => guideProposals.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    placeLat: doublePrecision('place_lat').notNull(),
    placeLon: doublePrecision('place_lon').notNull(),
    state: text('state').notNull().default('confirmed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the 24-hour reminder went out (it goes once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('guide_assignments_guide').on(t.guideId, t.startsAt),
    index('guide_assignments_request').on(t.requestId),
    uniqueIndex('guide_assignments_one_active').on(t.requestId).where(sql`${t.state} <> 'cancelled'`),
    check('guide_assignments_state', sql`${t.state} in (${inList(ASSIGNMENT_STATES)})`),
    check('guide_assignments_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Secret calendar-feed links of a guide or an organisation (only the token's hash is kept). */
export const guideFeeds = pgTable(
  'guide_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    ownerKind: text('owner_kind').notNull(),
    guideId: uuid('guide_id').references(() => guideProfiles.userId, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('guide_feeds_token').on(t.tokenHash),
    uniqueIndex('guide_feeds_guide').on(t.guideId),
    uniqueIndex('guide_feeds_organisation').on(t.organisationId),
    check(
      'guide_feeds_owner',
      sql`(${t.ownerKind} = 'guide' and ${t.guideId} is not null and ${t.organisationId} is null) or (${t.ownerKind} = 'organisation' and ${t.organisationId} is not null and ${t.guideId} is null)`,
    ),
  ],
);
