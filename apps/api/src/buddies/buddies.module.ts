import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { BuddiesResolver } from './buddies.resolver';
import { BuddiesService } from './buddies.service';

/** Buddies (docs/buddies.md); tells the conversations feature who are current buddies, and opens their conversation. */
@Module({
  imports: [ConversationsModule],
  providers: [BuddiesService, BuddiesResolver],
  exports: [BuddiesService],
})
export class BuddiesModule {}
