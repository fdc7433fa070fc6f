import type { RouteObject } from 'react-router';

// Mounted under /coach. The cohort dashboard's tabs are a ?tab= parameter (progress, review, sessions, homework, charts).
// Each screen is its own chunk, loaded on first visit.
export const coachRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./my-cohorts-page')).MyCohortsPage }) },
  { path: 'cohorts/:cohortId', lazy: async () => ({ Component: (await import('./cohort-page')).CohortPage }) },
  { path: 'cohorts/:cohortId/buddies', lazy: async () => ({ Component: (await import('../buddies/pairing-page')).PairingPage }) },
  { path: 'templates', lazy: async () => ({ Component: (await import('./templates-page')).TemplatesPage }) },
  { path: 'curriculum', lazy: async () => ({ Component: (await import('./curriculum-page')).CurriculumPage }) },
];
