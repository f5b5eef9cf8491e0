import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/platform.tables.ts';

/**
 * A page of the city's information tree (e.g. Ankommen → Anmeldung beim Bürgeramt). Its texts are in page_texts,
 * twice: the working copy editors change ("draft") and what readers see ("published").
 */
export const pages = pgTable(
  'pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The page's address: /seiten/<slug>. */
    slug: text('slug').notNull().unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => pages.id),
    /** Order among its siblings, lower first. */
    position: integer('position').notNull().default(0),
    /** Where the working copy stands: draft → review → published. */
    status: text('status').notNull().default('draft'),
    /** The organisation that owns the page (its editors may change it); null: the coordinators' own. */
    organisationId: text('organisation_id').references(() => organisations.id),
    /** The latest revision's number (each save makes one). */
    revision: integer('revision').notNull().default(0),
    /** When readers first/last got a version; null: never published. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The day an editor last confirmed the page is still correct. */
    lastCheckedAt: date('last_checked_at', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('pages_status', sql`${t.status} in ('draft', 'review', 'published')`),
    check('pages_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    index('pages_parent').on(t.parentId, t.position),
  ],
);

/**
 * A page's text: one row per version (draft or published), language and field. German ("de") is the source;
 * Leichte Sprache ("de-x-ls") is a variant of its own. `status` is the translation state of that field.
 */
export const pageTexts = pgTable(
  'page_texts',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    lang: text('lang').notNull(),
    field: text('field').notNull(),
    value: text('value').notNull(),
    status: text('status').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pageId, t.version, t.lang, t.field] }),
    check('page_texts_version', sql`${t.version} in ('draft', 'published')`),
    check('page_texts_status', sql`${t.status} in ('source', 'up_to_date', 'outdated', 'machine')`),
    check('page_texts_field', sql`${t.field} in ('title', 'summary', 'body', 'steps')`),
    index('page_texts_lang').on(t.version, t.lang, t.field),
  ],
);

/**
 * Every save of a page, numbered: the whole working copy (structure and every text) as it was, so any revision
 * can be restored. The unique number makes the second of two simultaneous saves fail instead of both winning.
 */
export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** What the save did: saved, submitted, published, rolled back. */
    event: text('event').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('page_revisions_number').on(t.pageId, t.number)],
);
