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
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../platform/platform.tables.ts';

/** The directory's details of an organisation (the organisation itself is the platform's). */
export const directoryOrganizations = pgTable('directory_organizations', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  email: text('email'),
  website: text('website'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An offer (HSDS service). Public when published; edits go through revisions. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull().default('draft'),
    categories: text('categories').array().notNull(),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    free: boolean('free').notNull().default(true),
    url: text('url'),
    email: text('email'),
    phone: text('phone'),
    capacityFree: integer('capacity_free'),
    waitingList: integer('waiting_list'),
    lastCheckedAt: date('last_checked_at', { mode: 'string' }).notNull(),
    /** Every language's distinct words, lower-cased; found through directory_words. Rebuilt on every change. */
    searchWords: text('search_words').array().notNull().default(sql`'{}'::text[]`),
    /** The Stadtbezirk and Ortsteil ids of its places, so the word search filters by place inside its index. */
    places: text('places').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('services_status', sql`${t.status} in ('draft', 'review', 'published', 'archived')`),
    check('services_capacity', sql`${t.capacityFree} is null or ${t.capacityFree} >= 0`),
    check('services_waiting', sql`${t.waitingList} is null or ${t.waitingList} >= 0`),
    index('services_search_words').using('gin', t.searchWords, t.places),
    index('services_categories').using('gin', t.categories),
    index('services_languages').using('gin', t.languages),
    index('services_org').on(t.organisationId),
    index('services_updated').on(t.updatedAt),
  ],
);

/**
 * Every word of every offer, once: a typed word is matched against these short strings by trigram similarity,
 * then offers are found by exact word through services.search_words (fast at national scale).
 */
export const directoryWords = pgTable('directory_words', { word: text('word').primaryKey() }, (t) => [
  index('directory_words_trgm').using('gin', sql`${t.word} gin_trgm_ops`),
]);

/** Translatable text: one row per record, field and language; German rows are the source. */
export const directoryTexts = pgTable(
  'directory_texts',
  {
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    lang: text('lang').notNull(),
    value: text('value').notNull(),
    status: text('status').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId, t.field, t.lang] }),
    check('directory_texts_status', sql`${t.status} in ('source', 'up_to_date', 'outdated', 'machine')`),
    index('directory_texts_lang_status').on(t.lang, t.status),
  ],
);

/** A place where offers happen (HSDS location), in one Ortsteil of the city. */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    districtId: text('district_id').notNull(),
    ortsteilId: text('ortsteil_id').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    accessible: boolean('accessible').notNull().default(false),
  },
  (t) => [
    check('locations_lat', sql`${t.lat} between -90 and 90`),
    check('locations_lon', sql`${t.lon} between -180 and 180`),
    check('locations_postcode', sql`${t.postcode} ~ '^[0-9]{5}$'`),
    index('locations_district').on(t.districtId, t.ortsteilId),
  ],
);

/** HSDS service_at_location. */
export const serviceLocations = pgTable(
  'service_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
  },
  (t) => [
    index('service_locations_service').on(t.serviceId),
    index('service_locations_location').on(t.locationId),
  ],
);

/** Weekly opening hours (local time of the city) or a dated event of an offer. */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    byDay: text('by_day').array(),
    opensAt: time('opens_at'),
    closesAt: time('closes_at'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'schedules_shape',
      sql`(${t.kind} = 'weekly' and ${t.byDay} is not null and ${t.opensAt} < ${t.closesAt})
       or (${t.kind} = 'event' and ${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})`,
    ),
    index('schedules_service').on(t.serviceId),
  ],
);

/** Who changed an offer, when, and to what (a snapshot): the history coordinators review. */
export const serviceRevisions = pgTable(
  'service_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    minor: boolean('minor').notNull().default(false),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('service_revisions_status', sql`${t.status} in ('draft', 'review', 'published', 'rejected')`),
    index('service_revisions_service').on(t.serviceId, t.changedAt),
  ],
);

/** Feedback from the public on an offer; its editors and coordinators see it. */
export const serviceFeedback = pgTable(
  'service_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    comment: text('comment'),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [check('service_feedback_kind', sql`${t.kind} in ('wrong', 'helpful', 'not_helpful')`)],
);

/** Searches that found nothing, counted per day, language, district and words — no person, no address. */
export const unmetSearches = pgTable(
  'unmet_searches',
  {
    day: date('day', { mode: 'string' }).notNull(),
    lang: text('lang').notNull(),
    districtId: text('district_id').notNull().default(''),
    words: text('words').notNull(),
    count: integer('count').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.day, t.lang, t.districtId, t.words] })],
);

/**
 * Every change to what the directory's search shows, in order: database triggers on the offers, their texts,
 * places and opening hours append the offer's id and send `pg_notify('directory_changes')`. Each app server's
 * search index reads the rows after the last sequence it has seen — on a notification, and after its listening
 * connection was lost — so a missed notification is not a lost update. Renaming an organisation appends its
 * offers too. A job deletes rows older than a day; a server that could not listen for longer reads everything.
 */
export const directoryChanges = pgTable(
  'directory_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    serviceId: uuid('service_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The pruning job deletes by age.
  (t) => [index('directory_changes_changed_at').on(t.changedAt)],
);
