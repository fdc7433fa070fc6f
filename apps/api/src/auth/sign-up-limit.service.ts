import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { DomainError, ErrorCode } from '@anchored/domain';
import { THROTTLER_STORAGE } from './throttler-storage.module';

/**
 * signUp must answer CONFLICT for an address that has an account (it logs the new account in at
 * once, so it cannot pretend to succeed), which tells anyone which addresses are registered. This
 * makes that answer slow to harvest: after TAKEN_EMAIL_LIMIT such answers to one client IP within
 * TAKEN_EMAIL_WINDOW_SECONDS, every sign-up from that IP is refused with TOO_MANY_REQUESTS until the
 * window ends, whether or not the next address is taken (otherwise the refusal would be the answer).
 */
export const TAKEN_EMAIL_LIMIT = 5;
export const TAKEN_EMAIL_WINDOW_SECONDS = 60 * 60;

type RedisClient = ThrottlerStorageRedisService['redis'];

@Injectable()
export class SignUpLimitService {
  /** Without Redis (development, one instance): counters in memory. */
  private readonly local = new Map<string, { count: number; expiresAt: number }>();
  private readonly redis: RedisClient | null;

  constructor(@Inject(THROTTLER_STORAGE) storage: ThrottlerStorageRedisService | null) {
    // The throttler's own connection (and key prefix), so the count holds across API instances.
    this.redis = storage?.redis ?? null;
  }

  private key(ip: string | undefined): string {
    return `signup-taken:${ip ?? 'unknown'}`;
  }

  /** Refuses every sign-up from an IP that has been told "taken" too often lately. */
  async assertAllowed(ip: string | undefined): Promise<void> {
    const key = this.key(ip);
    let count = 0;
    let msLeft = 0;
    if (this.redis) {
      const [value, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
      count = Number(value ?? 0);
      msLeft = ttl;
    } else {
      const entry = this.local.get(key);
      if (entry && entry.expiresAt > Date.now()) [count, msLeft] = [entry.count, entry.expiresAt - Date.now()];
    }
    if (count >= TAKEN_EMAIL_LIMIT) {
      const minutes = Math.max(1, Math.ceil(msLeft / 60_000));
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-up attempts from your network. Please try again in ${minutes} minutes, or log in.`);
    }
  }

  /** One more "this address has an account" answer for this IP. */
  async recordTaken(ip: string | undefined): Promise<void> {
    const key = this.key(ip);
    if (this.redis) {
      // SET NX starts the window once; INCR keeps its expiry.
      await this.redis.multi().set(key, 0, 'PX', TAKEN_EMAIL_WINDOW_SECONDS * 1000, 'NX').incr(key).exec();
      return;
    }
    const now = Date.now();
    const entry = this.local.get(key);
    if (entry && entry.expiresAt > now) entry.count += 1;
    else this.local.set(key, { count: 1, expiresAt: now + TAKEN_EMAIL_WINDOW_SECONDS * 1000 });
  }
}
