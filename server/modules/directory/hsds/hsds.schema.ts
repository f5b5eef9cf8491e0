import { z } from 'zod';

const yes = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page, 1–200'),
  format: z
    .enum(['json', 'ndjson'])
    .default('json')
    .describe(
      'json: one page; ndjson: every match without paging, one record per line (application/x-ndjson)',
    ),
};

const key = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_-]+$/);

export const listQuery = z.object({
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words to find, in any language; typos are forgiven'),
  ...paging,
  full: yes.describe('true: fully nested records (as /services/{id}) instead of one-to-one fields'),
  taxonomy_term_id: key
    .optional()
    .describe('Only offers with this category: taxonomy term id (UUID) or its code, e.g. "health"'),
  taxonomy_id: key.optional().describe('Only terms of this taxonomy (id or "lotse-categories")'),
  organization_id: key.optional().describe('Only offers of this organization: HSDS id (UUID) or Lotse slug'),
  modified_after: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((value) => new Date(value))
    .pipe(z.date().min(new Date('1970-01-01T00:00:00Z')).max(new Date('9999-12-31T23:59:59Z')))
    .optional()
    .describe('Only offers changed at or after this time (ISO 8601 date or date-time with offset)'),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .describe('Only places with this postcode; with proximity: around the postcode’s centre'),
  proximity: z.coerce
    .number()
    .min(0.1)
    .max(100)
    .optional()
    .describe('Distance from the postcode’s centre in kilometres (Lotse: km, not metres); needs postcode'),
});
export type ListQuery = z.infer<typeof listQuery>;

export const termsQuery = z.object({
  search: z.string().trim().max(200).optional().describe('Words of the term’s name, in any language'),
  ...paging,
  taxonomy_id: key.optional().describe('Only terms of this taxonomy (id or "lotse-categories")'),
});
export type TermsQuery = z.infer<typeof termsQuery>;

export const idParams = z.object({
  id: key.describe('HSDS id (UUID); services and organizations also take their Lotse slug'),
});

/** HSDS records are described by the HSDS schemas; here only their id is checked, every field passes. */
const record = z.looseObject({ id: z.string().describe('UUID') });

export const hsdsPage = z.looseObject({
  total_items: z.number().int().describe('Number of items over all pages'),
  total_pages: z.number().int().describe('Number of pages'),
  page_number: z.number().int().describe('This page, from 1'),
  size: z.number().int().describe('Number of items on this page'),
  first_page: z.boolean().describe('Whether this is the first page'),
  last_page: z.boolean().describe('Whether this is the last page'),
  empty: z.boolean().describe('Whether this page has no items'),
  contents: z.array(record).describe('The records of this page'),
});

export const hsdsRecord = record;

export const apiInfo = z.object({
  version: z.string().describe('HSDS version of this API'),
  profile: z.string().describe('Where the profile of this API (its extensions) is described'),
  openapi_url: z.string().describe('The OpenAPI document of this API'),
});
