import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './counselling.css';

// Loaded on first use.
const BookPage = lazy(() => import('./BookPage').then((module) => ({ default: module.BookPage })));
const FollowPage = lazy(() => import('./FollowPage').then((module) => ({ default: module.FollowPage })));
const CasesPage = lazy(() => import('./CasesPage').then((module) => ({ default: module.CasesPage })));
const NewCasePage = lazy(() => import('./NewCasePage').then((module) => ({ default: module.NewCasePage })));
const CasePage = lazy(() => import('./CasePage').then((module) => ({ default: module.CasePage })));
const BreakGlassPage = lazy(() =>
  import('./BreakGlassPage').then((module) => ({ default: module.BreakGlassPage })),
);
const LeadsPage = lazy(() => import('./LeadsPage').then((module) => ({ default: module.LeadsPage })));
const FiguresPage = lazy(() => import('./FiguresPage').then((module) => ({ default: module.FiguresPage })));
const ClinicPage = lazy(() => import('./ClinicPage').then((module) => ({ default: module.ClinicPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Counsellors: staff with the `counselling` scope (caseworkers of a counselling service), as the server's policy. */
const counsellors = { scope: 'counselling' } as const;
/** The clinic's staff: institution accounts of a clinic. */
const clinicStaff = { roles: ['institution'], organisationKinds: ['clinic'] } as const;
/** The data-protection officer: the platform's admins. */
const privacyOfficer = ['admin'] as const;
/** Figures: the KI's coordinators and the admins. */
const coordinators = ['coordinator', 'admin'] as const;

/** The Clearingstelle and migration counselling: booking, the follow page, cases, the clinic's step. */
export const counsellingModule: WebModule = {
  name: 'counselling',
  routes: [
    { path: '/beratung', element: page(<BookPage />), audience: 'everyone' },
    { path: '/beratung/code/:code', element: page(<FollowPage />), audience: 'everyone' },
    { path: '/counselling', element: page(<CasesPage />), audience: counsellors },
    { path: '/counselling/new', element: page(<NewCasePage />), audience: counsellors },
    { path: '/counselling/clinic', element: page(<ClinicPage />), audience: clinicStaff },
    { path: '/counselling/figures', element: page(<FiguresPage />), audience: coordinators },
    { path: '/counselling/break-glass', element: page(<BreakGlassPage />), audience: privacyOfficer },
    { path: '/counselling/leads', element: page(<LeadsPage />), audience: privacyOfficer },
    { path: '/counselling/:id', element: page(<CasePage />), audience: counsellors },
  ],
  nav: [
    { to: '/beratung', label: 'counselling:nav.book', audience: 'anonymous', order: 9 },
    { to: '/counselling', label: 'counselling:nav.cases', audience: counsellors, order: 5 },
    { to: '/counselling/clinic', label: 'counselling:nav.clinic', audience: clinicStaff, order: 7 },
    { to: '/counselling/figures', label: 'counselling:nav.figures', audience: coordinators, order: 11 },
    {
      to: '/counselling/break-glass',
      label: 'counselling:nav.breakGlass',
      audience: privacyOfficer,
      order: 12,
    },
    { to: '/counselling/leads', label: 'counselling:nav.leads', audience: privacyOfficer, order: 13 },
  ],
};
