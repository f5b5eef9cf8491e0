import { z } from 'zod';
import { type CitySection, citySection } from '../../core/city.ts';
import type { Ctx } from '../../core/context.ts';

const settingsSchema = z.object({
  /** How long a freed place is held for the first waiting person before it goes to the next. */
  offerHours: z.number().int().positive().default(72),
  /** Enrolments are deleted this many months after their course ended. */
  deleteMonthsAfterEnd: z.number().int().positive().default(12),
});

/** The city profile's `courses` section: the offer deadline, when enrolments are deleted. */
export type CoursesSettings = z.infer<typeof settingsSchema>;

const section = citySection('courses', settingsSchema);

/** The `courses` section of the city profile, for the manifest: checked when the app is built. */
export const coursesSettingsSection: CitySection<CoursesSettings> = section;

/** The `courses` section of the city profile. */
export function coursesSettings(ctx: Pick<Ctx, 'city'>): CoursesSettings {
  return section.of(ctx);
}
