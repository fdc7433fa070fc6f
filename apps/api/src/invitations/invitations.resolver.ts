import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CurrentUser } from '../common/decorators';
import { InviteInput } from './dto/invite.input';
import { InvitationsService } from './invitations.service';
import { InvitationModel } from './models/invitation.model';

@Requires(Permission.ADMINISTER)
@Resolver(() => InvitationModel)
export class InvitationsResolver {
  constructor(private readonly invitationsService: InvitationsService) {}

  @Mutation(() => InvitationModel, { description: 'ADMIN: invites a coach, client or admin by email' })
  inviteUser(@Args('input') input: InviteInput, @CurrentUser() caller: AuthUser) {
    return this.invitationsService.invite(input.email, input.role, caller.id);
  }

  @Query(() => [InvitationModel], { description: 'ADMIN: invitations not yet accepted, newest first' })
  invitations() {
    return this.invitationsService.listOpen();
  }
}
