import type { RouteObject } from 'react-router';

const cohorts = async () => ({ Component: (await import('./cohorts-page')).CohortsPage });

// Mounted under /admin. The cohort list answers at /admin (the admin's home) and /admin/cohorts.
// Each screen is its own chunk, loaded on first visit.
export const adminRoutes: RouteObject[] = [
  { index: true, lazy: cohorts },
  { path: 'cohorts', lazy: cohorts },
  { path: 'cohorts/:cohortId', lazy: async () => ({ Component: (await import('./cohort-detail-page')).CohortDetailPage }) },
  { path: 'applications', lazy: async () => ({ Component: (await import('./applications-page')).ApplicationsPage }) },
  { path: 'people', lazy: async () => ({ Component: (await import('./people-page')).PeoplePage }) },
  { path: 'invitations', lazy: async () => ({ Component: (await import('./invitations-page')).InvitationsPage }) },
];
