import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CohortEntity, EnrollmentEntity } from '@anchored/data';
import { DomainError, Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ApplicationDecision, EnrollmentStatus } from '../graphql/enums';
import { UserModel } from '../users/models/user.model';
import { assertPage } from '../common/paging';
import { ApplyInput } from './dto/apply.input';
import { ApplicationsFilterInput, DecideApplicationsInput } from './dto/decide.inputs';
import { ApplicationDecisionResultModel } from './models/decision-result.model';
import { EnrollmentService } from './enrollment.service';
import { EnrollmentModel } from './models/enrollment.model';

@Resolver(() => EnrollmentModel)
export class EnrollmentResolver {
  constructor(private readonly enrollment: EnrollmentService) {}

  @Query(() => [EnrollmentModel], { description: "The caller's own applications and seats, newest first" })
  myEnrollments(@CurrentUser() caller: AuthUser) {
    return this.enrollment.myEnrollments(caller);
  }

  @Requires(Permission.APPLY)
  @Mutation(() => EnrollmentModel, { description: 'CLIENT: applies to a cohort that is ENROLLING' })
  applyToCohort(@Args('input') input: ApplyInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.enrollment.apply(caller, input.cohortId.toLowerCase(), ctx.loaders, input.motivation);
  }

  @Requires(Permission.MANAGE_ENROLLMENT)
  @Mutation(() => EnrollmentModel, { description: 'ADMIN: accept (capacity permitting), waitlist or reject' })
  decideApplication(
    @Args('enrollmentId', { type: () => ID }, ParseUuidPipe) enrollmentId: string,
    @Args('decision', { type: () => ApplicationDecision }) decision: ApplicationDecision,
    @Args('note', { type: () => String, nullable: true, description: 'REJECT only: a personal note for the client, emailed with the decision and never stored; up to 2000 characters' })
    note?: string,
  ) {
    return this.enrollment.decide(enrollmentId, decision, note);
  }

  @Requires(Permission.MANAGE_ENROLLMENT)
  @Mutation(() => [ApplicationDecisionResultModel], {
    description: 'ADMIN: one decision for several applications, each under the capacity lock; one result per application, in order (e.g. CONFLICT once the cohort is full)',
  })
  decideApplications(@Args('input') input: DecideApplicationsInput) {
    return this.enrollment.decideMany(
      input.enrollmentIds.map((id) => id.toLowerCase()),
      input.decision,
      input.note,
    );
  }

  @Requires(Permission.MANAGE_ENROLLMENT)
  @Query(() => [EnrollmentModel], { description: 'ADMIN: applications across cohorts, oldest first, filtered and paged (limit 1–200)' })
  applications(
    @Args('filter', { type: () => ApplicationsFilterInput, nullable: true }) filter: ApplicationsFilterInput,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ) {
    assertPage(limit, offset);
    return this.enrollment.listApplications({ ...filter, cohortId: filter?.cohortId?.toLowerCase() }, limit, offset);
  }

  @Requires(Permission.MANAGE_ENROLLMENT)
  @Mutation(() => EnrollmentModel, { description: 'ADMIN: seats the first client on the waitlist, or the one chosen' })
  promoteFromWaitlist(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('enrollmentId', { type: () => ID, nullable: true }, ParseUuidPipe) enrollmentId?: string,
  ) {
    return this.enrollment.promoteFromWaitlist(cohortId, enrollmentId);
  }

  @Requires(Permission.WITHDRAW_ENROLLMENT)
  @Mutation(() => EnrollmentModel, { description: 'The client or an ADMIN; frees the seat' })
  withdrawEnrollment(@Args('enrollmentId', { type: () => ID }, ParseUuidPipe) enrollmentId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.enrollment.withdraw(caller, enrollmentId, ctx.loaders);
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() enrollment: EnrollmentEntity, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(enrollment.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => UserModel)
  async client(@Parent() enrollment: EnrollmentEntity, @Context() ctx: GqlContext) {
    const user = await ctx.loaders.userById.load(enrollment.clientId);
    if (!user) throw DomainError.notFound('That client');
    return user;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why the client applied' })
  motivation(@Parent() enrollment: EnrollmentEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.enrollment.readMotivation(caller, enrollment, ctx.loaders);
  }

  @ResolveField(() => Int, { nullable: true, description: '1-based while WAITLISTED' })
  async waitlistPosition(@Parent() enrollment: EnrollmentEntity, @Context() ctx: GqlContext) {
    if (enrollment.status !== EnrollmentStatus.WAITLISTED) return null;
    return (await ctx.loaders.waitlistByCohortId.load(enrollment.cohortId)).get(enrollment.id) ?? null;
  }
}

/** Cohort.enrollments lives here so the cohorts module does not depend on enrollment. */
@Resolver(() => CohortModel)
export class CohortEnrollmentsResolver {
  constructor(private readonly enrollment: EnrollmentService) {}

  @ResolveField(() => [EnrollmentModel], { description: "Admins and the cohort's coaches" })
  enrollments(
    @Parent() cohort: CohortEntity,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => EnrollmentStatus, nullable: true }) status?: EnrollmentStatus,
  ) {
    return this.enrollment.forCohort(caller, cohort.id, ctx.loaders, status);
  }
}
