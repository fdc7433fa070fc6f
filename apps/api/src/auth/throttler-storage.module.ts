import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '@anchored/config';

export const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');

/**
 * Rate-limit counters in Redis when REDIS_URL is set (shared by every API instance), else null and
 * the throttler keeps them in memory. As a provider, its connection closes with the app.
 */
@Module({})
export class ThrottlerStorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ThrottlerStorageModule,
      // Global: the sign-up limit (SignUpLimitService) counts in the same Redis.
      global: true,
      providers: [
        {
          provide: THROTTLER_STORAGE,
          useFactory: () =>
            config.redisUrl
              ? new ThrottlerStorageRedisService(config.redisUrl, { keyPrefix: `${config.notifications.queuePrefix}:throttle:`, maxRetriesPerRequest: 1 })
              : null,
        },
      ],
      exports: [THROTTLER_STORAGE],
    };
  }
}
