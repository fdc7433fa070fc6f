import type { RouteObject } from 'react-router';
import { PageHeader } from '../../ui/page';

// Placeholder until the client screens land.
export const clientRoutes: RouteObject[] = [{ path: '*', element: <PageHeader title="Coming soon" /> }];
