import type { ModuleManifest, PersonalData } from '../core/module.ts';
import { counsellingModule } from './counselling/index.ts';
import { coursesModule } from './courses/index.ts';
import { directoryModule } from './directory/index.ts';
import { fundingModule } from './funding/index.ts';
import { guidesModule } from './guides/index.ts';
import { pagesModule } from './pages/index.ts';
import { networkModule } from './network/index.ts';
import { platformModule } from './platform/index.ts';
import { reportsModule } from './reports/index.ts';
import { schoolingModule } from './schooling/index.ts';

/** Every module of Lotse, in start-up order. Add a module here and in ARCHITECTURE.md. */
export function allModules(): ModuleManifest[] {
  const modules: ModuleManifest[] = [];
  const personalData = (): PersonalData[] => modules.flatMap((m) => (m.personalData ? [m.personalData] : []));
  modules.push(
    platformModule(personalData),
    directoryModule,
    guidesModule,
    schoolingModule,
    reportsModule,
    pagesModule,
    networkModule,
    coursesModule,
    counsellingModule,
    fundingModule,
  );
  return modules;
}
