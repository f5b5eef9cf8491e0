import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './editor.css';

// Loaded on first use: only editors and coordinators ever open these pages.
const ListPage = lazy(() => import('./ListPage').then((module) => ({ default: module.ListPage })));
const EditPage = lazy(() => import('./EditPage').then((module) => ({ default: module.EditPage })));
const HistoryPage = lazy(() => import('./HistoryPage').then((module) => ({ default: module.HistoryPage })));
const TranslationsPage = lazy(() =>
  import('./TranslationsPage').then((module) => ({ default: module.TranslationsPage })),
);
const PendingTextsPage = lazy(() =>
  import('./PendingTextsPage').then((module) => ({ default: module.PendingTextsPage })),
);
const UnmetPage = lazy(() => import('./UnmetPage').then((module) => ({ default: module.UnmetPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

const editors = ['association', 'institution', 'coordinator', 'admin'] as const;
const coordinators = ['coordinator', 'admin'] as const;

/** Editing the directory: one's own offers, the coordinators' review queue, translation work, unmet demand. */
export const directoryEditorModule: WebModule = {
  name: 'directory-editor',
  routes: [
    { path: '/editor', element: page(<ListPage />), audience: editors },
    { path: '/editor/new', element: page(<EditPage />), audience: editors },
    { path: '/editor/:id', element: page(<EditPage />), audience: editors },
    { path: '/editor/:id/history', element: page(<HistoryPage />), audience: editors },
    { path: '/translations', element: page(<TranslationsPage />), audience: coordinators },
    { path: '/translations/:lang', element: page(<PendingTextsPage />), audience: coordinators },
    { path: '/unmet-searches', element: page(<UnmetPage />), audience: coordinators },
  ],
  nav: [
    { to: '/editor', label: 'directory-editor:nav.offers', audience: editors, order: 2 },
    { to: '/translations', label: 'directory-editor:nav.translations', audience: coordinators, order: 3 },
    { to: '/unmet-searches', label: 'directory-editor:nav.unmet', audience: coordinators, order: 4 },
  ],
};
