import type { ModuleManifest } from '../../core/module.ts';
import { seedCounsellingDemo } from './counselling.demo.ts';
import { counsellingPolicies } from './counselling.policy.ts';
import { counsellingRoutes } from './counselling.routes.ts';
import { counsellingPersonalData, counsellingRetention } from './retention.ts';
import { sendCounsellingReminders } from './reminders.service.ts';
import { prepareCounsellingSealing } from './sealing.ts';
import { extendSlots } from './slots.ts';

export { HEALTH_OUTCOMES, TOPICS } from './counselling.terms.ts';

/**
 * The Clearingstelle and migration counselling: appointments booked in the client's language, cases under
 * purpose-bound consent (person and notes sealed at rest), the health-insurance checklist and outcomes, referrals
 * with a consent per recipient, and the clinic's step. Counsellors are caseworkers of a "counselling" organisation
 * (the `counselling` scope); the clinic's staff are institution accounts of a "clinic" organisation.
 */
export const counsellingModule: ModuleManifest = {
  name: 'counselling',
  policies: counsellingPolicies,
  routes: counsellingRoutes,
  seedBase: async (ctx) => {
    await prepareCounsellingSealing(ctx);
    await extendSlots(ctx);
  },
  seedDemo: seedCounsellingDemo,
  jobs: [{ name: 'counselling.reminders', intervalSeconds: 900, run: sendCounsellingReminders }],
  retention: counsellingRetention,
  personalData: counsellingPersonalData,
};
