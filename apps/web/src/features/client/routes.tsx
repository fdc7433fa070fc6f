import type { RouteObject } from 'react-router';
import { CohortsPage } from './cohorts-page';
import { HomeworkListPage } from './homework-list-page';
import { HomeworkPage } from './homework-page';
import { ProgressPage } from './progress-page';
import { WeekPage } from './week-page';

export const clientRoutes: RouteObject[] = [
  { path: 'week', element: <WeekPage /> },
  { path: 'homework', element: <HomeworkListPage /> },
  { path: 'homework/:assignmentId', element: <HomeworkPage /> },
  { path: 'history', element: <ProgressPage /> },
  { path: 'cohorts', element: <CohortsPage /> },
];
