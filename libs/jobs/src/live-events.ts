import type IORedis from 'ioredis';

/**
 * Live updates (GraphQL subscriptions) travel between processes through one Redis pub/sub channel,
 * so an event raised by any API instance or by the worker reaches subscribers on every API instance.
 * An event carries ids only, never text: each API instance loads what it names and checks the
 * subscriber's access at delivery time.
 */
export function liveEventsChannel(queuePrefix: string): string {
  // The BullMQ key prefix separates deployments (and test runs) sharing one Redis; so does this.
  return `${queuePrefix}:live-events`;
}

export type FeedEventKindName = 'POST_CREATED' | 'POST_UPDATED' | 'POST_REMOVED' | 'REPLY_CREATED' | 'REACTIONS_CHANGED';

export type LiveEvent =
  /** Something changed in a cohort's community feed. */
  | { type: 'feed'; cohortId: string; kind: FeedEventKindName; postId: string; replyId?: string }
  /** A message was sent in a conversation (delivered to its participants). */
  | { type: 'message'; conversationId: string; messageId: string }
  /** A notification was stored for a user. */
  | { type: 'notification'; userId: string; notificationId: string };

/**
 * Publishes after the writing transaction has committed (a subscriber must find what the event
 * names). Never throws: a live update is a convenience, the data is already saved, and the next
 * query shows it.
 */
export async function publishLiveEvents(redis: IORedis, channel: string, events: readonly LiveEvent[]): Promise<void> {
  for (const event of events) {
    try {
      await redis.publish(channel, JSON.stringify(event));
    } catch {
      // Redis is down: subscribers miss this one update; nothing else depends on it.
    }
  }
}
