import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config.ts';

const point = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

const retentionRule = z.object({
  days: z.number().int().positive(),
  action: z.enum(['delete', 'anonymise']),
  description: z.string().min(1),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Opening hours for questions: on these days (ISO order, MO … SU), from … to (local time). */
const openingHours = z
  .object({
    days: z.array(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).min(1),
    from: clock,
    to: clock,
  })
  .refine((hours) => hours.from < hours.to, 'from must be before to');

/** A legal page (Impressum, Datenschutz, Barrierefreiheitserklärung): the city's own page, or its text here. */
const legalPage = z
  .object({
    url: z.url().optional().describe("The city's own page; the footer links out to it"),
    paragraphs: z.array(z.string().min(1)).default([]).describe('The text, when there is no own page'),
  })
  .refine((page) => page.url !== undefined || page.paragraphs.length > 0, 'needs a url or paragraphs');

// The core part of the profile. Each module owns the schema of its own section (`guides`, `schooling`, …: see
// citySection()), so the object is loose: those sections pass through unchecked here and are checked by their module.
const profileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: z.string().describe('State code, e.g. NW'),
  country: z.string().length(2).describe('ISO 3166-1 alpha-2'),
  timezone: z.string(),
  centre: point,
  postcodes: z.object({ from: z.string().regex(/^\d{5}$/), to: z.string().regex(/^\d{5}$/) }),
  phoneAreaCodes: z.array(z.string().regex(/^0\d{2,5}$/)),
  sourceLanguage: z.string(),
  languages: z
    .array(
      z.object({ code: z.string().min(2).max(3), nativeName: z.string(), direction: z.enum(['ltr', 'rtl']) }),
    )
    .min(1),
  guideLanguages: z.array(z.string().length(3)),
  rates: z.record(z.string(), z.union([z.number(), z.string()])),
  retention: z.record(z.string(), retentionRule),
  branding: z.object({ title: z.string(), organisation: z.string() }),
  /** Who runs the installation and answers questions: shown in every page's footer and in the family's letter. */
  contact: z.object({
    organisation: z.string().min(1),
    street: z.string().min(1),
    postcode: z.string().regex(/^\d{5}$/),
    city: z.string().min(1),
    phone: z.string().min(3),
    email: z.email(),
    /** When someone answers: the family's letter names these hours. */
    hours: z.array(openingHours).min(1),
  }),
  /** The legal pages every German public site has; `demo`: the texts are the demo city's examples. */
  legal: z.object({
    demo: z.boolean().default(false),
    imprint: legalPage,
    privacy: legalPage,
    accessibility: legalPage,
  }),
});

const districtsSchema = z.object({
  note: z.string(),
  districts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      number: z.number().int(),
      centre: point,
      ortsteile: z.array(
        z.object({ id: z.string(), name: z.string(), centre: point, postcodes: z.array(z.string()) }),
      ),
    }),
  ),
});

const demoSchema = z.object({
  password: z.string().min(10),
  organisations: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), districtId: z.string().nullable() }),
  ),
  accounts: z.array(
    z.object({
      email: z.string(),
      displayName: z.string(),
      role: z.string(),
      organisationId: z.string().nullable(),
      locale: z.string(),
    }),
  ),
});

export type CityProfile = z.infer<typeof profileSchema>;
export type Districts = z.infer<typeof districtsSchema>['districts'];
export type DemoData = z.infer<typeof demoSchema>;
export type RetentionRule = z.infer<typeof retentionRule>;
export type City = { profile: CityProfile; districts: Districts; demo: DemoData };

function problem(issues: z.core.$ZodIssue[]): string {
  const issue = issues[0];
  return `${issue?.path.join('.')} ${issue?.message}`;
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const where = path.join(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(where, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CITY profile file ${where} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ConfigError(`CITY profile file ${where}: ${problem(parsed.error.issues)}`);
  return parsed.data;
}

/** Loads and checks the city profile folder (cities/<CITY>/). */
export function loadCity(cityDir: string): City {
  return {
    profile: readJson(cityDir, 'profile.json', profileSchema),
    districts: readJson(cityDir, 'districts.json', districtsSchema).districts,
    demo: readJson(cityDir, 'demo.json', demoSchema),
  };
}

/** A module's section of the city profile, with the zod schema that the module owns. */
export type CitySection<T> = {
  key: string;
  /** Checks the section; the app calls it for every module when it is built, so a wrong value stops the start. */
  check(city: City): T;
  /** The checked section (defaults filled in). */
  of(holder: { city: City }): T;
};

/**
 * Declares a module's section of the profile (`profile[key]`, absent = `{}`). The message of a wrong value names the
 * field, e.g. `CITY profile: guides.speedKmh Too small: expected number to be >0`.
 */
export function citySection<S extends z.ZodType>(key: string, schema: S): CitySection<z.output<S>> {
  const checked = new WeakMap<CityProfile, z.output<S>>();
  const check = (city: City): z.output<S> => {
    const parsed = schema.safeParse(city.profile[key] ?? {});
    if (!parsed.success) throw new ConfigError(`CITY profile: ${key}.${problem(parsed.error.issues)}`);
    checked.set(city.profile, parsed.data);
    return parsed.data;
  };
  return { key, check, of: ({ city }) => checked.get(city.profile) ?? check(city) };
}
