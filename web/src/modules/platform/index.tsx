import type { WebModule } from '../../app/modules';
import { AccountPage } from './AccountPage';
import { AuditPage } from './AuditPage';
import { HomePage } from './HomePage';
import { JobsPage } from './JobsPage';
import { LegalPage } from './LegalPage';
import { LoginPage } from './LoginPage';
import { PasswordResetConfirmPage } from './PasswordResetConfirmPage';
import { PasswordResetPage } from './PasswordResetPage';
import { UsersPage } from './UsersPage';

const adminOnly = ['admin'] as const;

/** Home, the legal pages, accounts, login, password, and the admin pages (audit log, users, jobs). */
export const platformModule: WebModule = {
  name: 'platform',
  routes: [
    { path: '/', element: <HomePage />, audience: 'everyone' },
    { path: '/login', element: <LoginPage />, audience: 'everyone' },
    { path: '/password-reset', element: <PasswordResetPage />, audience: 'everyone' },
    { path: '/password-reset/confirm', element: <PasswordResetConfirmPage />, audience: 'everyone' },
    { path: '/impressum', element: <LegalPage kind="imprint" />, audience: 'everyone' },
    { path: '/datenschutz', element: <LegalPage kind="privacy" />, audience: 'everyone' },
    { path: '/barrierefreiheit', element: <LegalPage kind="accessibility" />, audience: 'everyone' },
    { path: '/account', element: <AccountPage />, audience: 'authenticated' },
    { path: '/admin/audit', element: <AuditPage />, audience: adminOnly },
    { path: '/admin/users', element: <UsersPage />, audience: adminOnly },
    { path: '/admin/jobs', element: <JobsPage />, audience: adminOnly },
  ],
  nav: [
    { to: '/', label: 'common:nav.home', audience: 'everyone', order: 0 },
    { to: '/login', label: 'common:nav.login', audience: 'anonymous' },
    { to: '/account', label: 'common:nav.account', audience: 'authenticated' },
    { to: '/admin/audit', label: 'common:nav.audit', audience: adminOnly },
    { to: '/admin/users', label: 'common:nav.users', audience: adminOnly },
    { to: '/admin/jobs', label: 'common:nav.jobs', audience: adminOnly },
  ],
};
