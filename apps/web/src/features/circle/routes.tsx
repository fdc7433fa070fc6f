import type { RouteObject } from 'react-router';

/** The circle: each cohort's community, for its clients and coaches (admins moderate). */
export const circleRoutes: RouteObject[] = [
  { path: 'circle', lazy: async () => ({ Component: (await import('./circle-page')).CirclesPage }) },
  { path: 'circle/:cohortId', lazy: async () => ({ Component: (await import('./circle-page')).CirclePage }) },
];
