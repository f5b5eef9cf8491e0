import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/platform.tables.ts';

/**
 * A counselling service (the Clearingstelle, migration counselling for adults or young people, the clinic's social
 * work): run by one organisation, whose staff (caseworkers of a "counselling" organisation) handle its cases.
 */
export const counsellingServices = pgTable('counselling_services', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** The languages counselling is offered in (ISO 639), besides German. */
  languages: text('languages').array().notNull(),
  /** Weekly opening hours: [{ weekday 1–7, from "HH:MM", to "HH:MM" }]. */
  openingHours: jsonb('opening_hours').$type<{ weekday: number; from: string; to: string }[]>().notNull(),
  address: text('address').notNull(),
  districtId: text('district_id'),
});

/** An appointment slot of a service. */
export const counsellingSlots = pgTable(
  'counselling_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => counsellingServices.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('counselling_slots_service_start').on(t.serviceId, t.startsAt)],
);

/**
 * A booked slot. The partial unique index on slot_id (cancelled bookings left out) lets the database decide a race
 * for one slot: the second insert fails with 23505 → 409. The code is kept only as its hash; the client's name
 * and phone are sealed (seal.ts), with the code when an e-mail address is given (the reminder carries the link).
 */
export const counsellingBookings = pgTable(
  'counselling_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => counsellingSlots.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => counsellingServices.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    status: text('status').notNull().default('booked'),
    /** Sealed JSON { name, phone, email }. */
    sealedContact: text('sealed_contact').notNull(),
    language: text('language').notNull(),
    topic: text('topic').notNull(),
    mediator: boolean('mediator').notNull().default(false),
    /** The mediator booked for it through the guides module (one click from the counsellor's appointments). */
    guideRequestId: uuid('guide_request_id'),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the reminder job took the booking (its mail queued if the client gave an address); moving clears it. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('counselling_bookings_one_per_slot').on(t.slotId).where(sql`${t.status} <> 'cancelled'`),
    index('counselling_bookings_service_idx').on(t.serviceId, t.createdAt),
  ],
);

/** A contact without the storage consent: counted, nothing personal (service, topic, language, month). */
export const counsellingContacts = pgTable(
  'counselling_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => counsellingServices.id, { onDelete: 'cascade' }),
    topics: text('topics').array().notNull(),
    language: text('language').notNull(),
    districtId: text('district_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('counselling_contacts_service_idx').on(t.serviceId, t.at)],
);

/**
 * A case, stored only with the client's consent (consent_id: the platform's consent, its expiry copied). The person
 * (name, birth date, address, contact) is sealed; what figures need (topics, language, district, dates, outcomes)
 * is plain and identifies no one.
 */
export const counsellingCases = pgTable(
  'counselling_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => counsellingServices.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull().default('open'),
    /** Sealed JSON { name, birthDate, languages, address, noFixedAddress, phone, email }. */
    sealedPerson: text('sealed_person').notNull(),
    language: text('language').notNull(),
    districtId: text('district_id'),
    topics: text('topics').array().notNull(),
    consentId: uuid('consent_id').notNull(),
    consentExpiresAt: timestamp('consent_expires_at', { withTimezone: true }).notNull(),
    /** Health-insurance checklist: check → true (yes), false (no); missing: not asked yet. */
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    missingDocuments: text('missing_documents').array().notNull().default(sql`'{}'::text[]`),
    /** Outcome per topic (health: HEALTH_OUTCOMES). */
    outcomes: jsonb('outcomes').$type<Record<string, string>>().notNull().default({}),
    bookingId: uuid('booking_id'),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When retention replaced the person and removed notes and referrals (counselling.cases). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    index('counselling_cases_org_idx').on(t.organisationId, t.status),
    index('counselling_cases_opened_idx').on(t.openedAt),
  ],
);

/** A counsellor's note on a case: sealed with the counselling key (key id ‖ iv ‖ tag ‖ ciphertext). */
export const counsellingNotes = pgTable(
  'counselling_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => counsellingCases.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    sealed: text('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('counselling_notes_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * A referral to a recipient organisation (the clinic, the Jobcenter …) with the client's consent for that recipient:
 * what is shared is a sealed copy of the chosen fields, shown to the recipient only until the consent expires.
 */
export const counsellingReferrals = pgTable(
  'counselling_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => counsellingCases.id, { onDelete: 'cascade' }),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => organisations.id),
    purpose: text('purpose').notNull(),
    fields: text('fields').array().notNull(),
    /** Sealed JSON of the shared fields' values at the time of the referral. */
    sealedShared: text('sealed_shared').notNull(),
    consentId: uuid('consent_id').notNull(),
    consentExpiresAt: timestamp('consent_expires_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('sent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('counselling_referrals_recipient_idx').on(t.recipientId, t.consentExpiresAt),
    index('counselling_referrals_case_idx').on(t.caseId),
  ],
);

/**
 * The clinic's step: an uninsured person was treated (a date, whether they were referred to the Clearingstelle);
 * never a diagnosis. Linked to the referral it answers, so both services see each other's step.
 */
export const counsellingClinicVisits = pgTable(
  'counselling_clinic_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => counsellingReferrals.id, { onDelete: 'cascade' }),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => organisations.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    referredToClearing: boolean('referred_to_clearing').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('counselling_clinic_visits_referral_idx').on(t.referralId)],
);

/**
 * Lead counsellors: the counsellors of a service's organisation who may open another service's case in an
 * emergency (break-glass). Named by an admin; the demo names the Clearingstelle's counsellor.
 */
export const counsellingLeads = pgTable('counselling_leads', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull(),
});

/**
 * A break-glass access: a lead counsellor opened a case of another service, with a reason (sealed). Listed for the
 * data-protection officer and shown on the case to its own counsellors; kept when the lead's account is erased
 * (user_id then empty, the organisation stays).
 */
export const counsellingBreakGlass = pgTable(
  'counselling_break_glass',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => counsellingCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The reason given, sealed (seal.ts) like the case's other sensitive values: it may name the client. */
    sealedReason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('counselling_break_glass_case_idx').on(t.caseId, t.at),
    index('counselling_break_glass_at_idx').on(t.at),
  ],
);
