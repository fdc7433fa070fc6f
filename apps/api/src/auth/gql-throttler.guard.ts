import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

/** @nestjs/throttler for GraphQL resolvers: the request lives in the GraphQL context. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() !== 'graphql') return super.getRequestResponse(context);
    const ctx = GqlExecutionContext.create(context).getContext();
    return { req: ctx.req, res: ctx.res };
  }
}

/**
 * The account a throttled auth mutation is about: the email for logIn and signUp, the token for
 * acceptInvitation, the token family for refreshSession. Falls back to the IP.
 */
export function accountTracker(req: Record<string, unknown>, context: ExecutionContext): string {
  const args = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getArgs() : {};
  const input = args['input'] ?? {};
  const account = input.email ?? input.token ?? (typeof args['refreshToken'] === 'string' ? args['refreshToken'].split('.')[0] : undefined);
  return typeof account === 'string' && account ? `account:${account.trim().toLowerCase()}` : `ip:${req['ip']}`;
}
