import type { RouteObject } from 'react-router';
import { PageHeader } from '../../ui/page';

// Placeholder until the admin screens land.
export const adminRoutes: RouteObject[] = [{ path: '*', element: <PageHeader title="Coming soon" /> }];
