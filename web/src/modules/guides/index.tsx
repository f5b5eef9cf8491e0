import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './guides.css';

// Loaded on first use: each audience opens only its own pages.
const PublicRequestPage = lazy(() =>
  import('./PublicRequestPage').then((module) => ({ default: module.PublicRequestPage })),
);
const FollowPage = lazy(() => import('./FollowPage').then((module) => ({ default: module.FollowPage })));
const RequestsPage = lazy(() =>
  import('./RequestsPage').then((module) => ({ default: module.RequestsPage })),
);
const BookPage = lazy(() => import('./BookPage').then((module) => ({ default: module.BookPage })));
const RequestDetailPage = lazy(() =>
  import('./RequestDetailPage').then((module) => ({ default: module.RequestDetailPage })),
);
const ProposalsPage = lazy(() =>
  import('./ProposalsPage').then((module) => ({ default: module.ProposalsPage })),
);
const AssignmentsPage = lazy(() =>
  import('./AssignmentsPage').then((module) => ({ default: module.AssignmentsPage })),
);
const AssignmentPage = lazy(() =>
  import('./AssignmentsPage').then((module) => ({ default: module.AssignmentPage })),
);
const ProfilePage = lazy(() => import('./ProfilePage').then((module) => ({ default: module.ProfilePage })));
const PoolPage = lazy(() => import('./PoolPage').then((module) => ({ default: module.PoolPage })));
const GuidePage = lazy(() => import('./PoolPage').then((module) => ({ default: module.GuidePage })));
const MatchingPage = lazy(() =>
  import('./MatchingPage').then((module) => ({ default: module.MatchingPage })),
);
const RecruitmentPage = lazy(() =>
  import('./RecruitmentPage').then((module) => ({ default: module.RecruitmentPage })),
);
const StatementsPage = lazy(() =>
  import('./StatementsPage').then((module) => ({ default: module.StatementsPage })),
);
const StatementPage = lazy(() =>
  import('./StatementsPage').then((module) => ({ default: module.StatementPage })),
);
const FeedbackPage = lazy(() =>
  import('./FeedbackPage').then((module) => ({ default: module.FeedbackPage })),
);

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

const bookers = ['institution', 'caseworker', 'coordinator', 'admin'] as const;
const guides = ['guide'] as const;
const coordinators = ['coordinator', 'admin'] as const;
const statementReaders = ['guide', 'coordinator', 'admin'] as const;

/** Lotsen and mediators: ask for one, book one, match them, accept, log, rate, and the monthly statements. */
export const guidesModule: WebModule = {
  name: 'guides',
  routes: [
    { path: '/guides/request', element: page(<PublicRequestPage />), audience: 'everyone' },
    { path: '/guides/follow/:code', element: page(<FollowPage />), audience: 'everyone' },
    { path: '/guides/requests', element: page(<RequestsPage />), audience: bookers },
    { path: '/guides/requests/new', element: page(<BookPage />), audience: bookers },
    { path: '/guides/requests/:id', element: page(<RequestDetailPage />), audience: bookers },
    { path: '/guides/proposals', element: page(<ProposalsPage />), audience: guides },
    { path: '/guides/assignments', element: page(<AssignmentsPage />), audience: guides },
    { path: '/guides/assignments/:id', element: page(<AssignmentPage />), audience: guides },
    { path: '/guides/profile', element: page(<ProfilePage />), audience: guides },
    { path: '/guides/pool', element: page(<PoolPage />), audience: coordinators },
    { path: '/guides/pool/:id', element: page(<GuidePage />), audience: coordinators },
    { path: '/guides/matching', element: page(<MatchingPage />), audience: coordinators },
    { path: '/guides/recruitment', element: page(<RecruitmentPage />), audience: coordinators },
    { path: '/guides/feedback', element: page(<FeedbackPage />), audience: coordinators },
    { path: '/guides/statements', element: page(<StatementsPage />), audience: statementReaders },
    {
      path: '/guides/statements/:guideId/:month',
      element: page(<StatementPage />),
      audience: statementReaders,
    },
  ],
  nav: [
    // Newcomers and residents ask for a Lotse; only one of the two entries shows at a time.
    { to: '/guides/request', label: 'guides:nav.request', audience: 'anonymous', order: 5 },
    { to: '/guides/request', label: 'guides:nav.request', audience: ['resident'], order: 5 },
    { to: '/guides/requests', label: 'guides:nav.requests', audience: bookers, order: 5 },
    { to: '/guides/proposals', label: 'guides:nav.proposals', audience: guides, order: 5 },
    { to: '/guides/assignments', label: 'guides:nav.assignments', audience: guides, order: 6 },
    { to: '/guides/profile', label: 'guides:nav.profile', audience: guides, order: 7 },
    { to: '/guides/pool', label: 'guides:nav.pool', audience: coordinators, order: 6 },
    { to: '/guides/matching', label: 'guides:nav.matching', audience: coordinators, order: 7 },
    { to: '/guides/recruitment', label: 'guides:nav.recruitment', audience: coordinators, order: 8 },
    { to: '/guides/feedback', label: 'guides:nav.feedback', audience: coordinators, order: 9 },
    { to: '/guides/statements', label: 'guides:nav.statements', audience: statementReaders, order: 10 },
  ],
};
