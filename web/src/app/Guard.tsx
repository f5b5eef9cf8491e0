import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { NoAccessPage } from '../modules/platform/NoAccessPage';
import { type Audience, isInAudience } from './modules';
import { useSession } from './session';

/** Only accepts same-site paths as a return target after login (no open redirects). */
export function safeReturnPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Lets the audience through; sends visitors to the login page and others to a "no access" page. */
export function Guard({ audience, children }: { audience: Audience; children: ReactNode }) {
  const { user, isPending } = useSession();
  const location = useLocation();
  if (audience === 'everyone' || audience === 'anonymous') return children;
  if (isPending) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!isInAudience(audience, user)) return <NoAccessPage />;
  return children;
}
