import { Module } from '@nestjs/common';
import { CommunityService } from './community.service';
import { PostResolver, ReplyResolver } from './community.resolver';
import { FeedAnnouncer } from './feed-announcer';

@Module({
  providers: [CommunityService, FeedAnnouncer, PostResolver, ReplyResolver],
  exports: [CommunityService],
})
export class CommunityModule {}
