import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { THROTTLER_STORAGE } from '../auth/throttler-storage.module';

type RedisClient = ThrottlerStorageRedisService['redis'];

/**
 * Fixed-window counters for the account-link mutations (reset requests per IP and per address,
 * resends, the "someone tried to sign up" email per address). In Redis when there is one, through
 * the throttler's connection and key prefix, so a limit holds across API instances.
 */
@Injectable()
export class AccountLimitsService {
  private readonly local = new Map<string, { count: number; expiresAt: number }>();
  private readonly redis: RedisClient | null;

  constructor(@Inject(THROTTLER_STORAGE) storage: ThrottlerStorageRedisService | null) {
    this.redis = storage?.redis ?? null;
  }

  /** Counts one use of `key`; true while at most `limit` uses fell in the current window. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const full = `account-limit:${key}`;
    if (this.redis) {
      const result = await this.redis.multi().set(full, 0, 'EX', windowSeconds, 'NX').incr(full).exec();
      const count = Number(result?.[1]?.[1] ?? 0);
      return count <= limit;
    }
    const now = Date.now();
    const entry = this.local.get(full);
    if (entry && entry.expiresAt > now) entry.count += 1;
    else this.local.set(full, { count: 1, expiresAt: now + windowSeconds * 1000 });
    return (this.local.get(full)?.count ?? 0) <= limit;
  }
}
