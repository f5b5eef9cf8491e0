import type { ModuleManifest, PersonalData } from '../../core/module.ts';
import { platformPolicies } from './platform.policy.ts';
import { platformRoutes } from './platform.routes.ts';
import { seedDemoAccounts, seedLocales } from './platform.seed.ts';
import { platformPersonalData, platformRetention } from './privacy.service.ts';

export { listConsents, recordConsent, requireConsent, withdrawConsent } from './privacy.service.ts';
export { resolveSession } from './auth.service.ts';
export { SESSION_COOKIE } from './platform.routes.ts';
export { ensureDemoAccounts, ensureOrganisation } from './platform.seed.ts';
export {
  type Account,
  accountNames,
  accountsByIds,
  createAccount,
  findAccount,
  findAccountByEmail,
  findOrganisationById,
  listOrganisationsOfKind,
  organisationNames,
  organisationsByIds,
} from './lookups.ts';

/** Accounts, roles, organisations, audit, consent and retention: what every module stands on. */
export function platformModule(allPersonalData: () => PersonalData[]): ModuleManifest {
  return {
    name: 'platform',
    policies: platformPolicies,
    routes: platformRoutes(allPersonalData),
    retention: platformRetention,
    seedBase: seedLocales,
    seedDemo: seedDemoAccounts,
    personalData: platformPersonalData,
  };
}
