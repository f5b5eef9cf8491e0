import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './schooling.css';

// Loaded on first use: only families registering and KI or school staff open these pages.
const RegisterPage = lazy(() =>
  import('./RegisterPage').then((module) => ({ default: module.RegisterPage })),
);
const ChildrenPage = lazy(() =>
  import('./ChildrenPage').then((module) => ({ default: module.ChildrenPage })),
);
const NewChildPage = lazy(() =>
  import('./NewChildPage').then((module) => ({ default: module.NewChildPage })),
);
const ChildPage = lazy(() => import('./ChildPage').then((module) => ({ default: module.ChildPage })));
const PlacementPage = lazy(() =>
  import('./PlacementPage').then((module) => ({ default: module.PlacementPage })),
);
const SchoolPage = lazy(() => import('./SchoolPage').then((module) => ({ default: module.SchoolPage })));
const FiguresPage = lazy(() => import('./FiguresPage').then((module) => ({ default: module.FiguresPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Children's records are the KI caseworkers' alone; figures (aggregates) also the coordinators'. */
const caseworkers = { roles: ['caseworker'], organisationKinds: ['ki'] } as const;
const kiStaff = ['caseworker', 'coordinator', 'admin'] as const;
/** School staff sign in with the institution role of their school; a clinic's staff have no school page. */
const schoolStaff = { roles: ['institution'], organisationKinds: ['school'] } as const;

/** Newly arrived children: the family's registration, intake, counselling, placement, school places, figures. */
export const schoolingModule: WebModule = {
  name: 'schooling',
  routes: [
    { path: '/schulanmeldung', element: page(<RegisterPage />), audience: 'everyone' },
    { path: '/schooling/children', element: page(<ChildrenPage />), audience: caseworkers },
    { path: '/schooling/children/new', element: page(<NewChildPage />), audience: caseworkers },
    { path: '/schooling/children/:id', element: page(<ChildPage />), audience: caseworkers },
    { path: '/schooling/placement', element: page(<PlacementPage />), audience: caseworkers },
    { path: '/schooling/school', element: page(<SchoolPage />), audience: schoolStaff },
    { path: '/schooling/figures', element: page(<FiguresPage />), audience: kiStaff },
  ],
  nav: [
    { to: '/schulanmeldung', label: 'schooling:nav.register', audience: 'anonymous', order: 5 },
    { to: '/schooling/children', label: 'schooling:nav.children', audience: caseworkers, order: 5 },
    { to: '/schooling/placement', label: 'schooling:nav.placement', audience: caseworkers, order: 6 },
    { to: '/schooling/school', label: 'schooling:nav.school', audience: schoolStaff, order: 5 },
    { to: '/schooling/figures', label: 'schooling:nav.figures', audience: kiStaff, order: 7 },
  ],
};
