import { z } from 'zod';
import { page } from '../../core/paging.ts';
import { CATEGORIES, TARGET_GROUPS } from './directory.terms.ts';

const yes = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
const listOf = <T extends [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).max(values.length)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

export const searchQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words to find, in any language; typos are forgiven'),
  category: listOf([...CATEGORIES]).describe('Only these categories (repeat the parameter for several)'),
  district: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/)
    .optional()
    .describe('Stadtbezirk id'),
  ortsteil: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/)
    .optional()
    .describe('Ortsteil id'),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .describe('Search around this postcode'),
  radius_km: z.coerce.number().min(0.1).max(50).default(3).describe('Distance from the postcode, in km'),
  language: z
    .string()
    .regex(/^[a-z]{3}$/)
    .optional()
    .describe('Spoken there (ISO 639-3, e.g. ara)'),
  target_group: z.enum(TARGET_GROUPS).optional().describe('For this group'),
  free: yes.describe('Only free of charge'),
  open_now: yes.describe('Only open now'),
  accessible: yes.describe('Only barrier-free places'),
  has_places: yes.describe('Only with free places'),
  ...page,
  per_page: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1–100'),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const shownText = z
  .object({
    value: z.string().describe('The text'),
    lang: z.string().describe('Its language'),
    status: z
      .enum(['source', 'up_to_date', 'outdated', 'machine', 'missing'])
      .describe('missing: German shown instead'),
  })
  .nullable();

const locationOut = z.object({
  id: z.string(),
  name: z.string().describe('Name of the place'),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  districtId: z.string().describe('Stadtbezirk'),
  ortsteilId: z.string().describe('Ortsteil'),
  lat: z.number(),
  lon: z.number(),
  accessible: z.boolean().describe('Barrier-free'),
});

export const serviceSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: shownText,
  summary: shownText.describe('The description'),
  organisationName: z.string(),
  categories: z.array(z.string()),
  languages: z.array(z.string()).describe('Languages spoken there (ISO 639-3)'),
  free: z.boolean(),
  capacityFree: z.number().nullable().describe('Free places now, if the offer has places'),
  waitingList: z.number().nullable(),
  location: locationOut.nullable(),
  distanceKm: z.number().nullable().describe('From the searched postcode'),
  openNow: z.boolean(),
  stale: z.boolean().describe('Not checked for six months'),
});

export const searchFacets = z
  .object({
    categories: z.record(z.string(), z.number().int()).describe('Offers found per category'),
    districts: z
      .record(z.string(), z.number().int())
      .describe('Offers found per Stadtbezirk (of the first place)'),
  })
  .describe(
    'How all offers found (not only this page) spread over categories and Stadtbezirke; an offer in two categories counts in both',
  );

export const searchReply = z.object({
  items: z.array(serviceSummary),
  total: z.number().int(),
  facets: searchFacets,
  page: z.number().int(),
  perPage: z.number().int(),
});

export const serviceDetail = serviceSummary.extend({
  description: shownText,
  eligibility: shownText,
  fees: shownText,
  requiredDocuments: shownText,
  accessibilityNote: shownText,
  targetGroups: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  lastCheckedAt: z.string(),
  openingHours: z
    .array(z.object({ days: z.array(z.string()), opens: z.string(), closes: z.string() }))
    .describe('Weekly, in the city’s local time'),
  events: z
    .array(z.object({ start: z.string(), end: z.string(), title: shownText }))
    .describe('Dated events'),
  timezone: z.string().describe('The local time zone of the times'),
});

export const serviceParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9-]+$/)
    .describe('Offer id or slug'),
});

export const feedbackBody = z.strictObject({
  kind: z.enum(['wrong', 'helpful', 'not_helpful']).describe('What the reader says'),
  comment: z.string().trim().max(2000).optional().describe('Optional comment'),
});

export const unmetReply = z.object({
  items: z.array(
    z.object({
      lang: z.string(),
      districtId: z.string(),
      words: z.string(),
      count: z.number().int(),
      lastDay: z.string(),
    }),
  ),
});
