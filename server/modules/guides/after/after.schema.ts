import { z } from 'zod';
import { FEEDBACK_SIDES, OUTCOMES } from '../guides.terms.ts';

const id = z.uuid().describe('Record id (UUID)');
export const assignmentParams = z.object({ id: id.describe('Assignment id') });
export const requestParams = z.object({ id: id.describe('Request id') });
export const codeParams = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .-]{10,30}[A-Za-z0-9]$/)
    .describe(
      'The request code from the confirmation (e.g. K7QP-2MXD-9RTA; any case, dashes and spaces optional)',
    ),
});
const month = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/)
  .describe('Calendar month, YYYY-MM');
export const statementParams = z.object({ guideId: id.describe('The guide (account id)'), month });
export const statementsQuery = z.object({ month });
export const feedbackQuery = z.object({
  from: z.iso.date().optional().describe('Given on or after this day (default: 90 days ago)'),
  to: z.iso.date().optional().describe('Given on or before this day (default: today)'),
});

export const timeBody = z.strictObject({
  minutes: z.number().int().min(1).max(720).describe('Actual time of the assignment in minutes'),
  travelKm: z
    .number()
    .min(0)
    .max(500)
    .refine((km) => Number.isInteger(Math.round(km * 10)) && Math.abs(km * 10 - Math.round(km * 10)) < 1e-6, {
      message: 'at most one decimal',
    })
    .describe('Kilometres travelled there and back, one decimal'),
});
export const feedbackBody = z.strictObject({
  rating: z.number().int().min(1).max(5).describe('1 (bad) … 5 (very good)'),
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .describe('Comment for the coordinators (they alone read it)'),
});

/** What the guide and the requester see after the appointment (never the other side's feedback). */
export const afterReply = z.object({
  assignmentId: z.string().describe('Assignment id'),
  start: z.string().describe('Start of the appointment'),
  canLog: z.boolean().describe('The appointment has begun, so time can be logged'),
  time: z
    .object({
      minutes: z.number().describe('Logged minutes'),
      travelKm: z.number().describe('Logged km'),
      loggedAt: z.string().describe('When it was logged'),
      confirmedAt: z.string().nullable().describe('When the requester confirmed it (null: not yet)'),
    })
    .nullable()
    .describe('The guide’s log, or null'),
  feedbackGiven: z
    .object({
      guide: z.boolean().describe('The guide has given feedback'),
      requester: z.boolean().describe('The requester has given feedback'),
    })
    .describe('Who has given feedback (not what)'),
});

export const feedbackItem = z.object({
  id: z.string().describe('Feedback id'),
  assignmentId: z.string().describe('Assignment'),
  side: z.enum(FEEDBACK_SIDES).describe('guide or requester'),
  rating: z.number().describe('1–5'),
  comment: z.string().nullable().describe('Comment'),
  createdAt: z.string().describe('Given at'),
  guideId: z.string().describe('Guide'),
  guideName: z.string().describe('Name of the guide'),
  start: z.string().describe('Start of the appointment'),
  language: z.string().describe('Language'),
  topic: z.string().describe('Topic'),
});
export const feedbackReply = z.object({ items: z.array(feedbackItem) });

const totals = z.object({
  assignments: z.number().describe('Assignments paid'),
  paidMinutes: z.number().describe('Minutes paid (mediators)'),
  km: z.number().describe('Kilometres'),
  payCents: z.number().describe('Pay in cents (mediators)'),
  travelCents: z.number().describe('Travel in cents'),
  allowanceCents: z.number().describe('Allowance in cents after the yearly cap (volunteers)'),
  totalCents: z.number().describe('Total in cents'),
});
export const statementSummary = z.object({
  guideId: z.string().describe('Guide'),
  guideName: z.string().describe('Name of the guide'),
  kind: z.enum(['mediator', 'volunteer']).describe('mediator (paid) or volunteer (allowance)'),
  month: z.string().describe('YYYY-MM'),
  currency: z.string().describe('ISO 4217'),
  totals,
  unconfirmed: z.number().describe('Lines whose time the requester has not confirmed yet'),
  unlogged: z.number().describe('Past assignments without logged time'),
});
export const statementsReply = z.object({ items: z.array(statementSummary) });
export const statementReply = statementSummary.extend({
  lines: z.array(
    z.object({
      assignmentId: z.string().describe('Assignment'),
      start: z.string().describe('Start'),
      language: z.string().describe('Language'),
      topic: z.string().describe('Topic'),
      outcome: z.enum(OUTCOMES).describe('What happened'),
      bookedMinutes: z.number().describe('Booked minutes'),
      loggedMinutes: z.number().nullable().describe('Logged minutes (null: not logged)'),
      paidMinutes: z.number().describe('Minutes paid'),
      km: z.number().describe('Kilometres'),
      payCents: z.number().describe('Pay in cents'),
      travelCents: z.number().describe('Travel in cents'),
      allowanceCents: z.number().describe('Allowance in cents (before the cap)'),
      confirmed: z.boolean().describe('Confirmed by the requester'),
    }),
  ),
  cap: z
    .object({
      annualCents: z.number().describe('Yearly cap of the allowance'),
      usedBeforeCents: z.number().describe('Used by earlier months of the year'),
      cutCents: z.number().describe('Cut from this month'),
    })
    .nullable()
    .describe('Volunteers: the yearly cap of the allowance'),
});
