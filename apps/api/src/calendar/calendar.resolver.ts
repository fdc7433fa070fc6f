import { Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { SessionEntity } from '@anchored/data';
import { Permission } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { SessionModel } from '../sessions/models/session.model';
import { UserModel } from '../users/models/user.model';
import { CalendarService } from './calendar.service';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Mutation(() => UserModel, { description: 'Issues a new personal calendar URL; the old one stops working' })
  rotateCalendarToken(@CurrentUser() caller: AuthUser) {
    return this.calendar.rotateToken(caller.id);
  }
}

@Resolver(() => SessionModel)
export class SessionCalendarResolver {
  constructor(
    private readonly calendar: CalendarService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => String, {
    description: "This one session as an .ics file, for the caller: a signed link that works for a week and only while the caller may see the session (the cohort's clients, coaches, admins)",
  })
  async calendarFileUrl(@Parent() session: SessionEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext): Promise<string> {
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohortId: session.cohortId }, ctx.loaders);
    return this.calendar.eventLink(caller.id, session.id);
  }
}
