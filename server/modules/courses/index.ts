import type { ModuleManifest } from '../../core/module.ts';
import { seedCoursesDemo } from './courses.demo.ts';
import { coursesPolicies } from './courses.policy.ts';
import { coursesRoutes } from './courses.routes.ts';
import { expireOffers } from './enrolment.service.ts';
import { coursesPersonalData, coursesRetention } from './retention.ts';
import { coursesSettingsSection } from './settings.ts';

export { COURSE_KINDS } from './courses.terms.ts';

/**
 * Language courses for children and parents: every course is a directory offer; enrolment without an account in
 * any UI language; places and waiting lists decided by the database; offers of freed places with a deadline.
 */
export const coursesModule: ModuleManifest = {
  name: 'courses',
  settings: coursesSettingsSection,
  policies: coursesPolicies,
  routes: coursesRoutes,
  jobs: [{ name: 'courses.offers_expire', intervalSeconds: 300, run: expireOffers }],
  retention: coursesRetention,
  seedDemo: seedCoursesDemo,
  personalData: coursesPersonalData,
};
