import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { LiveEvent, createRedis, liveEventsChannel, publishLiveEvents } from '@anchored/jobs';
import { APP_CONFIG } from '../config.module';
import { LocalLiveBus } from './local-live-bus';

/**
 * Announces live events to every API instance (through the Redis channel of libs/jobs
 * live-events.ts). Call it AFTER the writing transaction has committed, with ids only:
 *
 *   const post = await this.db.transaction(...);
 *   await this.live.publish({ type: 'feed', cohortId, kind: 'POST_CREATED', postId: post.id });
 *
 * Never throws and never waits long: a live update is a convenience, the data is already saved.
 * Without REDIS_URL (a single API in development) events go straight to this process's subscribers.
 */
@Injectable()
export class LiveEventsPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsPublisher.name);
  private readonly redis?: IORedis;
  readonly channel: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly local: LocalLiveBus,
  ) {
    this.channel = liveEventsChannel(config.notifications.queuePrefix);
    if (!config.redisUrl) return;
    this.redis = createRedis(config.redisUrl, 'producer');
    this.redis.on('error', (error) => this.logger.warn(`Redis (live events): ${error.message}`));
  }

  async publish(...events: LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      if (this.redis) await publishLiveEvents(this.redis, this.channel, events);
      else for (const event of events) this.local.emit(event);
    } catch (error) {
      this.logger.warn(`Could not publish ${events.length} live events: ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
