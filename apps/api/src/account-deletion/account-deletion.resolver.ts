import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { AccountDeletionService } from './account-deletion.service';

/** About the caller only: no user argument, so nobody can delete someone else's account here. */
@Resolver()
export class AccountDeletionResolver {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Mutation(() => Boolean, {
    description:
      "Erases the caller's account and data (docs/privacy.md); their logins stop working. Needs the current password (a wrong one counts like a failed login). CONFLICT for a coach of an ACTIVE cohort and for the last admin.",
  })
  deleteMyAccount(@CurrentUser() caller: AuthUser, @Args('currentPassword', { type: () => String }) currentPassword: string, @Context() ctx: GqlContext) {
    return this.deletion.deleteMyAccount(caller, currentPassword, ctx.req.ip, ctx.loaders);
  }
}
