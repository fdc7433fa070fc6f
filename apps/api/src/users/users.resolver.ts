import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '@anchored/config';
import type { UserEntity } from '@anchored/data';
import type { AuthUser } from '../common/auth-user';
import { Permission } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import { CurrentUser } from '../common/decorators';
import { assertPage, assertSearch } from '../common/paging';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { GqlContext } from '../common/gql-context';
import { APP_CONFIG } from '../config.module';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { readCalendarToken } from '../private-text/sealed-columns';
import { EnrollmentStatus, Role } from '../graphql/enums';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly access: AccessService,
  ) {}

  @Query(() => UserModel)
  me(@CurrentUser() caller: AuthUser) {
    return this.usersService.requireById(caller.id);
  }

  @Requires(Permission.ADMINISTER)
  @Query(() => [UserModel], { description: 'ADMIN: people on the platform by name, optionally of one role (e.g. coaches to assign), in one cohort, or matching a search; paged (limit 1–200)' })
  users(
    @Args('role', { type: () => Role, nullable: true }) role: Role | undefined,
    @Args('cohortId', { type: () => ID, nullable: true, description: "The cohort's clients (any enrollment status) and coaches" }, ParseUuidPipe) cohortId: string | undefined,
    @Args('status', { type: () => EnrollmentStatus, nullable: true, description: 'Clients with an enrollment of this status (in cohortId when given)' })
    status: EnrollmentStatus | undefined,
    @Args('search', { type: () => String, nullable: true, description: 'A piece of the name or email, any case' }) search: string | undefined,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 200 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ) {
    assertPage(limit, offset);
    assertSearch(search);
    return this.usersService.list({ role, cohortId, status, search }, limit, offset);
  }

  @ResolveField(() => String, { nullable: true, description: "The caller's own personal iCal feed URL; null for others" })
  async calendarUrl(@Parent() user: UserEntity, @Context() ctx: GqlContext) {
    const caller = ctx.req.user;
    if (!caller || !(await this.access.can(caller, Permission.READ_OWN_SETTINGS, { userId: user.id }, ctx.loaders))) return null;
    const token = readCalendarToken(this.cipher, user);
    return token ? `${this.config.publicUrl}/calendar/${token}.ics` : null;
  }
}
