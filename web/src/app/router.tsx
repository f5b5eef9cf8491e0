import { BrowserRouter, Route, Routes } from 'react-router';
import { platformModule } from '../modules/platform';
import { NotFoundPage } from '../modules/platform/NotFoundPage';
import { Guard } from './Guard';
import { Layout } from './Layout';
import type { WebModule } from './modules';

/** Every web module; a new module adds its routes and nav entries by appearing here. */
const modules: readonly WebModule[] = [platformModule];

const nav = modules.flatMap((module) => module.nav);
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
