import { Args, Context, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostEntity, PostReplyEntity } from '@anchored/data';
import { DomainError, Permission, Reaction } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { SubmissionModel } from '../homework/models/homework.model';
import { UserModel } from '../users/models/user.model';
import { communityLoaders } from './community-loaders';
import { CommunityService } from './community.service';
import { CreatePostInput, ShareReflectionInput } from './dto/community.inputs';
import { PostModel, ReactionCountModel, ReplyModel, SharedAnswerModel } from './models/community.model';
import { SharedSubmissionView } from './shared-submission';

@Resolver(() => PostModel)
export class PostResolver {
  constructor(
    private readonly community: CommunityService,
    private readonly access: AccessService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Requires(Permission.READ_COMMUNITY)
  @Query(() => [PostModel], { description: "The cohort's community feed: pinned first (first page), then newest first; members and admins" })
  cohortFeed(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('before', { type: () => GraphQLISODateTime, nullable: true }) before: Date | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit: number,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.feed(caller, cohortId, before, limit, ctx.loaders);
  }

  @Requires(Permission.READ_COMMUNITY)
  @Query(() => PostModel, { description: "A post of a cohort's community: its members and admins" })
  post(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.community.post(caller, id, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => PostModel, { description: 'Community members; not admins' })
  createPost(@Args('input') input: CreatePostInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.community.createPost(caller, input, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => PostModel, { description: 'The author' })
  editPost(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('body', { type: () => String }) body: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.editPost(caller, postId, body, ctx.loaders);
  }

  @Requires(Permission.READ_COMMUNITY)
  @Mutation(() => PostModel, { description: "The author, the cohort's coaches, admins: removed (a shared reflection is withdrawn everywhere)" })
  deletePost(@Args('postId', { type: () => ID }, ParseUuidPipe) postId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.community.deletePost(caller, postId, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => ReplyModel, { description: 'Community members; not to removed or hidden posts' })
  replyToPost(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('body', { type: () => String }) body: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.replyToPost(caller, postId, body, ctx.loaders);
  }

  @Requires(Permission.READ_COMMUNITY)
  @Mutation(() => ReplyModel, { description: "The author, the cohort's coaches, admins" })
  deleteReply(@Args('replyId', { type: () => ID }, ParseUuidPipe) replyId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.community.deleteReply(caller, replyId, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => PostModel, { description: "Toggles the caller's reaction" })
  react(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('reaction', { type: () => Reaction }) reaction: Reaction,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.react(caller, postId, reaction, ctx.loaders);
  }

  @Requires(Permission.PIN_POSTS)
  @Mutation(() => PostModel, { description: "The cohort's coaches" })
  pinPost(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('pinned', { type: () => Boolean }) pinned: boolean,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.pinPost(caller, postId, pinned, ctx.loaders);
  }

  @Requires(Permission.MODERATE_COMMUNITY)
  @Mutation(() => PostModel, { description: 'Coaches and admins; the author gets POST_HIDDEN and still sees it' })
  hidePost(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.hidePost(caller, postId, reason, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => Boolean, { description: 'Any member; the coaches get POST_REPORTED' })
  reportPost(
    @Args('postId', { type: () => ID }, ParseUuidPipe) postId: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.community.reportPost(caller, postId, reason, ctx.loaders);
  }

  @Requires(Permission.WRITE_COMMUNITY)
  @Mutation(() => PostModel, { description: "The submission's own client, never anyone else; deletePost withdraws the share" })
  shareReflection(@Args('input') input: ShareReflectionInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.community.shareReflection(caller, input, ctx.loaders);
  }

  // --- fields -----------------------------------------------------------------------------------

  @ResolveField(() => CohortModel)
  async cohort(@Parent() post: PostEntity, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(post.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for weekly prompts, deleted accounts, and anonymous shares (except to their author)' })
  async author(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const id = this.community.authorIdFor(caller, post);
    return id ? ((await ctx.loaders.userById.load(id)) ?? null) : null;
  }

  @ResolveField(() => String, { description: '"" when removed or hidden (the author still sees a hidden post)' })
  body(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser) {
    return this.community.bodyFor(caller, post);
  }

  @ResolveField(() => Boolean)
  hidden(@Parent() post: PostEntity) {
    return post.hiddenAt !== null;
  }

  @ResolveField(() => Boolean)
  removed(@Parent() post: PostEntity) {
    return post.removedAt !== null;
  }

  @ResolveField(() => String, { nullable: true, description: "Why it was hidden: its author, the cohort's coaches and admins" })
  async hiddenReason(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (!post.hiddenAt) return null;
    if (post.authorId === caller.id) return post.hiddenReason;
    return (await this.access.can(caller, Permission.MODERATE_COMMUNITY, { cohortId: post.cohortId }, ctx.loaders)) ? post.hiddenReason : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'To its author only, when the post reads like a crisis: where to get help now (CRISIS_RESOURCES). The coaches were told, without the text.',
  })
  crisisResources(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser) {
    return this.community.crisisResourcesFor(caller, post);
  }

  @ResolveField(() => [ReactionCountModel])
  reactions(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return communityLoaders(this.db, ctx.loaders, caller.id).reactionsByPostId.load(post.id);
  }

  @ResolveField(() => Int, { description: 'Replies not removed' })
  replyCount(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return communityLoaders(this.db, ctx.loaders, caller.id).replyCountByPostId.load(post.id);
  }

  @ResolveField(() => [ReplyModel], { description: 'Oldest first; removed replies stay as blank placeholders' })
  replies(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return communityLoaders(this.db, ctx.loaders, caller.id).repliesByPostId.load(post.id);
  }

  @ResolveField(() => [SharedAnswerModel], {
    nullable: true,
    description: 'SHARED_REFLECTION: the answers its author chose to share (a copy kept with the post); null once removed or hidden',
  })
  sharedAnswers(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser) {
    return this.community.sharedAnswersFor(caller, post)?.answers ?? null;
  }

  @ResolveField(() => SubmissionModel, {
    nullable: true,
    description:
      'SHARED_REFLECTION: a Submission made only of the answers its author chose to share (no feedback, never the rest); ' +
      'null for anonymous shares except to their author',
  })
  async sharedSubmission(@Parent() post: PostEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const shared = this.community.sharedAnswersFor(caller, post);
    const authorId = this.community.authorIdFor(caller, post);
    if (!shared || !authorId) return null;
    const client = await ctx.loaders.userById.load(authorId);
    if (!client) return null;
    const responses = Object.fromEntries(shared.answers.map((a) => [a.fieldKey, a.value]));
    return new SharedSubmissionView(shared.submissionId, shared.assignmentId, authorId, client, new Date(shared.submittedAt), shared.status, responses);
  }
}

@Resolver(() => ReplyModel)
export class ReplyResolver {
  constructor(
    private readonly community: CommunityService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @ResolveField(() => PostModel)
  async post(@Parent() reply: PostReplyEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const post = await communityLoaders(this.db, ctx.loaders, caller.id).postById.load(reply.postId);
    if (!post) throw DomainError.notFound('That post');
    return post;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for deleted accounts' })
  async author(@Parent() reply: PostReplyEntity, @Context() ctx: GqlContext) {
    return reply.authorId ? ((await ctx.loaders.userById.load(reply.authorId)) ?? null) : null;
  }

  @ResolveField(() => String, { description: '"" when removed' })
  body(@Parent() reply: PostReplyEntity, @CurrentUser() caller: AuthUser) {
    return this.community.replyBodyFor(caller, reply);
  }

  @ResolveField(() => Boolean)
  hidden(@Parent() reply: PostReplyEntity) {
    return reply.hiddenAt !== null;
  }

  @ResolveField(() => Boolean)
  removed(@Parent() reply: PostReplyEntity) {
    return reply.removedAt !== null;
  }
}
