import { lazy, type ReactNode, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { Loading } from '../../components/Loading';

// Loaded on first use.
const CalendarPage = lazy(() =>
  import('./CalendarPage').then((module) => ({ default: module.CalendarPage })),
);
const PlanPage = lazy(() => import('./PlanPage').then((module) => ({ default: module.PlanPage })));
const GapsPage = lazy(() => import('./GapsPage').then((module) => ({ default: module.GapsPage })));
const BookingsPage = lazy(() =>
  import('./BookingsPage').then((module) => ({ default: module.BookingsPage })),
);

const RegisterPage = lazy(() =>
  import('./RegisterPage').then((module) => ({ default: module.RegisterPage })),
);

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** The network's staff: staff of an organisation (as the server's policy), and the admins. */
const staff = ['institution', 'association', 'caseworker', 'coordinator', 'admin'] as const;

/**
 * The network of actors: the public calendar, planning with overlap warnings, the Begegnungszentrum's rooms, the
 * gaps view, and the register (an organisation registers, the KI approves; the working groups).
 */
export const networkModule: WebModule = {
  name: 'network',
  routes: [
    { path: '/netzwerk/kalender', element: page(<CalendarPage />), audience: 'everyone' },
    { path: '/network/plan', element: page(<PlanPage />), audience: staff },
    { path: '/network/rooms', element: page(<BookingsPage />), audience: staff },
    { path: '/network/gaps', element: page(<GapsPage />), audience: staff },
    { path: '/network/register', element: page(<RegisterPage />), audience: staff },
  ],
  nav: [
    { to: '/netzwerk/kalender', label: 'network:nav.calendar', audience: 'everyone', order: 9 },
    { to: '/network/plan', label: 'network:nav.plan', audience: staff, order: 6 },
    { to: '/network/rooms', label: 'network:nav.rooms', audience: staff, order: 7 },
    { to: '/network/gaps', label: 'network:nav.gaps', audience: staff, order: 8 },
    { to: '/network/register', label: 'network:nav.register', audience: staff, order: 8 },
  ],
};
