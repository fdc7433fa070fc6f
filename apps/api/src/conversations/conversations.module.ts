import { Module } from '@nestjs/common';
import { ConversationsResolver, MessageResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';

/**
 * Private conversations and messages (docs/messages.md). Exports ConversationsService for the
 * buddies feature:
 * - `openBetween(cohortId, userA, userB, ConversationKind.BUDDIES, manager?)` opens (or returns)
 *   a pair's conversation, in the caller's transaction, without a rule check of its own;
 * - `useBuddyCheck((cohortId, a, b) => Promise<boolean>)` tells the rules who are current
 *   buddies (until then nobody is, and buddy conversations are closed).
 */
@Module({
  providers: [ConversationsService, ConversationsResolver, MessageResolver],
  exports: [ConversationsService],
})
export class ConversationsModule {}
