import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccessLogEntity } from '@anchored/data';
import { DomainError, Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { assertPage } from '../common/paging';
import { deletedAccount } from '../users/deleted-account';
import { UserModel } from '../users/models/user.model';
import { AccessLogService } from './access-log.service';
import { AccessRecordModel } from './models/access-record.model';

@Resolver(() => AccessRecordModel)
export class AccessLogResolver {
  constructor(private readonly accessLog: AccessLogService) {}

  @Query(() => [AccessRecordModel], { description: 'Who read the caller\'s private text, newest first; the owner only (there is no way to ask for anyone else\'s)' })
  myAccessLog(
    @CurrentUser() caller: AuthUser,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ) {
    assertPage(limit, offset);
    return this.accessLog.listFor(caller.id, limit, offset);
  }

  @ResolveField(() => UserModel)
  async reader(@Parent() record: AccessLogEntity, @Context() ctx: GqlContext) {
    if (record.readerId === null) return deletedAccount(Role.COACH);
    const user = await ctx.loaders.userById.load(record.readerId);
    if (!user) throw DomainError.notFound('That reader');
    return user;
  }
}
