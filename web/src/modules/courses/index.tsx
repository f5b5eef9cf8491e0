import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';
import './courses.css';

// Loaded on first use.
const CoursesPage = lazy(() => import('./CoursesPage').then((module) => ({ default: module.CoursesPage })));
const CodePage = lazy(() => import('./CoursesPage').then((module) => ({ default: module.CodePage })));
const EnrolPage = lazy(() => import('./EnrolPage').then((module) => ({ default: module.EnrolPage })));
const FollowPage = lazy(() => import('./FollowPage').then((module) => ({ default: module.FollowPage })));
const ManagePage = lazy(() => import('./ManagePage').then((module) => ({ default: module.ManagePage })));
const ManagedCoursePage = lazy(() =>
  import('./ManagePage').then((module) => ({ default: module.ManagedCoursePage })),
);

const DemandPage = lazy(() => import('./DemandPage').then((module) => ({ default: module.DemandPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Providers (association and institution accounts) and coordinators, as the server's policy. */
const providers = ['association', 'institution', 'coordinator', 'admin'] as const;
const coordinators = ['coordinator', 'admin'] as const;

/** Language courses: the public list, a course with the enrol form, the follow page by code, providers' lists. */
export const coursesModule: WebModule = {
  name: 'courses',
  routes: [
    { path: '/kurse', element: page(<CoursesPage />), audience: 'everyone' },
    { path: '/kurse/code', element: page(<CodePage />), audience: 'everyone' },
    { path: '/kurse/code/:code', element: page(<FollowPage />), audience: 'everyone' },
    { path: '/kurse/:id', element: page(<EnrolPage />), audience: 'everyone' },
    { path: '/courses', element: page(<ManagePage />), audience: providers },
    { path: '/courses/demand', element: page(<DemandPage />), audience: coordinators },
    { path: '/courses/:id', element: page(<ManagedCoursePage />), audience: providers },
  ],
  nav: [
    { to: '/kurse', label: 'courses:nav.courses', audience: 'everyone', order: 3 },
    { to: '/courses', label: 'courses:nav.manage', audience: providers, order: 6 },
    { to: '/courses/demand', label: 'courses:nav.demand', audience: coordinators, order: 6 },
  ],
};
