import { Module } from '@nestjs/common';
import { CommunityService } from './community.service';
import { FeedEventsResolver } from './feed-events.resolver';
import { PostResolver, ReplyResolver } from './community.resolver';

@Module({
  providers: [CommunityService, PostResolver, ReplyResolver, FeedEventsResolver],
  exports: [CommunityService],
})
export class CommunityModule {}
