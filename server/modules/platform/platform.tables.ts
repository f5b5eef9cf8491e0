import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ConsentChannel, SessionBrowser, SessionSystem } from './platform.terms.ts';

/** Offices, schools, clinics, providers and associations that staff accounts belong to. */
export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    districtId: text('district_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'organisations_kind',
      sql`${t.kind} in ('ki', 'authority', 'school', 'clinic', 'provider', 'association', 'advice', 'counselling')`,
    ),
  ],
);

/** People who sign in. Staff roles carry their organisation. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    locale: text('locale').notNull().default('de'),
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_lower').on(sql`lower(${t.email})`),
    check(
      'users_role',
      sql`${t.role} in ('resident', 'guide', 'institution', 'association', 'caseworker', 'coordinator', 'admin')`,
    ),
    check(
      'users_staff_organisation',
      sql`${t.role} not in ('institution', 'association', 'caseworker') or ${t.organisationId} is not null`,
    ),
  ],
);

/** Server-side sessions; the id is the SHA-256 of the cookie's token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser family at sign-in (SESSION_BROWSERS), or null when not recognised; shown in the account. */
    browser: text('browser').$type<SessionBrowser>(),
    /** The operating system at sign-in (SESSION_SYSTEMS), or null when not recognised. */
    system: text('system').$type<SessionSystem>(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/** One-time password-reset tokens (hashed). */
export const passwordResets = pgTable('password_resets', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Failed logins, keyed by a hash of account and address, for rate limiting across servers. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

/** A person's consent to one purpose, with what data it covers, and until when. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    purpose: text('purpose').notNull(),
    dataCategories: text('data_categories').array().notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by'),
    /** How it was given: by the person themself, on the public form, or to a caseworker (CONSENT_CHANNELS). */
    channel: text('channel').$type<ConsentChannel>().notNull().default('self'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consents_subject').on(t.subjectType, t.subjectId, t.purpose),
    check('consents_expiry_after_given', sql`${t.expiresAt} > ${t.givenAt}`),
  ],
);
