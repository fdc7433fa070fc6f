import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';
import { requestOf } from './request-of';

export const IS_PUBLIC = 'anchored:isPublic';

/** No access token needed (login, sign-up, health, calendar feeds). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return requestOf(context).user as AuthUser;
});

export { GqlExecutionContext };
