import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CohortEntity } from '@anchored/data';
import { Permission, cohortEndsOn } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DateScalar } from '../graphql/date.scalar';
import { CohortStatus } from '../graphql/enums';
import { UserModel } from '../users/models/user.model';
import { CohortsService } from './cohorts.service';
import { CreateCohortInput } from './dto/create-cohort.input';
import { UpdateCohortInput } from './dto/update-cohort.input';
import { CohortModel } from './models/cohort.model';
import { OpenCohortModel } from './models/open-cohort.model';

@Resolver(() => CohortModel)
export class CohortsResolver {
  constructor(private readonly cohortsService: CohortsService) {}

  @Query(() => [CohortModel], { description: 'The cohorts the caller may see' })
  cohorts(@CurrentUser() caller: AuthUser) {
    return this.cohortsService.listFor(caller);
  }

  @Requires(Permission.VIEW_COHORT)
  @Query(() => CohortModel)
  cohort(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.cohortsService.findVisible(caller, id, ctx.loaders);
  }

  @Requires(Permission.ADMINISTER)
  @Mutation(() => CohortModel, { description: 'ADMIN: creates a cohort in DRAFT' })
  createCohort(@Args('input') input: CreateCohortInput) {
    return this.cohortsService.create(input);
  }

  @Public()
  @Query(() => [OpenCohortModel], { description: 'Anyone, signed in or not: the cohorts taking applications, with meeting times and coaches' })
  openCohorts() {
    return this.cohortsService.openCohorts();
  }

  @Requires(Permission.ADMINISTER)
  @Mutation(() => CohortModel, { description: 'ADMIN: name, description, capacity (not below the seats taken), timezone (before anything is planned)' })
  updateCohort(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @Args('input') input: UpdateCohortInput) {
    return this.cohortsService.update(cohortId, input);
  }

  @Requires(Permission.ADMINISTER)
  @Mutation(() => CohortModel, { description: 'ADMIN: DRAFT → ENROLLING → ACTIVE → COMPLETED → ARCHIVED, one step at a time' })
  setCohortStatus(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('status', { type: () => CohortStatus }) status: CohortStatus,
  ) {
    return this.cohortsService.setStatus(cohortId, status);
  }

  @Requires(Permission.ADMINISTER)
  @Mutation(() => CohortModel, { description: "ADMIN: the coach can then read the cohort's homework; audited, and the ENROLLED clients are told" })
  assignCoach(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('coachId', { type: () => ID }, ParseUuidPipe) coachId: string,
    @CurrentUser() caller: AuthUser,
  ) {
    return this.cohortsService.assignCoach(caller, cohortId, coachId);
  }

  @Requires(Permission.ADMINISTER)
  @Mutation(() => CohortModel, { description: 'ADMIN: audited' })
  unassignCoach(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('coachId', { type: () => ID }, ParseUuidPipe) coachId: string,
    @CurrentUser() caller: AuthUser,
  ) {
    return this.cohortsService.unassignCoach(caller, cohortId, coachId);
  }

  @ResolveField(() => DateScalar, { description: 'startsOn + programWeeks' })
  endsOn(@Parent() cohort: CohortEntity) {
    return cohortEndsOn(cohort.startsOn, cohort.programWeeks);
  }

  @ResolveField(() => Int)
  async enrolledCount(@Parent() cohort: CohortEntity, @Context() ctx: GqlContext) {
    return (await ctx.loaders.seatCountsByCohortId.load(cohort.id)).enrolled;
  }

  @ResolveField(() => Int)
  async waitlistCount(@Parent() cohort: CohortEntity, @Context() ctx: GqlContext) {
    return (await ctx.loaders.seatCountsByCohortId.load(cohort.id)).waitlisted;
  }

  @ResolveField(() => [UserModel])
  async coaches(@Parent() cohort: CohortEntity, @Context() ctx: GqlContext) {
    const ids = await ctx.loaders.coachIdsByCohortId.load(cohort.id);
    const users = await ctx.loaders.userById.loadMany(ids);
    return users.filter((u) => u && !(u instanceof Error));
  }
}
