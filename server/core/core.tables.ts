import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Facts about this installation, e.g. when the demo data was loaded. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Recurring background jobs; a row is claimed atomically so one server runs it at a time. */
export const jobs = pgTable('jobs', {
  name: text('name').primaryKey(),
  intervalSeconds: integer('interval_seconds').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lockedBy: text('locked_by'),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastStatus: text('last_status'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
});

/** Outgoing mail, written in the same transaction as the change that causes it (transactional outbox). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    attachments: jsonb('attachments').notNull().default([]),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [check('outbox_status', sql`${t.status} in ('pending', 'sent', 'held', 'failed')`)],
);

/** The UI languages of this city, from its profile. */
export const locales = pgTable(
  'locales',
  {
    code: text('code').primaryKey(),
    nativeName: text('native_name').notNull(),
    direction: text('direction').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [check('locales_direction', sql`${t.direction} in ('ltr', 'rtl')`)],
);

/**
 * Who did what, for every module. Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorId, t.at),
    index('audit_log_entity').on(t.entityType, t.entityId),
    index('audit_log_action').on(t.action, t.at),
  ],
);

/**
 * Answers of public forms by their Idempotency-Key, so a retried form creates nothing twice (server/core/
 * idempotency.ts). status is null while the first request runs; the retention job removes keys after 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    route: text('route').notNull(),
    key: text('key').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    reply: text('reply'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.route, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);
