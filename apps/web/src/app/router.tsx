import { createBrowserRouter, Outlet } from 'react-router';
import { AcceptInvitationPage, LoginPage, SignUpPage } from '../auth/auth-pages';
import { RequireAuth, RequireRole } from '../auth/require-auth';
import { adminRoutes } from '../features/admin/routes';
import { clientRoutes } from '../features/client/routes';
import { coachRoutes } from '../features/coach/routes';
import { messagesRoutes } from '../features/messages/routes';
import { circleRoutes } from '../features/circle/routes';
import { WelcomeOrHome } from '../features/public/public-home-page';
import { AppLayout } from '../layout/app-layout';
import { EmptyState } from '../ui/states';

export const router = createBrowserRouter([
  { path: '/', element: <WelcomeOrHome /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignUpPage /> },
  // Rarely visited, so not in the first download: each loads when its address is opened.
  { path: '/forgot-password', lazy: async () => ({ Component: (await import('../auth/account-link-pages')).ForgotPasswordPage }) },
  { path: '/reset-password', lazy: async () => ({ Component: (await import('../auth/account-link-pages')).ResetPasswordPage }) },
  { path: '/verify-email', lazy: async () => ({ Component: (await import('../auth/account-link-pages')).VerifyEmailPage }) },
  // Emailed links carry the token as ?token= (every emailed link does); /invite/:token still works.
  { path: '/invite', element: <AcceptInvitationPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: 'notifications', lazy: async () => ({ Component: (await import('../features/account/notifications-page')).NotificationsPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/account/settings-page')).SettingsPage }) },
          // Clients and coaches (admins have no conversations: the page says so by being empty).
          ...messagesRoutes,
          // Each cohort's community: its clients and coaches; admins read and moderate.
          ...circleRoutes,
          // Client screens live at the top level (/week, /homework …); coach and admin under a prefix.
          { element: <RequireRole allow="CLIENT" />, children: clientRoutes },
          { path: 'coach', element: <RequireRole allow="COACH" />, children: coachRoutes },
          { path: 'admin', element: <RequireRole allow="ADMIN" />, children: adminRoutes },
          { path: '*', element: <EmptyState title="Page not found">That address does not lead anywhere in Anchored.</EmptyState> },
        ],
      },
    ],
  },
  { path: '*', element: <Outlet /> },
]);

