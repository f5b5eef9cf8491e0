import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/platform.tables.ts';

/** Binary data; PGlite hands back a Uint8Array, node-postgres a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** One criterion of a call with its weight in percent (the weights of a call add up to 100). */
export type Criterion = { key: string; label: Record<string, string>; weight: number };

/**
 * A call for applications (Förderprogramm): texts by language (German always), the budget and the maximum per
 * project in whole euros, the eligible cost categories, the criteria with weights, the deadline, the required
 * documents, and the reviewers (accounts).
 */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: jsonb('title').$type<Record<string, string>>().notNull(),
    text: jsonb('text').$type<Record<string, string>>().notNull(),
    state: text('state').notNull(),
    year: integer('year').notNull(),
    budget: integer('budget').notNull(),
    maxPerProject: integer('max_per_project').notNull(),
    categories: text('categories').array().notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    requiredDocuments: text('required_documents').array().notNull(),
    reviewerIds: uuid('reviewer_ids').array().notNull().default(sql`'{}'::uuid[]`),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('funding_calls_state_idx').on(t.state, t.deadline),
    check('funding_calls_money', sql`${t.budget} > 0 and ${t.maxPerProject} > 0`),
  ],
);

/** One cost line of a budget plan (whole euros). */
export type CostLine = { category: string; description: string; amount: number };
/** What an association writes: saved step by step, frozen as a version on submitting. */
export type ApplicationContent = {
  project: { title: string; summary: string };
  goals: string;
  targetGroups: string[];
  districts: string[];
  timeline: { from: string; to: string } | null;
  budget: {
    costs: CostLine[];
    ownContribution: number;
    otherFunding: number;
    requested: number;
    /** The least amount the association accepts (a cut); null: only the full amount. */
    minimum: number | null;
  };
  declaration: boolean;
};
/** The committee's decision. */
export type DecisionRecord = {
  outcome: string;
  amount: number;
  reason: string;
  conditions: string;
  decidedBy: string;
};

/**
 * An application of an organisation to a call. `content` is the working version (the association edits it while
 * the state allows); each submission freezes a copy in funding_application_versions. `version` counts them.
 */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    content: jsonb('content').$type<ApplicationContent>().notNull(),
    /** No earlier funding from the city (the first-time floor of the allocation). */
    firstTime: boolean('first_time').notNull(),
    /** The KI's note when it asked for changes. */
    changeNote: text('change_note'),
    decision: jsonb('decision').$type<DecisionRecord>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The day the proof of use is due (set with the payment plan); reminders go before it. */
    proofDueOn: date('proof_due_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('funding_applications_call_idx').on(t.callId, t.state),
    index('funding_applications_organisation_idx').on(t.organisationId),
  ],
);

/** The frozen versions: what was submitted, as it was. */
export const fundingApplicationVersions = pgTable(
  'funding_application_versions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ApplicationContent>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

/** Documents of an application (statutes, register extract, exemption notice): type read from the content. */
export const fundingDocuments = pgTable(
  'funding_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('funding_documents_application_idx').on(t.applicationId)],
);

/** One reviewer's score of one criterion of one application, with the reason. */
export const fundingReviews = pgTable(
  'funding_reviews',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    criterion: text('criterion').notNull(),
    score: integer('score').notNull(),
    reason: text('reason').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('funding_reviews_unique_idx').on(t.applicationId, t.reviewerId, t.criterion),
    check('funding_reviews_score', sql`${t.score} between 0 and 10`),
  ],
);

/** One line of a proof of use: the budget plan's line with the actual cost. */
export type ProofLine = { category: string; description: string; planned: number; actual: number };

/**
 * The proof of use (Verwendungsnachweis) of a funded application: the actual cost per budget line, the participants
 * reached and a short report. Filed by the association; filing again replaces it.
 */
export const fundingProofs = pgTable(
  'funding_proofs',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    lines: jsonb('lines').$type<ProofLine[]>().notNull(),
    participants: integer('participants').notNull(),
    report: text('report').notNull(),
    filedBy: uuid('filed_by').references(() => users.id, { onDelete: 'set null' }),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('funding_proofs_participants', sql`${t.participants} >= 0`)],
);

/**
 * The payment plan of a funded application: tranches with the planned day, paid once the city pays (paid_on set by
 * one UPDATE … where paid_on is null: a second "paid" loses). `number` counts from 1 in the plan's order.
 */
export const fundingTranches = pgTable(
  'funding_tranches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    amount: integer('amount').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('funding_tranches_number_idx').on(t.applicationId, t.number),
    check('funding_tranches_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * A repayment claim (Rückforderung): money granted but not needed or not proven, due on a day, paid once. The
 * claims of an application never exceed what was paid of it (checked under the application's row lock).
 */
export const fundingClaims = pgTable(
  'funding_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    note: text('note').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('funding_claims_application_idx').on(t.applicationId),
    check('funding_claims_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * Reminders sent: one row per thing, due day and lead (14 or 3 days before). The primary key makes a reminder go
 * once even when two servers run the job (the second insert does nothing, and sends nothing).
 */
export const fundingReminders = pgTable(
  'funding_reminders',
  {
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    leadDays: integer('lead_days').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.kind, t.dueOn, t.leadDays] })],
);
