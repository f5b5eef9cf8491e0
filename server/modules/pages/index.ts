import type { ModuleManifest } from '../../core/module.ts';
import { checkLinks } from './checks.service.ts';
import { pagesRetention, sendDuePushes } from './news.service.ts';
import { seedPagesDemo } from './pages.demo.ts';
import { pagesPolicies } from './pages.policy.ts';
import { pagesRoutes } from './pages.routes.ts';

export { EASY_GERMAN, PAGE_LANGS } from './pages.terms.ts';

/**
 * Arriving in the city: a tree of step-by-step information pages in ten languages and Leichte Sprache (what to
 * do, where, what to bring, costs, duration), edited draft → review → published with history.
 */
export const pagesModule: ModuleManifest = {
  name: 'pages',
  policies: pagesPolicies,
  routes: pagesRoutes,
  seedDemo: seedPagesDemo,
  retention: pagesRetention,
  // The nightly link check: dead external links and linked offers no longer published, listed for editors.
  // Web push of published news: sent right after the publish's answer; this job retries what failed.
  jobs: [
    { name: 'pages.link_check', intervalSeconds: 86_400, run: checkLinks },
    { name: 'pages.push_send', intervalSeconds: 60, run: sendDuePushes },
  ],
};
