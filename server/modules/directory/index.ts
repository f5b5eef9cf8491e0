import type { ModuleManifest } from '../../core/module.ts';
import { seedDirectoryDemo } from './directory.demo.ts';
import { directoryPolicies } from './directory.policy.ts';
import { directoryRoutes } from './directory.routes.ts';
import { hsdsPolicies } from './hsds/hsds.policy.ts';
import { hsdsRoutes } from './hsds/hsds.routes.ts';
import { opendataPolicies } from './opendata/opendata.policy.ts';
import { opendataRoutes } from './opendata/opendata.routes.ts';
import { searchIndexOf } from './search/search.index.ts';
import { pruneSearchChanges } from './search.service.ts';

export { type OfferLink, type OfferPlace, publishedOfferPlaces, publishedOffersBySlug } from './lookups.ts';
export { nextTextRows, type TextRow } from './texts.ts';
/** Unmet searches about a category (the courses' demand view: searches for courses that found nothing). */
export { listUnmetSearchesAbout } from './search.service.ts';

/** The directory's categories and target groups: other modules (the network's topics) use the same lists. */
export { CATEGORIES, type Category, TARGET_GROUPS, type TargetGroup } from './directory.terms.ts';
/** iCalendar pieces the other modules' feeds share: a wall-clock time in the city's zone, the VTIMEZONE. */
export { vtimezone, zoned } from './opendata/calendar.ts';

/** Every offer in the city, found in ten languages (HSDS 3.0 data model with translations). */
export const directoryModule: ModuleManifest = {
  name: 'directory',
  policies: { ...directoryPolicies, ...hsdsPolicies, ...opendataPolicies },
  routes: directoryRoutes,
  extraRoutes: [
    { prefix: '/api/hsds', routes: hsdsRoutes },
    // Open data under /api/v1/directory/: exports, DCAT, an offer's calendar.
    { prefix: '/api/v1', routes: opendataRoutes },
  ],
  seedDemo: seedDirectoryDemo,
  jobs: [{ name: 'directory.prune_changes', intervalSeconds: 3600, run: pruneSearchChanges }],
  // The search index is built when the app starts (directory.routes.ts); /ready waits for it.
  ready: (services) => searchIndexOf(services.database).isReady,
};

/** For modules whose records are also directory offers (courses): the offer's input and the one way to write it. */
export type { ServiceInput as OfferInput } from './directory.model.ts';
export { insertServiceRecord as createOffer } from './records.ts';
