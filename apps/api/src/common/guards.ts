import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, Permission, roleRefusal, rolesFor } from '@anchored/domain';
import { REQUIRES } from '../access/requires.decorator';
import { clearLoaders } from '../loaders/loaders';
import type { GqlContext } from './gql-context';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC } from './decorators';
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

/**
 * Global guard: where a root field names its permission (@Requires), callers whose role can never
 * hold it are refused here, before their arguments are parsed; the service decides the rest.
 * Before each root mutation field, the request's loaders forget what they loaded, so access facts
 * are never older than the mutation asking.
 */
@Injectable()
export class PermissionGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      if (gql.getInfo()?.parentType?.name === 'Mutation') clearLoaders(gql.getContext<GqlContext>().loaders);
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const user = requestOf(context).user as AuthUser | undefined;
    if (!user) throw DomainError.unauthenticated();
    if (!rolesFor(permission).includes(user.role)) throw DomainError.forbidden(roleRefusal(permission));
    return true;
  }
}
