import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '@anchored/config';
import type { UserEntity } from '@anchored/data';
import type { AuthUser } from '../common/auth-user';
import { Permission } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { APP_CONFIG } from '../config.module';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { readCalendarToken } from '../private-text/sealed-columns';
import { Role } from '../graphql/enums';
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
  @Query(() => [UserModel], { description: 'ADMIN: people on the platform, optionally of one role (e.g. coaches to assign)' })
  users(@Args('role', { type: () => Role, nullable: true }) role?: Role) {
    return this.usersService.list(role);
  }

  @ResolveField(() => String, { nullable: true, description: "The caller's own personal iCal feed URL; null for others" })
  async calendarUrl(@Parent() user: UserEntity, @Context() ctx: GqlContext) {
    const caller = ctx.req.user;
    if (!caller || !(await this.access.can(caller, Permission.READ_OWN_SETTINGS, { userId: user.id }, ctx.loaders))) return null;
    const token = readCalendarToken(this.cipher, user);
    return token ? `${this.config.publicUrl}/calendar/${token}.ics` : null;
  }
}
