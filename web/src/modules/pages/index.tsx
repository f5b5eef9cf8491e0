import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './pages.css';

// Loaded on first use.
const PagesIndex = lazy(() => import('./PagesIndex').then((module) => ({ default: module.PagesIndex })));
const PageView = lazy(() => import('./PageView').then((module) => ({ default: module.PageView })));
const EditorListPage = lazy(() =>
  import('./EditorListPage').then((module) => ({ default: module.EditorListPage })),
);
const EditorPage = lazy(() => import('./EditorPage').then((module) => ({ default: module.EditorPage })));
const GlossaryPage = lazy(() =>
  import('./GlossaryPage').then((module) => ({ default: module.GlossaryPage })),
);
const ChecksPage = lazy(() => import('./ChecksPage').then((module) => ({ default: module.ChecksPage })));
const NewsEditorPage = lazy(() =>
  import('./NewsEditorPage').then((module) => ({ default: module.NewsEditorPage })),
);
const LazyHomeNews = lazy(() => import('./HomeNews').then((module) => ({ default: module.HomeNews })));

/** The current news for the home page (loaded on first use; the platform's home page shows it). */
export function HomeNews() {
  return (
    <Suspense fallback={null}>
      <LazyHomeNews />
    </Suspense>
  );
}

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Coordinators and admins edit every page; associations and institutions their organisation's (as the policy). */
const editors = ['coordinator', 'admin', 'association', 'institution'] as const;

/** Arriving in the city: step-by-step information pages, read aloud, in ten languages and Leichte Sprache. */
export const pagesModule: WebModule = {
  name: 'pages',
  routes: [
    { path: '/seiten', element: page(<PagesIndex />), audience: 'everyone' },
    { path: '/seiten/:slug', element: page(<PageView />), audience: 'everyone' },
    { path: '/seiten-editor', element: page(<EditorListPage />), audience: editors },
    { path: '/seiten-editor/neu', element: page(<EditorPage />), audience: ['coordinator', 'admin'] },
    { path: '/seiten-editor/glossar', element: page(<GlossaryPage />), audience: ['coordinator', 'admin'] },
    { path: '/seiten-editor/pruefen', element: page(<ChecksPage />), audience: editors },
    {
      path: '/seiten-editor/nachrichten',
      element: page(<NewsEditorPage />),
      audience: ['coordinator', 'admin'],
    },
    { path: '/seiten-editor/:id', element: page(<EditorPage />), audience: editors },
  ],
  nav: [
    { to: '/seiten', label: 'pages:nav.pages', audience: 'everyone', order: 0 },
    { to: '/seiten-editor', label: 'pages:nav.editor', audience: ['coordinator', 'admin'], order: 3 },
  ],
};
