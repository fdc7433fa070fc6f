import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { UserEntity } from '@anchored/data';
import { DomainError, Role } from '@anchored/domain';
import { GqlThrottlerGuard } from '../auth/gql-throttler.guard';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { UserModel } from '../users/models/user.model';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { ConfirmEmailArgs, RequestEmailChangeArgs, RequestPasswordResetArgs, ResetPasswordArgs } from './dto/account-links.args';

@Resolver(() => UserModel)
export class AccountLinksResolver {
  constructor(
    private readonly links: AccountLinksService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => Boolean, { description: 'Always true, in the same time; emails a reset link when the address has an account' })
  requestPasswordReset(@Args() args: RequestPasswordResetArgs, @Context('req') req: { ip?: string }) {
    return this.links.requestPasswordReset(args.email, req.ip);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => Boolean, { description: 'With the token of a reset link (one use, 1 hour); ends every login of the account' })
  resetPassword(@Args() args: ResetPasswordArgs) {
    return this.links.resetPassword(args.token, args.newPassword);
  }

  @Mutation(() => Boolean, { description: 'Needs the current password; emails a link to the new address. Nothing changes until it is followed' })
  requestEmailChange(@CurrentUser() caller: AuthUser, @Args() args: RequestEmailChangeArgs, @Context('req') req: { ip?: string }) {
    return this.links.requestEmailChange(caller, args.newEmail, args.currentPassword, req.ip);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Mutation(() => Boolean, { description: 'Follows a sign-up verification or email change link' })
  confirmEmail(@Args() args: ConfirmEmailArgs) {
    return this.links.confirmEmail(args.token);
  }

  @Mutation(() => Boolean, { description: "Emails the caller another link to verify their address (rate-limited); true at once when it is verified" })
  resendVerificationEmail(@CurrentUser() caller: AuthUser) {
    return this.links.resendVerification(caller);
  }

  @ResolveField(() => Boolean, { description: 'Whether the address was confirmed by following a link sent to it. The person themself and admins' })
  async emailVerified(@Parent() user: UserEntity, @Context() ctx: GqlContext): Promise<boolean> {
    const caller = ctx.req.user;
    if (!caller || (caller.id !== user.id && caller.role !== Role.ADMIN)) {
      throw DomainError.forbidden('Only the person themself and admins can see whether an address is verified.');
    }
    const verifiedAt = user.emailVerifiedAt !== undefined ? user.emailVerifiedAt : (await this.users.requireById(user.id)).emailVerifiedAt;
    return verifiedAt != null;
  }
}
