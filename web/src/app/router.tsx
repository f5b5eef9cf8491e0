import { BrowserRouter, Route, Routes } from 'react-router';
import { counsellingModule } from '../modules/counselling';
import { coursesModule } from '../modules/courses';
import { directoryModule } from '../modules/directory';
import { directoryEditorModule } from '../modules/directory-editor';
import { fundingModule } from '../modules/funding';
import { guidesModule } from '../modules/guides';
import { pagesModule } from '../modules/pages';
import { networkModule } from '../modules/network';
import { platformModule } from '../modules/platform';
import { reportsModule } from '../modules/reports';
import { schoolingModule } from '../modules/schooling';
import { NotFoundPage } from '../modules/platform/NotFoundPage';
import { Guard } from './Guard';
import { Layout } from './Layout';
import type { WebModule } from './modules';

/** Every web module; a new module adds its routes and nav entries by appearing here. */
const modules: readonly WebModule[] = [
  platformModule,
  directoryModule,
  directoryEditorModule,
  schoolingModule,
  guidesModule,
  reportsModule,
  pagesModule,
  networkModule,
  coursesModule,
  counsellingModule,
  fundingModule,
];

const nav = modules
  .flatMap((module) => module.nav)
  .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
const routes = modules.flatMap((module) => module.routes);

/** The app's pages inside the shared layout. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout nav={nav} />}>
          {routes.map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={<Guard audience={route.audience}>{route.element}</Guard>}
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
