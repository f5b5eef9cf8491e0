import type { ModuleManifest } from '../../core/module.ts';
import { seedDirectoryDemo } from './directory.demo.ts';
import { directoryPolicies } from './directory.policy.ts';
import { directoryRoutes } from './directory.routes.ts';

/** Every offer in the city, found in ten languages (HSDS 3.0 data model with translations). */
export const directoryModule: ModuleManifest = {
  name: 'directory',
  policies: directoryPolicies,
  routes: directoryRoutes,
  seedDemo: seedDirectoryDemo,
};
