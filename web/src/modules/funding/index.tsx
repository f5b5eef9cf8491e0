import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './funding.css';

// Loaded on first use.
const CallsPage = lazy(() => import('./CallsPage').then((module) => ({ default: module.CallsPage })));
const CallPage = lazy(() => import('./CallsPage').then((module) => ({ default: module.CallPage })));
const OverviewPage = lazy(() =>
  import('./OverviewPage').then((module) => ({ default: module.OverviewPage })),
);
const ApplicationPage = lazy(() =>
  import('./ApplicationPage').then((module) => ({ default: module.ApplicationPage })),
);
const ReviewPage = lazy(() => import('./ReviewPage').then((module) => ({ default: module.ReviewPage })));
const AllocationPage = lazy(() =>
  import('./AllocationPage').then((module) => ({ default: module.AllocationPage })),
);
const FiguresPage = lazy(() => import('./FiguresPage').then((module) => ({ default: module.FiguresPage })));
const ScoresPage = lazy(() => import('./ScoresPage').then((module) => ({ default: module.ScoresPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Associations apply; coordinators decide (as the server's policy). */
const applicants = ['association', 'coordinator', 'admin'] as const;
const coordinators = ['coordinator', 'admin'] as const;
/** Staff a call may name as reviewers besides coordinators: their way to the applications they score. */
const reviewers = ['institution', 'caseworker'] as const;

/**
 * Funding of intercultural associations: the public calls and a call's page; the association's application in
 * steps; the reviewer's scoring; the coordinator's score table, the allocation proposal and the decisions. Reviewers are any signed-in
 * account named by a call, so the overview and the review page are open to every signed-in user.
 */
export const fundingModule: WebModule = {
  name: 'funding',
  routes: [
    { path: '/foerderung', element: page(<CallsPage />), audience: 'everyone' },
    { path: '/foerderung/:id', element: page(<CallPage />), audience: 'everyone' },
    { path: '/funding', element: page(<OverviewPage />), audience: 'authenticated' },
    { path: '/funding/figures', element: page(<FiguresPage />), audience: coordinators },
    { path: '/funding/calls/:id/scores', element: page(<ScoresPage />), audience: coordinators },
    { path: '/funding/calls/:id/allocation', element: page(<AllocationPage />), audience: coordinators },
    { path: '/funding/:id', element: page(<ApplicationPage />), audience: applicants },
    { path: '/funding/:id/review', element: page(<ReviewPage />), audience: 'authenticated' },
  ],
  nav: [
    { to: '/foerderung', label: 'funding:nav.calls', audience: 'everyone', order: 9 },
    { to: '/funding', label: 'funding:nav.funding', audience: applicants, order: 7 },
    { to: '/funding', label: 'funding:nav.reviews', audience: reviewers, order: 7 },
    { to: '/funding/figures', label: 'funding:nav.figures', audience: coordinators, order: 8 },
  ],
};
