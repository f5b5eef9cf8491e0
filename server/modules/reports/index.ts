import type { ModuleManifest } from '../../core/module.ts';
import { reportsPolicies } from './reports.policy.ts';
import { reportsRoutes } from './reports.routes.ts';
import { seedReportsDemo } from './reports.demo.ts';
import { reportsPersonalData, reportsRetention } from './retention.ts';
import { prepareSealing } from './sealing.ts';

export { GROUNDS, SETTINGS } from './reports.terms.ts';

/**
 * Reporting discrimination and extremism: anonymous reports in any UI language with a follow code instead of a
 * name, the advice centre's case handling (counsellors: caseworkers of an organisation of kind "advice"), and
 * published statistics with small counts suppressed.
 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  policies: reportsPolicies,
  routes: reportsRoutes,
  retention: reportsRetention,
  seedBase: prepareSealing,
  seedDemo: seedReportsDemo,
  personalData: reportsPersonalData,
};
