import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { CohortEntity, HomeworkAssignmentEntity, SubmissionEntity } from '@anchored/data';
import { DomainError, Permission, Role } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { AuthUser } from '../common/auth-user';
import { assertPage } from '../common/paging';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { withClient } from '../loaders/loaders';
import { HomeworkTemplateModel } from '../curriculum/models/curriculum.model';
import { SharedSubmissionView } from '../community/shared-submission';
import { AssignHomeworkInput, SubmitHomeworkInput, UpdateAssignmentInput } from './dto/homework.inputs';
import { HomeworkService } from './homework.service';
import { HomeworkTemplatesService } from '../homework-templates/homework-templates.service';
import { HomeworkAssignmentModel, SubmissionModel } from './models/homework.model';

@Resolver(() => HomeworkAssignmentModel)
export class HomeworkAssignmentResolver {
  constructor(
    private readonly homework: HomeworkService,
    private readonly access: AccessService,
    private readonly templates: HomeworkTemplatesService,
  ) {}

  @Requires(Permission.FOLLOW_PROGRAM)
  @Query(() => HomeworkAssignmentModel, { description: "For the cohort's clients, coaches and admins" })
  assignment(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.homework.findAssignment(caller, id, ctx.loaders);
  }

  @Requires(Permission.ASSIGN_HOMEWORK)
  @Mutation(() => HomeworkAssignmentModel, { description: "The cohort's COACH: every ENROLLED client sees it" })
  assignHomework(@Args('input') input: AssignHomeworkInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.homework.assign(caller, input, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => HomeworkAssignmentModel, { description: "The cohort's COACH or ADMIN: corrects title, instructions or due time" })
  updateAssignment(@Args('input') input: UpdateAssignmentInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.homework.updateAssignment(caller, input, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => ID, { description: "The cohort's COACH or ADMIN, only while nothing was submitted for it (CONFLICT otherwise); returns its id" })
  deleteAssignment(@Args('assignmentId', { type: () => ID }, ParseUuidPipe) assignmentId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.homework.deleteAssignment(caller, assignmentId, ctx.loaders);
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() assignment: HomeworkAssignmentEntity, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(assignment.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => HomeworkTemplateModel, { description: 'The form as it was when assigned (a coach template: the pinned version)' })
  template(@Parent() assignment: HomeworkAssignmentEntity) {
    return this.templates.forAssignment(assignment);
  }

  @ResolveField(() => SubmissionModel, { nullable: true, description: "The calling client's" })
  async mySubmission(@Parent() assignment: HomeworkAssignmentEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (caller.role !== Role.CLIENT) return null;
    const mine = await ctx.loaders.submissionOf.load(`${assignment.id}:${caller.id}`);
    return mine ? (await withClient(ctx.loaders, [mine]))[0] : null;
  }

  @ResolveField(() => [SubmissionModel], { description: 'Coaches and admins of the cohort' })
  async submissions(@Parent() assignment: HomeworkAssignmentEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: assignment.cohortId }, ctx.loaders);
    return ctx.loaders.submissionsByAssignmentId.load(assignment.id);
  }
}

@Resolver(() => SubmissionModel)
export class SubmissionResolver {
  constructor(private readonly homework: HomeworkService) {}

  @Query(() => [SubmissionModel], { description: "The caller's own submissions, newest first, paged" })
  async mySubmissions(
    @CurrentUser() caller: AuthUser,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
    @Context() ctx: GqlContext,
  ) {
    assertPage(limit, offset);
    return withClient(ctx.loaders, await this.homework.mySubmissions(caller, limit, offset));
  }

  @Requires(Permission.SUBMIT_HOMEWORK)
  @Mutation(() => SubmissionModel, { description: 'An ENROLLED client; resubmitting replaces the answer until it is reviewed' })
  async submitHomework(@Args('input') input: SubmitHomeworkInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return (await withClient(ctx.loaders, [await this.homework.submit(caller, input.assignmentId, input.responses, ctx.loaders)]))[0];
  }

  @Requires(Permission.REVIEW_HOMEWORK)
  @Mutation(() => SubmissionModel, { description: "The cohort's COACH" })
  async reviewSubmission(
    @Args('submissionId', { type: () => ID }, ParseUuidPipe) submissionId: string,
    @Args('feedback', { type: () => String }) feedback: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return (await withClient(ctx.loaders, [await this.homework.review(caller, submissionId, feedback, ctx.loaders)]))[0];
  }

  @Requires(Permission.REVIEW_HOMEWORK)
  @Mutation(() => SubmissionModel, { description: "The cohort's COACH: corrects feedback already sent; the client sees it was edited" })
  async editFeedback(
    @Args('submissionId', { type: () => ID }, ParseUuidPipe) submissionId: string,
    @Args('feedback', { type: () => String }) feedback: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return (await withClient(ctx.loaders, [await this.homework.editFeedback(caller, submissionId, feedback, ctx.loaders)]))[0];
  }

  @ResolveField(() => GraphQLJSON, { description: '{ fieldKey: value }; only the client and their coaches may read it' })
  responses(@Parent() submission: SubmissionEntity | SharedSubmissionView, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    // A reflection shared with the circle (Post.sharedSubmission): only the chosen answers, from the post's copy.
    if (submission instanceof SharedSubmissionView) return submission.sharedResponses;
    return this.homework.readResponses(caller, submission, ctx.loaders);
  }

  @ResolveField(() => String, { nullable: true, description: "The coach's feedback once reviewed" })
  feedback(@Parent() submission: SubmissionEntity | SharedSubmissionView, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (submission instanceof SharedSubmissionView) return null;
    return this.homework.readFeedback(caller, submission, ctx.loaders);
  }

  @ResolveField(() => HomeworkAssignmentModel)
  async assignment(@Parent() submission: SubmissionEntity, @Context() ctx: GqlContext) {
    const assignment = await ctx.loaders.assignmentById.load(submission.assignmentId);
    if (!assignment) throw DomainError.notFound('That assignment');
    return assignment;
  }
}

/** Cohort.assignments: for the cohort's clients, coaches and admins, ordered by due time. */
@Resolver(() => CohortModel)
export class CohortAssignmentsResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => [HomeworkAssignmentModel], { description: 'Ordered by dueAt' })
  async assignments(@Parent() cohort: CohortEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohort }, ctx.loaders);
    return ctx.loaders.assignmentsByCohortId.load(cohort.id);
  }
}
