import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CohortAuditEntryEntity } from '@anchored/data';
import { DomainError, Permission, Role } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { GqlContext } from '../common/gql-context';
import { assertPage } from '../common/paging';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { deletedAccount } from '../users/deleted-account';
import { UserModel } from '../users/models/user.model';
import { CohortAuditService } from './cohort-audit.service';
import { CohortAuditEntryModel } from './models/cohort-audit-entry.model';

/** Read-only: there is no mutation on the audit log, and the database refuses changes too. */
@Resolver(() => CohortAuditEntryModel)
export class CohortAuditResolver {
  constructor(private readonly audit: CohortAuditService) {}

  @Requires(Permission.READ_AUDIT_LOG)
  @Query(() => [CohortAuditEntryModel], { description: "ADMIN: who assigned or removed which coach of the cohort, and when; newest first" })
  async cohortAuditLog(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
    @Context() ctx: GqlContext,
  ) {
    assertPage(limit, offset);
    if (!(await ctx.loaders.cohortById.load(cohortId))) throw DomainError.notFound('That cohort');
    return this.audit.forCohort(cohortId, limit, offset);
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() entry: CohortAuditEntryEntity, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(entry.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => UserModel)
  coach(@Parent() entry: CohortAuditEntryEntity, @Context() ctx: GqlContext) {
    return entry.coachId === null ? deletedAccount(Role.COACH) : this.user(ctx, entry.coachId);
  }

  @ResolveField(() => UserModel)
  actor(@Parent() entry: CohortAuditEntryEntity, @Context() ctx: GqlContext) {
    return entry.actorId === null ? deletedAccount(Role.ADMIN) : this.user(ctx, entry.actorId);
  }

  private async user(ctx: GqlContext, id: string) {
    const user = await ctx.loaders.userById.load(id);
    if (!user) throw DomainError.notFound('That user');
    return user;
  }
}
