import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@anchored/domain';

export const REQUIRES = 'anchored:requires';

/**
 * Names the permission a root field needs. PermissionGuard refuses, before any argument is
 * parsed, callers whose role can never hold it (the policy's `rolesFor`); the service then decides
 * for the actual target with AccessService.require.
 */
export const Requires = (permission: Permission) => SetMetadata(REQUIRES, permission);
