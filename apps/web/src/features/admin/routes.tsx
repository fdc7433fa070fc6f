import type { RouteObject } from 'react-router';
import { ApplicationsPage } from './applications-page';
import { CohortDetailPage } from './cohort-detail-page';
import { CohortsPage } from './cohorts-page';
import { InvitationsPage } from './invitations-page';

// Mounted under /admin. The cohort list answers at /admin (the admin's home) and /admin/cohorts.
export const adminRoutes: RouteObject[] = [
  { index: true, element: <CohortsPage /> },
  { path: 'cohorts', element: <CohortsPage /> },
  { path: 'cohorts/:cohortId', element: <CohortDetailPage /> },
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'invitations', element: <InvitationsPage /> },
];
