import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './directory.css';

// Loaded on first use: the map library is large, and most visits of other pages never need it.
const SearchPage = lazy(() => import('./SearchPage').then((module) => ({ default: module.SearchPage })));
const DetailPage = lazy(() => import('./DetailPage').then((module) => ({ default: module.DetailPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** The public directory: find offers (list and map) and read one offer; works offline once seen. */
export const directoryModule: WebModule = {
  name: 'directory',
  routes: [
    { path: '/angebote', element: page(<SearchPage />), audience: 'everyone' },
    { path: '/angebote/:slug', element: page(<DetailPage />), audience: 'everyone' },
  ],
  nav: [{ to: '/angebote', label: 'directory:nav.search', audience: 'everyone', order: 1 }],
};
