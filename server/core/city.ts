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

const profileSchema = z.object({
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
  schooling: z.object({
    anonymiseMonthsAfterFirstSchoolDay: z.number().int().positive(),
    /** Where counselling takes place: a mediator booked for it is sent there. */
    counsellingPlace: z.object({ address: z.string().min(1), ortsteilId: z.string().min(1) }),
  }),
  /** The guides module's settings; that module validates them (server/modules/guides/settings.ts). */
  guides: z.unknown().optional(),
  branding: z.object({ title: z.string(), organisation: z.string() }),
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

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const where = path.join(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(where, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CITY profile file ${where} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`CITY profile file ${where}: ${issue?.path.join('.')} ${issue?.message}`);
  }
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
