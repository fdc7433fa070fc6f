import type { RouteObject } from 'react-router';
import { CohortPage } from './cohort-page';
import { CurriculumPage } from './curriculum-page';
import { MyCohortsPage } from './my-cohorts-page';

// Mounted under /coach. The cohort dashboard's tabs are a ?tab= parameter (progress, review, sessions, homework, charts).
export const coachRoutes: RouteObject[] = [
  { index: true, element: <MyCohortsPage /> },
  { path: 'cohorts/:cohortId', element: <CohortPage /> },
  { path: 'curriculum', element: <CurriculumPage /> },
];
