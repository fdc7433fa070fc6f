import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { UserModel } from '../users/models/user.model';
import { AccountService } from './account.service';
import { ChangePasswordArgs } from './dto/change-password.args';
import { UpdateProfileInput } from './dto/update-profile.input';

/** About the caller only: no user argument, so nobody reaches another person's account here. */
@Resolver()
export class AccountResolver {
  constructor(private readonly account: AccountService) {}

  @Mutation(() => UserModel, { description: "The caller's name and timezone; a new timezone re-times their reminders and quiet hours" })
  updateProfile(@CurrentUser() caller: AuthUser, @Args('input') input: UpdateProfileInput) {
    return this.account.updateProfile(caller, input);
  }

  @Mutation(() => Boolean, { description: 'Needs the current password (a wrong one counts like a failed login); ends every other login' })
  changePassword(@CurrentUser() caller: AuthUser, @Args() args: ChangePasswordArgs, @Context('req') req: { ip?: string }) {
    return this.account.changePassword(caller, args.currentPassword, args.newPassword, req.ip);
  }
}
