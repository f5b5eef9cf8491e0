import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../platform/platform.tables.ts';

/**
 * A report of discrimination or an extremist incident. Nothing identifying: no name, no address, no IP address,
 * no user agent; the follow code only as its hash. Contact (optional) lives in report_contacts, encrypted.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the normalised follow code; the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull().unique(),
    source: text('source').notNull().default('online'),
    status: text('status').notNull().default('new'),
    /** What happened, in any language (optional). */
    description: text('description'),
    /** The day it happened, or null when only "about" is known. */
    occurredOn: date('occurred_on', { mode: 'string' }),
    /** "About": the reporter's own words for when (e.g. "last summer"). */
    occurredAbout: text('occurred_about'),
    placeKind: text('place_kind').notNull(),
    ortsteilId: text('ortsteil_id'),
    districtId: text('district_id'),
    setting: text('setting').notNull(),
    grounds: text('grounds').array().notNull(),
    violence: boolean('violence').notNull(),
    police: text('police').notNull(),
    /** Symbols, propaganda, attack; empty: not an extremist incident. */
    extremist: text('extremist').array().notNull(),
    affected: text('affected').notNull(),
    actions: text('actions').array().notNull().default(sql`'{}'::text[]`),
    assignedTo: uuid('assigned_to').references(() => users.id),
    /** The same incident reported earlier: this report's messages and status follow that case. */
    mergedInto: uuid('merged_into'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('reports_received_idx').on(t.receivedAt),
    index('reports_status_idx').on(t.status),
    check('reports_grounds_nonempty', sql`cardinality(${t.grounds}) > 0`),
  ],
);

/** How to reach a reporter who asked for counselling: AES-256-GCM ciphertext, apart from the report. */
export const reportContacts = pgTable('report_contacts', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => reports.id, { onDelete: 'cascade' }),
  /** base64url(iv ‖ tag ‖ ciphertext) of the JSON { kind, value, language }. */
  sealed: text('sealed').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Messages through the follow code: staff ask, the reporter answers and adds information. */
export const reportMessages = pgTable(
  'report_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    /** The staff account that wrote it; null for the reporter. */
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_messages_report_idx').on(t.reportId, t.createdAt)],
);

/** Staff's internal notes on a case (never shown to the reporter). */
export const reportNotes = pgTable(
  'report_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_notes_report_idx').on(t.reportId, t.createdAt)],
);

/** Binary data; PGlite hands back a Uint8Array, node-postgres a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Photos a reporter added (at most three), already cleaned of all metadata (photos.ts) and sealed (seal.ts:
 * sealBytes, 0x01 ‖ iv ‖ tag ‖ ciphertext; `size` is the cleaned photo's). Shown only to the counsellor
 * the case is assigned to; deleted the profile's days after the case closes (retention rule reports.photos).
 */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** image/jpeg, image/png or image/webp, from the photo's first bytes. */
    type: text('type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId, t.createdAt)],
);
