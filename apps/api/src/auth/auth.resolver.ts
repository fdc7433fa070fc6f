import { ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { Args, Context, GqlExecutionContext, Mutation, Resolver } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { UserEntity } from '@anchored/data';
import { DomainError } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import { AuthService, WRONG_CREDENTIALS } from './auth.service';
import { AcceptInvitationInput, LogInInput, SignUpInput } from './dto/auth.inputs';
import { GqlThrottlerGuard } from './gql-throttler.guard';
import { AuthPayloadModel } from './models/auth-payload.model';

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

@Resolver(() => AuthPayloadModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Creates a CLIENT account and logs it in' })
  signUp(@Args('input') input: SignUpInput, @Context('req') req: { ip?: string }) {
    return this.auth.signUp(input, req.ip);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard, GqlLocalAuthGuard)
  @Mutation(() => AuthPayloadModel)
  logIn(@Args('input') _input: LogInInput, @Context('req') req: { user: UserEntity }) {
    return this.auth.startSession(req.user);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel)
  acceptInvitation(@Args('input') input: AcceptInvitationInput) {
    return this.auth.acceptInvitation(input);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Rotates the refresh token; reusing an old one revokes the whole login' })
  refreshSession(@Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string) {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: "Revokes the caller's refresh tokens of this login" })
  logOut(@CurrentUser() user: AuthUser) {
    return this.auth.logOut(user);
  }
}
