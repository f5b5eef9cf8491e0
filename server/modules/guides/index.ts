import type { ModuleManifest } from '../../core/module.ts';
import { afterPolicies, afterRetention, afterRoutes } from './after/index.ts';
import { seedGuidesDemo } from './guides.demo.ts';
import { guidesPolicies } from './guides.policy.ts';
import * as repo from './guides.repository.ts';
import { guidesRoutes } from './guides.routes.ts';
import { guidesPersonalData, guidesRetention } from './privacy.ts';
import { remindExpiringSteps } from './profiles.service.ts';
import { expireProposals, sendReminders } from './proposals.service.ts';
import { guideSettings, guidesSettingsSection } from './settings.ts';

export { waitForRun } from './matching.service.ts';
export { createRequest as createGuideRequest } from './requests.service.ts';
export { guideSettings } from './settings.ts';
export { requestStates as guideRequestStates } from './guides.repository.ts';

/** Lotsen and mediators: profiles, requests, optimal and explained matching, proposals, messages. */
export const guidesModule: ModuleManifest = {
  name: 'guides',
  settings: guidesSettingsSection,
  policies: { ...guidesPolicies, ...afterPolicies },
  routes: async (app, options) => {
    await guidesRoutes(app, options);
    await afterRoutes(app, options);
  },
  jobs: [
    { name: 'guides.proposals_expire', intervalSeconds: 300, run: expireProposals },
    { name: 'guides.reminders', intervalSeconds: 900, run: sendReminders },
    { name: 'guides.onboarding_reminders', intervalSeconds: 86_400, run: remindExpiringSteps },
  ],
  retention: { ...guidesRetention, ...afterRetention },
  // The trigger that refuses double bookings reads the city's travel speed from app_meta.
  seedBase: (ctx) => repo.upsertSpeedSetting(ctx.db, guideSettings(ctx).speedKmh),
  seedDemo: seedGuidesDemo,
  personalData: guidesPersonalData,
};
