import { CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { Args, Context, GqlExecutionContext, Mutation, Resolver } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import type { AppConfig } from '@anchored/config';
import type { UserEntity } from '@anchored/data';
import { DomainError, ErrorCode } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { APP_CONFIG } from '../config.module';
import { AuthService, IssuedSession, WRONG_CREDENTIALS } from './auth.service';
import { AcceptInvitationInput, LogInInput, SignUpInput } from './dto/auth.inputs';
import { GqlThrottlerGuard } from './gql-throttler.guard';
import { AuthPayloadModel } from './models/auth-payload.model';
import { clearRefreshCookie, isWebClient, refreshTokenFromCookie, setRefreshCookie } from './refresh-cookie';

/** Hands logIn's input to passport-local as if it were a form body. */
@Injectable()
class GqlLocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context);
    const req = ctx.getContext().req;
    req.body = { ...ctx.getArgs()['input'] };
    return req;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    // passport-local "fails" without an error when the email or password is empty.
    if (!user) throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    return user;
  }
}

/**
 * An empty log-in form is a form to finish, not a wrong password: it is refused with the fields to
 * fill in before the rate limit or the failed-login backoff count it (guards run before pipes).
 */
@Injectable()
class CredentialsPresentGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const input = (GqlExecutionContext.create(context).getArgs()['input'] ?? {}) as { email?: unknown; password?: unknown };
    const missing: { field: string; message: string }[] = [];
    if (typeof input.email !== 'string' || !input.email.trim()) missing.push({ field: 'input.email', message: 'Enter your email address.' });
    if (typeof input.password !== 'string' || input.password === '') missing.push({ field: 'input.password', message: 'Enter your password.' });
    if (missing.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, missing.map((m) => m.message).join(' '), missing);
    return true;
  }
}

@Resolver(() => AuthPayloadModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Creates a CLIENT account and logs it in' })
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: GqlContext) {
    return this.deliver(ctx, await this.auth.signUp(input, ctx.req.ip, userAgentOf(ctx.req)));
  }

  @Public()
  @UseGuards(CredentialsPresentGuard, GqlThrottlerGuard, GqlLocalAuthGuard)
  @Mutation(() => AuthPayloadModel)
  async logIn(@Args('input') _input: LogInInput, @Context() ctx: GqlContext) {
    return this.deliver(ctx, await this.auth.startSession(ctx.req.user as unknown as UserEntity, userAgentOf(ctx.req)));
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel)
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: GqlContext) {
    return this.deliver(ctx, await this.auth.acceptInvitation(input, userAgentOf(ctx.req)));
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel, {
    description:
      'Rotates the refresh token; reusing an old one revokes the whole login. Without the argument, the web app\'s ' +
      'httpOnly cookie is used, and only with the header X-Anchored-Client: web (a cross-site page cannot send it).',
  })
  async refreshSession(@Args('refreshToken', { type: () => String, nullable: true }) refreshToken: string | undefined, @Context() ctx: GqlContext) {
    const web = isWebClient(ctx.req);
    // The cookie is never read without the custom header: that header is the CSRF defence.
    const presented = refreshToken || (web ? refreshTokenFromCookie(ctx.req) : undefined);
    try {
      return this.deliver(ctx, await this.auth.refresh(presented, userAgentOf(ctx.req)));
    } catch (error) {
      if (web && !refreshToken) clearRefreshCookie(ctx.res, this.config);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: "Ends the caller's login: revokes its refresh tokens and clears the web app's cookie" })
  async logOut(@CurrentUser() user: AuthUser, @Context('res') res: Response) {
    const done = await this.auth.logOut(user);
    clearRefreshCookie(res, this.config);
    return done;
  }

  /** The web app gets the refresh token as an httpOnly cookie only, never in the body its scripts read. */
  private deliver(ctx: GqlContext, session: IssuedSession): IssuedSession | (Omit<IssuedSession, 'refreshToken'> & { refreshToken: null }) {
    if (!isWebClient(ctx.req)) return session;
    setRefreshCookie(ctx.res, this.config, session.refreshToken);
    return { ...session, refreshToken: null };
  }
}

function userAgentOf(req: Request): string | undefined {
  return req.headers['user-agent'];
}
