import { z } from 'zod';
import { CATEGORIES, SERVICE_STATUSES, TARGET_GROUPS, WEEKDAYS } from './directory.terms.ts';

const UI_LANGUAGES = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'uk', 'ru', 'pl', 'fa'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const translated = (max: number) =>
  z
    .partialRecord(z.enum(UI_LANGUAGES), text(max))
    .describe('Text per UI language; German ("de") is the source');
const withGerman = (max: number) =>
  translated(max).refine((value) => !!value.de, { message: 'German text is required', path: ['de'] });

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM')
  .describe('Local time, HH:MM');
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'local date and time as YYYY-MM-DDTHH:MM')
  .describe('Local date and time of the city, YYYY-MM-DDTHH:MM');

/** Phone numbers as people write them: digits, spaces, +, -, /, parentheses; 6 to 15 digits. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9][0-9 ()/-]*$/, 'phone number')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'phone number')
  .describe('Phone number, e.g. +49 203 1234567');

export const serviceBody = z.strictObject({
  organisationId: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/)
    .describe('The organisation offering it'),
  categories: z.array(z.enum(CATEGORIES)).min(1).max(3).describe('1–3 categories'),
  targetGroups: z
    .array(z.enum(TARGET_GROUPS))
    .max(TARGET_GROUPS.length)
    .default([])
    .describe('Who it is for'),
  languages: z
    .array(z.string().regex(/^[a-z]{3}$/))
    .min(1)
    .max(20)
    .describe('Languages spoken there (ISO 639-3)'),
  free: z.boolean().describe('Free of charge'),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null)
    .describe('Web page (http or https)'),
  email: z.email().max(254).nullable().default(null).describe('E-mail address'),
  phone: phone.nullable().default(null),
  capacity: z
    .object({ free: z.number().int().min(0).max(100_000), waitingList: z.number().int().min(0).max(100_000) })
    .nullable()
    .default(null)
    .describe('Free places now and the waiting list, if the offer has places'),
  texts: z.strictObject({
    name: withGerman(200),
    description: withGerman(5000),
    eligibility: translated(2000).nullable().default(null),
    fees: translated(2000).nullable().default(null),
    requiredDocuments: translated(2000).nullable().default(null),
  }),
  location: z.strictObject({
    name: text(200).describe('Name of the place'),
    address: text(200).describe('Street and number'),
    postcode: z
      .string()
      .regex(/^\d{5}$/, 'five digits')
      .describe('Postcode in the city'),
    ortsteilId: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/)
      .describe('Ortsteil'),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    accessible: z.boolean().describe('Barrier-free'),
    accessibilityNote: translated(1000).nullable().default(null),
  }),
  schedule: z
    .array(
      z
        .strictObject({ days: z.array(z.enum(WEEKDAYS)).min(1).max(7), opens: hhmm, closes: hhmm })
        .refine((s) => s.opens < s.closes, { message: 'closes before it opens', path: ['closes'] }),
    )
    .max(21)
    .default([])
    .describe('Weekly opening hours'),
  events: z
    .array(
      z
        .strictObject({
          start: localDateTime,
          end: localDateTime,
          title: translated(200).nullable().default(null),
        })
        .refine((e) => e.start < e.end, { message: 'ends before it starts', path: ['end'] }),
    )
    .max(200)
    .default([])
    .describe('Dated events'),
  minor: z.boolean().default(false).describe('A minor German edit (typo): translations stay up to date'),
});
export type ServiceBody = z.infer<typeof serviceBody>;

export const editableItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string().describe('German name'),
  organisationId: z.string(),
  status: z.string().describe('draft, review, published or archived'),
  pendingRevision: z.boolean().describe('A change waits for a coordinator'),
  lastCheckedAt: z.string(),
  stale: z.boolean().describe('Not checked for six months'),
  updatedAt: z.string(),
});
export const editableList = z.object({ items: z.array(editableItem) });
export const editableQuery = z.object({
  status: z
    .enum(['draft', 'review', 'published', 'archived', 'pending'])
    .optional()
    .describe('pending: offers with a change to review'),
  stale: z.enum(['true', 'false']).optional().describe('Only offers not checked for six months'),
});
export const revisionItem = z.object({
  id: z.string(),
  status: z.string(),
  minor: z.boolean(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const historyReply = z.object({ items: z.array(revisionItem) });
export const rejectBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).describe('Why, for the editors'),
});
export const createdReply = z.object({ id: z.string(), slug: z.string(), status: z.string() });
export const updatedReply = createdReply.extend({
  pendingReview: z
    .boolean()
    .describe('The change waits for a coordinator; the offer shows the old text until then'),
});

const translatedOut = z.partialRecord(z.string(), z.string()).describe('Text per UI language');
/** The latest version of an offer as its editors wrote it (every language), to fill the edit form. */
export const editableService = z.object({
  id: z.string(),
  slug: z.string(),
  status: z.enum(SERVICE_STATUSES),
  organisationId: z.string(),
  categories: z.array(z.enum(CATEGORIES)),
  targetGroups: z.array(z.string()),
  languages: z.array(z.string()),
  free: z.boolean(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  capacity: z.object({ free: z.number(), waitingList: z.number() }).nullable(),
  lastCheckedAt: z.string(),
  texts: z.object({
    name: translatedOut,
    description: translatedOut,
    eligibility: translatedOut.nullable(),
    fees: translatedOut.nullable(),
    requiredDocuments: translatedOut.nullable(),
  }),
  outdated: z.array(z.string()).describe('Languages whose translations are older than the German text'),
  location: z.object({
    name: z.string(),
    address: z.string(),
    postcode: z.string(),
    ortsteilId: z.string(),
    lat: z.number(),
    lon: z.number(),
    accessible: z.boolean(),
    accessibilityNote: translatedOut.nullable(),
  }),
  schedule: z.array(z.object({ days: z.array(z.string()), opens: z.string(), closes: z.string() })),
  events: z.array(z.object({ start: z.string(), end: z.string(), title: translatedOut.nullable() })),
});

// Translation work (coordinators).

export const translationsReply = z.object({
  items: z.array(
    z.object({
      lang: z.string(),
      total: z.number(),
      upToDate: z.number(),
      outdated: z.number(),
      machine: z.number(),
      missing: z.number(),
    }),
  ),
});
export const pendingTextsReply = z.object({
  items: z.array(
    z.object({
      entityType: z.string(),
      entityId: z.string(),
      field: z.string(),
      source: z.string(),
      current: z.string().nullable(),
      status: z.string(),
    }),
  ),
});
export const importReply = z.object({ imported: z.number(), outdated: z.number() });
export const machineReply = z.object({ translated: z.number() });
