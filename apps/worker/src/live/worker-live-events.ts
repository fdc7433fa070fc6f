import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { LiveEvent, createRedis, liveEventsChannel, publishLiveEvents } from '@anchored/jobs';
import { WORKER_CONFIG } from '../worker-config.module';

/**
 * The worker's side of live updates: what it stores (notifications) is announced on the channel the
 * API instances listen to, after the transaction commits. Never throws.
 */
@Injectable()
export class WorkerLiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger(WorkerLiveEvents.name);
  private readonly redis?: IORedis;
  private readonly channel: string;

  constructor(@Inject(WORKER_CONFIG) config: AppConfig) {
    this.channel = liveEventsChannel(config.notifications.queuePrefix);
    if (!config.redisUrl) return;
    this.redis = createRedis(config.redisUrl, 'producer');
    this.redis.on('error', (error) => this.logger.warn(`Redis (live events): ${error.message}`));
  }

  async publish(events: readonly LiveEvent[]): Promise<void> {
    if (this.redis && events.length) await publishLiveEvents(this.redis, this.channel, events);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
