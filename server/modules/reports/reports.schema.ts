import { z } from 'zod';
import { page, pageOf } from '../../core/paging.ts';
import {
  ACTIONS,
  AFFECTED,
  CONTACT_KINDS,
  EXTREMIST_KINDS,
  GROUNDS,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MESSAGE_AUTHORS,
  PHOTO_TYPES,
  PLACE_KINDS,
  POLICE,
  REPORT_STATUSES,
  SETTINGS,
  SOURCES,
  STAFF_SOURCES,
} from './reports.terms.ts';

const id = z.uuid().describe('Report id (UUID)');
export const idParams = z.object({ id });
export const codeParams = z.object({
  // Loose on purpose: any wrong code answers 404 (and counts towards the limit), whatever its form.
  code: z
    .string()
    .min(1)
    .max(64)
    .describe('The follow code from the confirmation (e.g. K7QP-2MXD-9RTA-HN4C; any case, dashes optional)'),
});

const day = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);

/** When it happened: a day, or "about" in the reporter's words. */
const when = z
  .object({
    date: day.nullable().optional().describe('The day it happened, when known'),
    about: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .describe('About when, in the reporter’s words (e.g. "last summer"), when the day is not known'),
  })
  .describe('When it happened: a day, or about when');

/** Where it happened. */
const where = z
  .object({
    kind: z.enum(PLACE_KINDS).describe('In an Ortsteil of the city, online, or outside the city'),
    ortsteilId: z
      .string()
      .max(80)
      .nullable()
      .optional()
      .describe('The Ortsteil (id from GET /api/v1/city), for kind "ortsteil"'),
  })
  .describe('Where it happened');

const contact = z
  .object({
    kind: z.enum(CONTACT_KINDS).describe('Phone or e-mail'),
    value: text(200, 'The phone number or e-mail address'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .describe('The language counselling should be in (ISO 639)'),
  })
  .describe('Optional: how a counsellor can reach the reporter; stored encrypted, apart from the report');

/** What the public form sends (and staff entering a call). */
export const reportBody = z
  .object({
    description: z
      .string()
      .trim()
      .max(8000)
      .nullable()
      .optional()
      .describe('What happened, in any language (optional)'),
    when,
    where,
    setting: z.enum(SETTINGS).describe('The setting: authority, police, housing, work …'),
    grounds: z
      .array(z.enum(GROUNDS))
      .min(1)
      .max(GROUNDS.length)
      .describe('The grounds of the discrimination, one or several'),
    violence: z.boolean().describe('Whether there was violence'),
    police: z.enum(POLICE).describe('Whether it was reported to the police'),
    extremist: z
      .array(z.enum(EXTREMIST_KINDS))
      .max(EXTREMIST_KINDS.length)
      .default([])
      .describe('What makes it an extremist incident (symbols, propaganda, attack); empty when none'),
    affected: z.enum(AFFECTED).describe('Who was affected: me, someone else, a group'),
    contact: contact.nullable().optional(),
  })
  .strict();
export type ReportInput = z.infer<typeof reportBody>;

/** Staff entering a report taken by phone or in person. */
export const staffReportBody = reportBody
  .extend({ source: z.enum(STAFF_SOURCES).describe('How the report came in: phone or in person') })
  .strict();

export const createdReply = z.object({
  code: z
    .string()
    .describe('The follow code, shown this once: the reporter reads the answers and writes back with it'),
});

/** A report staff entered: the code to read out, and the new case. */
export const intakeReply = createdReply.extend({
  id: z.uuid().describe('The new case, for the counsellor to open'),
});

const message = z.object({
  from: z.enum(MESSAGE_AUTHORS).describe('Who wrote it: the reporter or the advice centre'),
  body: z.string().describe('The message'),
  at: z.iso.datetime().describe('When it was written'),
});

/** What the follow page shows: status and messages, never contact data or notes. */
export const followReply = z.object({
  status: z.enum(REPORT_STATUSES).describe('The case’s status'),
  receivedAt: z.iso.datetime().describe('When the report came in'),
  messages: z.array(message).describe('Messages between the reporter and the advice centre, oldest first'),
  contactKept: z
    .boolean()
    .describe(
      'Whether the advice centre keeps contact details the reporter left with this report (never the details themselves); the reporter can remove them',
    ),
});

export const messageBody = z.object({ body: text(4000, 'The message') }).strict();

/** One photo, sent through the follow code right after the report (or later). */
export const photoBody = z
  .object({
    photo: z
      .base64()
      .min(1)
      .describe(
        `The photo's bytes, base64: JPEG, PNG or WebP (recognised by its content), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB; at most ${MAX_PHOTOS} per report. Metadata (EXIF, GPS) is removed before it is stored`,
      ),
  })
  .strict();
export const photoAddedReply = z.object({
  photos: z.number().int().describe('How many photos the report has now'),
});
export const photoParams = z.object({ id, photoId: z.uuid().describe('Photo id (UUID)') });

export const listQuery = z.object({
  ...page,
  status: z.enum(REPORT_STATUSES).optional().describe('Only cases in this status'),
  mine: z.enum(['true', 'false']).optional().describe('Only the cases assigned to me'),
});

const caseFields = {
  id,
  status: z.enum(REPORT_STATUSES).describe('The case’s status'),
  source: z.enum(SOURCES).describe('How it came in'),
  receivedAt: z.iso.datetime().describe('When it came in'),
  setting: z.enum(SETTINGS).describe('The setting'),
  grounds: z.array(z.enum(GROUNDS)).describe('The grounds'),
  placeKind: z.enum(PLACE_KINDS).describe('In the city, online, or outside'),
  districtId: z.string().nullable().describe('The Stadtbezirk, when in the city'),
  ortsteilId: z.string().nullable().describe('The Ortsteil, when in the city'),
  violence: z.boolean().describe('Whether there was violence'),
  extremist: z.array(z.enum(EXTREMIST_KINDS)).describe('What makes it extremist; empty when not'),
  assignedTo: z.uuid().nullable().describe('The counsellor who took the case'),
  assignedName: z.string().nullable().describe('Their name'),
  mergedInto: z.uuid().nullable().describe('The case this duplicate was merged into'),
  hasContact: z.boolean().describe('Whether the reporter left contact data for counselling'),
};

export const caseItem = z.object(caseFields);
export const casesReply = pageOf(caseItem);

/** One case as staff see it; the contact only for the counsellor it is assigned to. */
export const caseReply = z.object({
  ...caseFields,
  description: z.string().nullable().describe('What happened, in the reporter’s words'),
  occurredOn: day.nullable().describe('The day it happened'),
  occurredAbout: z.string().nullable().describe('About when, in the reporter’s words'),
  police: z.enum(POLICE).describe('Reported to the police'),
  affected: z.enum(AFFECTED).describe('Who was affected'),
  actions: z.array(z.enum(ACTIONS)).describe('What the advice centre did'),
  closedAt: z.iso.datetime().nullable().describe('When it was closed'),
  contact: z
    .object({
      kind: z.enum(CONTACT_KINDS).describe('Phone or e-mail'),
      value: z.string().describe('The phone number or e-mail address'),
      language: z.string().describe('The language counselling should be in'),
    })
    .nullable()
    .describe('The reporter’s contact: shown only to the counsellor the case is assigned to'),
  photos: z
    .array(
      z.object({
        id: z.uuid().describe('Photo id: GET /api/v1/reports/{id}/photos/{photoId}'),
        type: z.enum(PHOTO_TYPES).describe('The photo’s type'),
        size: z.number().int().describe('Bytes'),
        at: z.iso.datetime().describe('When it was added'),
      }),
    )
    .describe(
      'The reporter’s photos, metadata removed: listed only for the counsellor the case is assigned to',
    ),
  messages: z.array(message).describe('Messages through the follow code, oldest first'),
  duplicates: z
    .array(
      z.object({
        id: z.uuid().describe('The duplicate report'),
        source: z.enum(SOURCES).describe('How it came in'),
        receivedAt: z.iso.datetime().describe('When it came in'),
        description: z.string().nullable().describe('What happened, in that reporter’s words'),
      }),
    )
    .describe(
      'Reports of the same incident merged into this case, oldest first (their codes open this case)',
    ),
  notes: z
    .array(
      z.object({
        body: z.string().describe('The note'),
        authorName: z.string().nullable().describe('Who wrote it'),
        at: z.iso.datetime().describe('When'),
      }),
    )
    .describe('Internal notes, oldest first'),
});

export const caseUpdateBody = z
  .object({
    status: z.enum(REPORT_STATUSES).optional().describe('The new status'),
    assignedTo: z.uuid().nullable().optional().describe('Assign to a counsellor (null: unassign)'),
    actions: z.array(z.enum(ACTIONS)).max(ACTIONS.length).optional().describe('What the advice centre did'),
  })
  .strict();

export const noteBody = z.object({ body: text(4000, 'The note') }).strict();
export const mergeBody = z.object({ intoId: id.describe('The case this one duplicates') }).strict();

export const suppressedCount = z
  .union([z.number().int(), z.literal('<5')])
  .describe('A count; from 1 to 4 shown as "<5"');
const bucket = z.object({ key: z.string().describe('The category'), count: suppressedCount });

export const statisticsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('The year (default: this year)'),
  quarter: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .describe('One quarter of the year (1–4); without it, the whole year'),
});
export const statisticsReply = z.object({
  year: z.number().int().describe('The year the reports came in'),
  quarter: z.number().int().nullable().describe('The quarter (1–4), or null for the whole year'),
  total: suppressedCount.describe('Reports in the period'),
  quarters: z.array(bucket).describe('Reports per quarter (Q1–Q4; for one quarter, only that one)'),
  grounds: z.array(bucket).describe('Per ground; a report with several grounds counts in each'),
  settings: z.array(bucket).describe('Per setting'),
  districts: z
    .array(bucket)
    .describe('Per Stadtbezirk (ids from GET /api/v1/city), plus "online" and "outside"'),
  violence: z.array(bucket).describe('With violence (yes) or without (no)'),
  extremist: z.array(bucket).describe('Extremist incidents (yes) or not (no)'),
});
export type Statistics = z.infer<typeof statisticsReply>;
