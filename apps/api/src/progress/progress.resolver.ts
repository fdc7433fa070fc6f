import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ClientProgressModel } from './models/client-progress.model';
import { ProgressService } from './progress.service';

@Resolver(() => ClientProgressModel)
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Requires(Permission.MANAGE_COHORT)
  @Query(() => [ClientProgressModel], { description: "Per client of the cohort: its coaches and admins" })
  cohortProgress(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.progress.cohortProgress(caller, cohortId, ctx.loaders);
  }
}
