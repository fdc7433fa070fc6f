import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { UserEntity } from '@anchored/data';
import { DomainError, Permission, Role } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { UserModel } from '../users/models/user.model';
import { DisableTwoFactorArgs, TwoFactorCodeArgs } from './dto/two-factor.args';
import { TwoFactorSetupModel } from './models/two-factor-setup.model';
import { twoFactorLoader } from './two-factor.loader';
import { TwoFactorService } from './two-factor.service';

/** The caller's own two-factor sign-in; coaches and admins only (USE_TWO_FACTOR). */
@Resolver(() => UserModel)
export class TwoFactorResolver {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Requires(Permission.USE_TWO_FACTOR)
  @Mutation(() => TwoFactorSetupModel, { description: 'Starts setting up an authenticator app (coaches and admins): a new secret, its otpauth URI and QR code' })
  startTwoFactorSetup(@CurrentUser() caller: AuthUser) {
    return this.twoFactor.startSetup(caller);
  }

  @Requires(Permission.USE_TWO_FACTOR)
  @Mutation(() => [String], { description: 'Turns two-factor sign-in on with a current code; returns ten single-use recovery codes, shown this once. Ends the other logins' })
  confirmTwoFactorSetup(@CurrentUser() caller: AuthUser, @Args() args: TwoFactorCodeArgs, @Context('req') req: { ip?: string }) {
    return this.twoFactor.confirmSetup(caller, args.code, req.ip);
  }

  @Requires(Permission.USE_TWO_FACTOR)
  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off: the current password and a code (or a recovery code)' })
  disableTwoFactor(@CurrentUser() caller: AuthUser, @Args() args: DisableTwoFactorArgs, @Context('req') req: { ip?: string }) {
    return this.twoFactor.disable(caller, args.currentPassword, args.code, req.ip);
  }

  @Requires(Permission.USE_TWO_FACTOR)
  @Mutation(() => [String], { description: 'Ten new recovery codes in place of the old ones; needs a code (or a recovery code)' })
  regenerateRecoveryCodes(@CurrentUser() caller: AuthUser, @Args() args: TwoFactorCodeArgs, @Context('req') req: { ip?: string }) {
    return this.twoFactor.regenerateRecoveryCodes(caller, args.code, req.ip);
  }

  @ResolveField(() => Boolean, { description: 'Whether logging in needs an authenticator code. The person themself and admins' })
  twoFactorEnabled(@Parent() user: UserEntity, @Context() ctx: GqlContext): Promise<boolean> {
    const caller = ctx.req.user;
    if (!caller || (caller.id !== user.id && caller.role !== Role.ADMIN)) {
      throw DomainError.forbidden('Only the person themself and admins can see whether two-factor sign-in is on.');
    }
    return twoFactorLoader(ctx, this.twoFactor).load(user.id);
  }
}
