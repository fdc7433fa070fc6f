import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CurrentUser } from '../common/decorators';
import { assertPage, assertSearch } from '../common/paging';
import { InvitationStatus } from './dto/invitation-status';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
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

  @Mutation(() => InvitationModel, { description: 'ADMIN: emails a new link for an open invitation; the old link stops working' })
  resendInvitation(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser) {
    return this.invitationsService.resend(id, caller.id);
  }

  @Mutation(() => InvitationModel, { description: 'ADMIN: the link stops working at once' })
  revokeInvitation(@Args('id', { type: () => ID }, ParseUuidPipe) id: string) {
    return this.invitationsService.revoke(id);
  }

  @Query(() => [InvitationModel], { description: 'ADMIN: invitations newest first, by status (PENDING when left out) and a piece of the email; paged (limit 1–200)' })
  invitations(
    @Args('status', { type: () => InvitationStatus, nullable: true, defaultValue: InvitationStatus.PENDING }) status: InvitationStatus,
    @Args('search', { type: () => String, nullable: true, description: 'A piece of the email address, any case' }) search: string | undefined,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ) {
    assertPage(limit, offset);
    assertSearch(search);
    return this.invitationsService.list(status, search, limit, offset);
  }
}
