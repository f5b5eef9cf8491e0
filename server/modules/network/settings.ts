import { z } from 'zod';
import { type CitySection, citySection } from '../../core/city.ts';
import type { Ctx } from '../../core/context.ts';
import { EQUIPMENT } from './network.terms.ts';

const day = z.iso.date();
const settingsSchema = z.object({
  /** How many days ahead recurrences are expanded (stored occurrences, the overlap check, the iCal EXDATEs). */
  horizonDays: z.number().int().min(28).max(730).default(365),
  /** Each Ortsteil's neighbours (made symmetric when read: a neighbour of B is B's neighbour). */
  neighbours: z.record(z.string(), z.array(z.string())).default({}),
  /** School holidays of the city's state, first and last day (local dates). */
  schoolHolidays: z.array(z.object({ name: z.string().min(1), from: day, to: day })).default([]),
  /** The meeting centre (Duisburg: the Begegnungszentrum Marxloh) and its rooms. */
  centre: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The platform organisation that runs the house: its staff confirm or decline bookings. */
    organisationId: z.string().min(1),
    address: z.string().min(1),
    ortsteilId: z.string().min(1),
    rooms: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          name: z.string().min(1),
          capacity: z.number().int().positive(),
          equipment: z.array(z.enum(EQUIPMENT)),
        }),
      )
      .min(1),
  }),
});

/** The city profile's `network` section: neighbours, school holidays, the expansion horizon, the meeting centre. */
export type NetworkSettings = z.infer<typeof settingsSchema>;

const section = citySection('network', settingsSchema);

/** The `network` section of the city profile, for the manifest: checked when the app is built. */
export const networkSettingsSection: CitySection<NetworkSettings> = section;

/** The `network` section of the city profile. */
export function networkSettings(ctx: Pick<Ctx, 'city'>): NetworkSettings {
  return section.of(ctx);
}

const symmetric = new WeakMap<object, Map<string, Set<string>>>();

/** The Ortsteil and its neighbours (the profile's lists, made symmetric). */
export function nearbyOrtsteile(ctx: Pick<Ctx, 'city'>, ortsteilId: string): string[] {
  const settings = networkSettings(ctx);
  let map = symmetric.get(settings);
  if (!map) {
    map = new Map();
    const add = (a: string, b: string) => {
      if (!map?.has(a)) map?.set(a, new Set());
      map?.get(a)?.add(b);
    };
    for (const [a, list] of Object.entries(settings.neighbours))
      for (const b of list) {
        add(a, b);
        add(b, a);
      }
    symmetric.set(settings, map);
  }
  return [ortsteilId, ...[...(map.get(ortsteilId) ?? [])].filter((id) => id !== ortsteilId).sort()];
}
