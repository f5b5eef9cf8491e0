import type { ModuleManifest } from '../../core/module.ts';
import { extendOccurrences } from './activities.service.ts';
import { syncFeeds } from './feeds.service.ts';
import { networkPolicies } from './network.policy.ts';
import { networkRoutes } from './network.routes.ts';
import { seedNetworkDemo, seedRooms } from './network.demo.ts';
import { networkPersonalData, networkRetention } from './privacy.ts';
import { networkSettingsSection } from './settings.ts';

export { ACTOR_KINDS } from './network.terms.ts';

/**
 * The network of actors (issue 18): the register of actors (approved by the KI), their activities in one shared
 * calendar with overlap warnings (recurrences expanded into a range-indexed table), the public calendar and its
 * iCalendar feeds, and the rooms of the meeting centre (never double-booked: an exclusion constraint).
 */
export const networkModule: ModuleManifest = {
  name: 'network',
  settings: networkSettingsSection,
  policies: networkPolicies,
  routes: networkRoutes,
  // Every day the actors' iCal feeds are fetched and brought in line, then the horizon of the stored recurrences
  // moves on.
  jobs: [
    {
      name: 'network.occurrences_extend',
      intervalSeconds: 86_400,
      run: async (ctx) => ({ ...(await syncFeeds(ctx)), ...(await extendOccurrences(ctx)) }),
    },
  ],
  retention: networkRetention,
  seedBase: seedRooms,
  seedDemo: seedNetworkDemo,
  personalData: networkPersonalData,
};
