import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, Role } from '@anchored/domain';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';
import { requestOf } from './request-of';

/**
 * Global guard: every resolver and route needs a valid access token unless marked @Public().
 * Runs before every other guard.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw DomainError.unauthenticated('Please log in: the access token is missing, invalid or expired.');
    return user;
  }
}

/** Global guard: enforces @Roles() where present. */
@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = requestOf(context).user as AuthUser | undefined;
    if (!user) throw DomainError.unauthenticated();
    if (!roles.includes(user.role)) {
      throw DomainError.forbidden(`Only ${roles.map((r) => r.toLowerCase() + 's').join(' and ')} may do that.`);
    }
    return true;
  }
}
