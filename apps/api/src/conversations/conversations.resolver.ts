import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConversationEntity, MessageEntity } from '@anchored/data';
import { Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CohortModel } from '../cohorts/models/cohort.model';
import { LiveEvents } from '../realtime/live-events.service';
import { deletedAccount } from '../users/deleted-account';
import { UserModel } from '../users/models/user.model';
import { conversationLoaders } from './conversation-loaders';
import { ConversationModel, MessageModel } from './models/conversation.model';
import { ConversationsService } from './conversations.service';

@Resolver(() => ConversationModel)
export class ConversationsResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly live: LiveEvents,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => [ConversationModel], { description: 'Your open conversations, most recent first' })
  myConversations(@CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.conversations.mine(caller, ctx.loaders);
  }

  @Query(() => ConversationModel, { description: 'Its participants; admins see that it exists and who is in it, never its messages' })
  conversation(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.conversations.get(caller, id, ctx.loaders);
  }

  @Mutation(() => ConversationModel, { description: 'Opens (or returns) your private conversation with someone of a cohort: a client and its coaches, or buddies' })
  startConversation(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('withUserId', { type: () => ID }, ParseUuidPipe) withUserId: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.conversations.start(caller, cohortId, withUserId, ctx.loaders);
  }

  @Mutation(() => MessageModel, { description: 'Participants; the other is notified (NEW_MESSAGE, without the text). At most 4000 characters, 20 a minute' })
  sendMessage(
    @Args('conversationId', { type: () => ID }, ParseUuidPipe) conversationId: string,
    @Args('body', { type: () => String }) body: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.conversations.send(caller, conversationId, body, ctx.loaders);
  }

  @Mutation(() => ConversationModel, { description: 'Marks everything in the conversation read for you' })
  markConversationRead(@Args('conversationId', { type: () => ID }, ParseUuidPipe) conversationId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.conversations.markRead(caller, conversationId, ctx.loaders);
  }

  @Subscription(() => MessageModel, { description: "New messages of your conversations (checked at delivery: a conversation that closed stops)" })
  messageAdded(@CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.live.iterate({
      context: ctx,
      filter: (event) => event.type === 'message',
      deliver: async (event, loaders) => {
        if (event.type !== 'message') return null;
        const message = await this.conversations.deliverable(caller, event.messageId, event.conversationId, loaders);
        return message ? { messageAdded: message } : null;
      },
    });
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() conversation: ConversationEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.cohortById.load(conversation.cohortId);
  }

  @ResolveField(() => [UserModel], { description: 'The two people (a deleted account shows as such)' })
  async participants(@Parent() conversation: ConversationEntity, @Context() ctx: GqlContext) {
    const ids = [conversation.userAId, conversation.userBId];
    const users = await Promise.all(ids.map((id) => (id ? ctx.loaders.userById.load(id) : undefined)));
    return users.map((u) => u ?? deletedAccount(Role.CLIENT));
  }

  @ResolveField(() => Int, { description: 'Messages from the other participant you have not read (0 for admins)' })
  async unreadCount(@Parent() conversation: ConversationEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (!caller || (conversation.userAId !== caller.id && conversation.userBId !== caller.id)) return 0;
    return conversationLoaders(ctx.loaders, this.db).unreadCount.load(`${conversation.id}:${caller.id}`);
  }

  @ResolveField(() => [MessageModel], { description: 'Newest first; participants only (FORBIDDEN for admins); `before` pages back' })
  messages(
    @Parent() conversation: ConversationEntity,
    @Args('before', { type: () => Date, nullable: true }) before: Date | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.conversations.messages(caller, conversation, before, limit ?? 50, ctx.loaders);
  }
}

@Resolver(() => MessageModel)
export class MessageResolver {
  constructor(
    private readonly conversations: ConversationsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @ResolveField(() => ConversationModel)
  async conversation(@Parent() message: MessageEntity, @Context() ctx: GqlContext) {
    return conversationLoaders(ctx.loaders, this.db).conversationById.load(message.conversationId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  author(@Parent() message: MessageEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.userById.load(message.authorId);
  }

  @ResolveField(() => String, { description: 'Only ever handed to the two participants' })
  body(@Parent() message: MessageEntity) {
    return this.conversations.body(message);
  }

  @ResolveField(() => String, { nullable: true, description: 'To its author only, when the message read like a crisis: where to get help now (CRISIS_RESOURCES)' })
  crisisResources(@Parent() message: MessageEntity, @CurrentUser() caller: AuthUser) {
    return this.conversations.crisisResources(message, caller);
  }
}
