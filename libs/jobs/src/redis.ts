import IORedis, { RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
 * Producers in the API fail fast instead, so a request never hangs on a Redis outage: the
 * reconciler re-creates whatever they could not enqueue.
 */
export function redisOptions(role: 'worker' | 'producer'): RedisOptions {
  return role === 'worker' ? { maxRetriesPerRequest: null, enableReadyCheck: true } : { maxRetriesPerRequest: 1, connectTimeout: 2_000 };
}

export function createRedis(url: string, role: 'worker' | 'producer'): IORedis {
  return new IORedis(url, { ...redisOptions(role), lazyConnect: false });
}
