import { z } from 'zod';

// The one way lists are paged in the API, for every module's schemas.

/** The query fields of a paged list: `page` (from 1) and `per_page`. */
export const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page, 1–200'),
};

/** A page of results with its totals. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item).describe('The items of this page'),
    total: z.number().int().describe('Number of items over all pages'),
    page: z.number().int().describe('This page number'),
    perPage: z.number().int().describe('Items per page'),
  });
