import type { RouteObject } from 'react-router';

// Each screen is its own chunk, loaded on first visit: a client never downloads the coach's charts.
export const clientRoutes: RouteObject[] = [
  { path: 'week', lazy: async () => ({ Component: (await import('./week-page')).WeekPage }) },
  { path: 'homework', lazy: async () => ({ Component: (await import('./homework-list-page')).HomeworkListPage }) },
  { path: 'homework/:assignmentId', lazy: async () => ({ Component: (await import('./homework-page')).HomeworkPage }) },
  { path: 'history', lazy: async () => ({ Component: (await import('./progress-page')).ProgressPage }) },
  { path: 'practice', lazy: async () => ({ Component: (await import('../practice/practice-page')).PracticePage }) },
  { path: 'cohorts', lazy: async () => ({ Component: (await import('./cohorts-page')).CohortsPage }) },
  { path: 'cohorts/:cohortId/buddy', lazy: async () => ({ Component: (await import('../buddies/buddy-page')).BuddyPage }) },
  { path: 'privacy', lazy: async () => ({ Component: (await import('./privacy-page')).PrivacyPage }) },
];
