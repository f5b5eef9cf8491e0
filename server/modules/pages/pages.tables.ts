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

/**
 * The glossary per language: German terms that machine translation must write one way (kept, like "Jobcenter", or
 * explained). Applied before a page is machine-translated and checked in review (editorPage's glossaryFlags).
 */
export const pageGlossary = pgTable(
  'page_glossary',
  {
    lang: text('lang').notNull(),
    /** The German term as it appears in the source. */
    source: text('source').notNull(),
    /** How the term is written in this language. */
    target: text('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lang, t.source] })],
);

/**
 * What the nightly link check found on published pages: an external link that does not answer (or answers with an
 * error), a link to a private address that was not asked (refused_link), or a linked directory offer that is no
 * longer published. The check replaces the whole list each night.
 */
export const pageLinkProblems = pgTable(
  'page_link_problems',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The link's address, or the offer's slug. */
    target: text('target').notNull(),
    /** The HTTP status that came back (null: no answer, or an offer). */
    httpStatus: integer('http_status'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pageId, t.kind, t.target] }),
    check('page_link_problems_kind', sql`${t.kind} in ('dead_link', 'refused_link', 'unpublished_offer')`),
  ],
);

/**
 * A short news item ("Bürgeramt Hamborn closed on Friday"): German with translations (texts: lang → title and
 * text), targeted by topic and optionally a district, shown until its end date. Publishing sends web push.
 */
export const pageNews = pgTable(
  'page_news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('draft'),
    topic: text('topic').notNull(),
    /** A Stadtbezirk's id (districts.json); null: the whole city. */
    district: text('district'),
    texts: jsonb('texts').notNull().$type<Record<string, { title: string; text: string }>>(),
    /** The last day it is shown (inclusive, in the city's zone). */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('page_news_status', sql`${t.status} in ('draft', 'published')`),
    index('page_news_published').on(t.publishedAt),
  ],
);

/**
 * A reader's web push subscription, without an account: the push service's endpoint and keys, and the choice
 * (language, topics, districts). Nothing else about the reader is kept; one click removes the row.
 */
export const pagePushSubscriptions = pgTable('page_push_subscriptions', {
  endpoint: text('endpoint').primaryKey(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  lang: text('lang').notNull(),
  topics: jsonb('topics').notNull().$type<string[]>(),
  /** Stadtbezirk ids; empty: news for the whole city only. */
  districts: jsonb('districts').notNull().$type<string[]>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /**
   * The last sign of life: the reader subscribed again (the web app renews the subscription when the reader opens
   * /seiten) or a push service accepted a message. The retention rule pages.push_subscriptions deletes a
   * subscription unused for its days.
   */
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the push service says the subscription ends (PushSubscription.expirationTime); null: no end given. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
});

/**
 * A published news item waiting to reach one subscription: written with the publish, sent right after its answer
 * and by the job pages.push_send (every minute) for what is due; deleted once the push service took it, when the
 * subscription is gone, or after the last attempt. `lockedUntil`: a sender claimed it (two never send one).
 */
export const pagePushDeliveries = pgTable(
  'page_push_deliveries',
  {
    newsId: uuid('news_id')
      .notNull()
      .references(() => pageNews.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint')
      .notNull()
      .references(() => pagePushSubscriptions.endpoint, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.newsId, t.endpoint] }),
    index('page_push_deliveries_due').on(t.nextAttemptAt),
  ],
);
