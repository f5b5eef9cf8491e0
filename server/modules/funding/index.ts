import type { ModuleManifest } from '../../core/module.ts';
import { seedFundingDemo } from './funding.demo.ts';
import { fundingPolicies } from './funding.policy.ts';
import { fundingRoutes } from './funding.routes.ts';
import { fundingPersonalData, fundingRetention } from './privacy.ts';
import { sendFundingReminders } from './reminders.service.ts';
import { fundingSettingsSection } from './settings.ts';

export { COST_CATEGORIES } from './funding.terms.ts';

/**
 * Funding intercultural associations: calls, applications in steps with budget plans, reviews by several
 * reviewers, the allocation proposal, decisions, and the published list of funded projects.
 */
export const fundingModule: ModuleManifest = {
  name: 'funding',
  settings: fundingSettingsSection,
  policies: fundingPolicies,
  routes: fundingRoutes,
  jobs: [{ name: 'funding.reminders', intervalSeconds: 3_600, run: sendFundingReminders }],
  retention: fundingRetention,
  seedDemo: seedFundingDemo,
  personalData: fundingPersonalData,
};
