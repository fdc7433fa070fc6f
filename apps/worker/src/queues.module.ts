import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { EMAIL_QUEUE, Queues, REMINDERS_QUEUE, createQueues, createRedis } from '@anchored/jobs';
import { WORKER_CONFIG } from './worker-config.module';

export const REDIS = Symbol('REDIS');
const QUEUES = Symbol('QUEUES');

export function queueToken(name: string): string {
  return `queue:${name}`;
}

/** One Redis connection for producing, and the two queues on it. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [WORKER_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redisUrl as string, 'worker'),
    },
    {
      provide: QUEUES,
      inject: [REDIS, WORKER_CONFIG],
      useFactory: (redis: IORedis, config: AppConfig) => createQueues(redis, { prefix: config.notifications.queuePrefix, ...config.notifications }),
    },
    { provide: queueToken(REMINDERS_QUEUE), inject: [QUEUES], useFactory: (queues: Queues) => queues.reminders },
    { provide: queueToken(EMAIL_QUEUE), inject: [QUEUES], useFactory: (queues: Queues) => queues.email },
  ],
  exports: [REDIS, queueToken(REMINDERS_QUEUE), queueToken(EMAIL_QUEUE)],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUES) private readonly queues: Queues,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** Last of all: the workers (stopped in onModuleDestroy) still need Redis to finish their jobs. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.queues.reminders.close(), this.queues.email.close()]);
    this.redis.disconnect();
  }
}
