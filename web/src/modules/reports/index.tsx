import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './reports.css';

// Loaded on first use.
const ReportPage = lazy(() => import('./ReportPage').then((module) => ({ default: module.ReportPage })));
const FollowPage = lazy(() => import('./FollowPage').then((module) => ({ default: module.FollowPage })));
const StatisticsPage = lazy(() =>
  import('./StatisticsPage').then((module) => ({ default: module.StatisticsPage })),
);
const CasesPage = lazy(() => import('./CasesPage').then((module) => ({ default: module.CasesPage })));
const CasePage = lazy(() => import('./CasePage').then((module) => ({ default: module.CasePage })));
const IntakePage = lazy(() => import('./IntakePage').then((module) => ({ default: module.IntakePage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Counsellors of an advice centre: staff with the `reports` scope (as the server's policy). */
const counsellors = { scope: 'reports' } as const;

/** Reporting discrimination and extremism: the anonymous form, the follow page, statistics, the cases. */
export const reportsModule: WebModule = {
  name: 'reports',
  routes: [
    { path: '/melden', element: page(<ReportPage />), audience: 'everyone' },
    { path: '/melden/code/:code', element: page(<FollowPage />), audience: 'everyone' },
    { path: '/melden/statistik', element: page(<StatisticsPage />), audience: 'everyone' },
    { path: '/reports', element: page(<CasesPage />), audience: counsellors },
    { path: '/reports/new', element: page(<IntakePage />), audience: counsellors },
    { path: '/reports/:id', element: page(<CasePage />), audience: counsellors },
  ],
  nav: [
    { to: '/melden', label: 'reports:nav.report', audience: 'anonymous', order: 8 },
    { to: '/reports', label: 'reports:nav.cases', audience: counsellors, order: 5 },
  ],
};
