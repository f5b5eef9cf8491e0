import { z } from 'zod';
import { type CitySection, citySection } from '../../core/city.ts';
import type { Ctx } from '../../core/context.ts';

const settingsSchema = z.object({
  anonymiseMonthsAfterFirstSchoolDay: z.number().int().positive(),
  /** Where counselling takes place: a mediator booked for it is sent there. */
  counsellingPlace: z.object({ address: z.string().min(1), ortsteilId: z.string().min(1) }),
});

/** The city profile's `schooling` section: when records are anonymised, where counselling takes place. */
export type SchoolingSettings = z.infer<typeof settingsSchema>;

const section = citySection('schooling', settingsSchema);

/** The `schooling` section of the city profile, for the manifest: checked when the app is built. */
export const schoolingSettingsSection: CitySection<SchoolingSettings> = section;

/** The `schooling` section of the city profile. */
export function schoolingSettings(ctx: Pick<Ctx, 'city'>): SchoolingSettings {
  return section.of(ctx);
}
