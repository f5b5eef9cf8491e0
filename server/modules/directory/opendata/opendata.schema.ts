import { z } from 'zod';

export const exportQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .describe('Language of the main texts (default: German, the source); the JSON has every language anyway'),
});

export const calendarParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9-]+$/)
    .describe('Offer id or slug'),
});

export const calendarQuery = z.object({
  opening_hours: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .describe('Also the weekly opening hours, as recurring events'),
});

/** The export package: HSDS tables as JSON arrays; every record as the HSDS API gives it. */
export const exportPackage = z.looseObject({
  name: z.string(),
  hsds_version: z.string(),
  generated_at: z.string(),
  license: z.looseObject({ name: z.string(), path: z.string() }),
  organizations: z.array(z.looseObject({ id: z.string() })),
  services: z.array(z.looseObject({ id: z.string() })),
  locations: z.array(z.looseObject({ id: z.string() })),
  service_at_locations: z.array(z.looseObject({ id: z.string() })),
  schedules: z.array(z.looseObject({ id: z.string() })),
});

export const dcatCatalog = z.looseObject({
  '@context': z.record(z.string(), z.string()),
  '@type': z.string(),
});
