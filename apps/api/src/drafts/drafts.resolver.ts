import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { GraphQLJSON } from 'graphql-scalars';
import type { HomeworkAssignmentEntity, SubmissionEntity } from '@anchored/data';
import { Permission, Role } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { HomeworkAssignmentModel, SubmissionModel } from '../homework/models/homework.model';
import { DraftsService } from './drafts.service';
import { FeedbackDraftModel, HomeworkDraftModel } from './drafts.model';

/** One loader of each kind per request (a homework list asks for every assignment's draft). */
const loaders = new WeakMap<GqlContext, { homework?: DataLoader<string, HomeworkDraftModel | null>; feedback?: DataLoader<string, FeedbackDraftModel | null> }>();
function perRequest(ctx: GqlContext) {
  let entry = loaders.get(ctx);
  if (!entry) loaders.set(ctx, (entry = {}));
  return entry;
}

@Resolver(() => HomeworkAssignmentModel)
export class HomeworkDraftResolver {
  constructor(private readonly drafts: DraftsService) {}

  @Requires(Permission.SUBMIT_HOMEWORK)
  @Mutation(() => HomeworkDraftModel, { description: 'An ENROLLED client keeps unsent answers (partial, not validated) on the server; only they read it' })
  saveHomeworkDraft(
    @Args('assignmentId', { type: () => ID }, ParseUuidPipe) assignmentId: string,
    @Args('responses', { type: () => GraphQLJSON }) responses: unknown,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.drafts.saveHomework(caller, assignmentId, responses, ctx.loaders);
  }

  @Mutation(() => Boolean, { description: "Deletes the caller's own draft answers; true when there was one" })
  discardHomeworkDraft(@Args('assignmentId', { type: () => ID }, ParseUuidPipe) assignmentId: string, @CurrentUser() caller: AuthUser) {
    return this.drafts.discard(caller, { assignmentId });
  }

  @ResolveField(() => HomeworkDraftModel, { nullable: true, description: "The calling client's unsent answers (null for everyone else)" })
  myDraft(@Parent() assignment: HomeworkAssignmentEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (caller.role !== Role.CLIENT) return null;
    const entry = perRequest(ctx);
    entry.homework ??= this.drafts.homeworkLoader(caller);
    return entry.homework.load(assignment.id);
  }
}

@Resolver(() => SubmissionModel)
export class FeedbackDraftResolver {
  constructor(private readonly drafts: DraftsService) {}

  @Requires(Permission.REVIEW_HOMEWORK)
  @Mutation(() => FeedbackDraftModel, { description: "The cohort's coach keeps unsent feedback on the server; only they read it" })
  saveFeedbackDraft(
    @Args('submissionId', { type: () => ID }, ParseUuidPipe) submissionId: string,
    @Args('feedback', { type: () => String }) feedback: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.drafts.saveFeedback(caller, submissionId, feedback, ctx.loaders);
  }

  @Mutation(() => Boolean, { description: "Deletes the caller's own feedback draft; true when there was one" })
  discardFeedbackDraft(@Args('submissionId', { type: () => ID }, ParseUuidPipe) submissionId: string, @CurrentUser() caller: AuthUser) {
    return this.drafts.discard(caller, { submissionId });
  }

  @ResolveField(() => FeedbackDraftModel, { nullable: true, description: "The calling coach's unsent feedback (null for everyone else)" })
  myFeedbackDraft(@Parent() submission: SubmissionEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (caller.role !== Role.COACH || !submission.id) return null;
    const entry = perRequest(ctx);
    entry.feedback ??= this.drafts.feedbackLoader(caller);
    return entry.feedback.load(submission.id);
  }
}
