import type { RouteObject } from 'react-router';
import { PageHeader } from '../../ui/page';

// Placeholder until the coach screens land.
export const coachRoutes: RouteObject[] = [{ path: '*', element: <PageHeader title="Coming soon" /> }];
