import { z } from 'zod';
import { type CitySection, citySection } from '../../core/city.ts';
import type { Ctx } from '../../core/context.ts';
import { GUIDE_KINDS, ONBOARDING_STEPS } from './guides.terms.ts';

const settingsSchema = z.object({
  speedKmh: z.number().positive().default(20),
  weights: z
    .object({
      unassigned: z.number().positive().default(1000),
      continuity: z.number().min(0).default(30),
      loadStep: z.number().min(0).default(10),
      kindMismatch: z.number().min(0).default(0),
    })
    .default({ unassigned: 1000, continuity: 30, loadStep: 10, kindMismatch: 0 }),
  proposalDeadlineHours: z.number().positive().default(24),
  reminderLeadHours: z.number().positive().default(24),
  onboardingReminderDays: z.number().int().positive().default(30),
  lateCancellationHours: z.number().positive().default(24),
  visibleDaysAfter: z.number().int().positive().default(30),
  requiredSteps: z.array(z.enum(ONBOARDING_STEPS)).default([...ONBOARDING_STEPS]),
  kindPreference: z
    .object({
      institution: z.enum(GUIDE_KINDS).nullable().default(null),
      caseworker: z.enum(GUIDE_KINDS).nullable().default(null),
      public: z.enum(GUIDE_KINDS).nullable().default(null),
    })
    .default({ institution: null, caseworker: null, public: null }),
});

/** The city profile's `guides` section: speed, weights, deadlines, required onboarding steps. */
export type GuideSettings = z.infer<typeof settingsSchema>;

const section = citySection('guides', settingsSchema);

/** The `guides` section of the city profile, for the manifest: checked when the app is built. */
export const guidesSettingsSection: CitySection<GuideSettings> = section;

/** The `guides` section of the city profile (defaults filled in where absent). */
export function guideSettings(ctx: Pick<Ctx, 'city'>): GuideSettings {
  return section.of(ctx);
}
