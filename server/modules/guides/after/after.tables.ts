import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/platform.tables.ts';
import { guideAssignments } from '../guides.tables.ts';

/** What the guide logged after an appointment (actual time and travel), and the requester's confirmation. */
export const guideTimeLogs = pgTable(
  'guide_time_logs',
  {
    assignmentId: uuid('assignment_id')
      .primaryKey()
      .references(() => guideAssignments.id, { onDelete: 'cascade' }),
    minutes: integer('minutes').notNull(),
    travelKm: numeric('travel_km', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull(),
    loggedBy: uuid('logged_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when the requester confirmed the time (an institution's account, or the newcomer by the public code). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('guide_time_logs_minutes', sql`${t.minutes} between 1 and 720`),
    check('guide_time_logs_km', sql`${t.travelKm} between 0 and 500`),
  ],
);

/** Feedback on an appointment from either side: a rating 1–5 and a comment, shown to coordinators only. */
export const guideFeedback = pgTable(
  'guide_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => guideAssignments.id, { onDelete: 'cascade' }),
    side: text('side').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('guide_feedback_one_per_side').on(t.assignmentId, t.side),
    index('guide_feedback_created').on(t.createdAt),
    check('guide_feedback_side', sql`${t.side} in ('guide', 'requester')`),
    check('guide_feedback_rating', sql`${t.rating} between 1 and 5`),
  ],
);
