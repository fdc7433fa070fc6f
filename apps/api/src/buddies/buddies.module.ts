import { Module } from '@nestjs/common';
import { BuddiesResolver } from './buddies.resolver';
import { BuddiesService } from './buddies.service';

@Module({
  providers: [BuddiesService, BuddiesResolver],
  exports: [BuddiesService],
})
export class BuddiesModule {}
