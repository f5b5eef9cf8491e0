import type { ModuleManifest, PersonalData } from '../core/module.ts';
import { directoryModule } from './directory/index.ts';
import { platformModule } from './platform/index.ts';

/** Every module of Lotse, in start-up order. Add a module here and in ARCHITECTURE.md. */
export function allModules(): ModuleManifest[] {
  const modules: ModuleManifest[] = [];
  const personalData = (): PersonalData[] => modules.flatMap((m) => (m.personalData ? [m.personalData] : []));
  modules.push(platformModule(personalData), directoryModule);
  return modules;
}
