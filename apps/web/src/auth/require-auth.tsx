import { Navigate, Outlet, useLocation } from 'react-router';
import { sessionWasLost } from '../api/session';
import { LoadingState } from '../ui/states';
import { useAuth } from './auth-context';

/** Sends anyone not logged in to the login page, remembering where they were going. */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <LoadingState label="Opening Anchored…" />;
  if (!user) {
    const expired = sessionWasLost() ? 'expired=1&' : '';
    return <Navigate to={`/login?${expired}next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <Outlet />;
}

/** A role's part of the app; other roles land on their own home instead of an error. */
export function RequireRole({ allow }: { allow: 'CLIENT' | 'COACH' | 'ADMIN' }) {
  const { user } = useAuth();
  if (user && user.role !== allow) return <Navigate to="/" replace />;
  return <Outlet />;
}

export const HOME_BY_ROLE: Record<string, string> = { CLIENT: '/week', COACH: '/coach', ADMIN: '/admin' };

export function HomeRedirect() {
  const { user } = useAuth();
  return <Navigate to={HOME_BY_ROLE[user?.role ?? ''] ?? '/login'} replace />;
}
