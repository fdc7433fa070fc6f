import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { TWO_FACTOR_SETUP_REQUIRED_EVENT } from '../api/auth-fetch';
import { sessionWasLost } from '../api/session';
import { LoadingState } from '../ui/states';
import { useAuth } from './auth-context';

/**
 * Sends anyone not logged in to the login page, remembering where they were going; and an admin
 * the API keeps to the two-factor setup, to Settings.
 */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  // ADMIN_REQUIRE_2FA: an admin without two-factor sign-in is sent to its setup in Settings.
  useEffect(() => {
    const toSetup = () => {
      const there = window.location.pathname === '/settings' && new URLSearchParams(window.location.search).get('two-factor') === 'required';
      if (!there) void navigate('/settings?two-factor=required', { replace: window.location.pathname === '/settings' });
    };
    window.addEventListener(TWO_FACTOR_SETUP_REQUIRED_EVENT, toSetup);
    return () => window.removeEventListener(TWO_FACTOR_SETUP_REQUIRED_EVENT, toSetup);
  }, [navigate]);
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
