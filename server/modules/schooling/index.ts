import type { ModuleManifest } from '../../core/module.ts';
import { schoolingRetention } from './retention.ts';
import { seedSchoolingDemo } from './schooling.demo.ts';
import { schoolingPolicies } from './schooling.policy.ts';
import { schoolingRoutes } from './schooling.routes.ts';
import { schoolingSettingsSection } from './settings.ts';

export { SCHOOL_FORMS, SEAT_KINDS } from './schooling.terms.ts';

/**
 * Newly arrived children: intake, counselling, assessment, school places, the explained optimal placement,
 * the family's letter and the waiting-time figures. Children's records are for KI caseworkers; a school sees the
 * children sent to it once the family agreed to share.
 */
export const schoolingModule: ModuleManifest = {
  name: 'schooling',
  settings: schoolingSettingsSection,
  policies: schoolingPolicies,
  routes: schoolingRoutes,
  retention: schoolingRetention,
  seedDemo: seedSchoolingDemo,
};
