import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { LiveEvent, createRedis } from '@anchored/jobs';
import { APP_CONFIG } from '../config.module';
import { Loaders, LoadersFactory } from '../loaders/loaders';
import { LiveEventsPublisher } from './live-events.publisher';
import { LocalLiveBus } from './local-live-bus';

/** What one subscription wants from the stream of live events. */
export interface LiveSubscription<T> {
  /** A cheap test on the event's ids (its type, user, cohort), run for every event in this process. */
  filter: (event: LiveEvent) => boolean;
  /**
   * Loads what the event names and checks the subscriber's access NOW (at delivery, not at
   * subscribe time), with loaders fresh for this event. Returns the payload to send (for a
   * @Subscription: `{ [fieldName]: value }`), or null/undefined to send nothing.
   */
  deliver: (event: LiveEvent, loaders: Loaders) => Promise<T | null | undefined>;
  /**
   * The subscription's GraphQL context. Its `loaders` are replaced before each event, so the
   * payload's nested fields load fresh facts too (a subscription's context lives for hours).
   */
  context?: { loaders: Loaders };
}

/** Events a slow subscriber may have waiting before the oldest are dropped. */
const MAX_PENDING = 200;

/**
 * The receiving side of live events: one Redis subscriber connection per API process on the
 * channel every instance and the worker publish to, fanned out in memory to this process's open
 * subscriptions. See realtime.module.ts for how a resolver uses it.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private subscriber?: IORedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publisher: LiveEventsPublisher,
    private readonly local: LocalLiveBus,
    private readonly loaders: LoadersFactory,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    // A subscriber connection blocks: it must retry forever and resubscribes by itself on reconnect.
    this.subscriber = createRedis(this.config.redisUrl, 'worker');
    this.subscriber.on('error', (error) => this.logger.warn(`Redis (live events subscriber): ${error.message}`));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.publisher.channel) return;
      const event = parseLiveEvent(message);
      if (event) this.local.emit(event);
    });
    try {
      await this.subscriber.subscribe(this.publisher.channel);
    } catch (error) {
      this.logger.warn(`Could not subscribe to live events yet (it retries): ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  /**
   * One set of loaders per event, shared by every subscription of this process that receives it:
   * the event reaches them all in the same tick, so their access checks batch into one query per
   * kind of fact instead of one per subscriber. Loaders hold facts, not answers for a caller (rows
   * by id, seats, coaches), so sharing them between subscribers reveals nothing; each
   * subscription still decides for its own subscriber.
   */
  private readonly perEvent = new WeakMap<LiveEvent, Loaders>();

  private loadersFor(event: LiveEvent): Loaders {
    let loaders = this.perEvent.get(event);
    if (!loaders) {
      loaders = this.loaders.create();
      this.perEvent.set(event, loaders);
    }
    return loaders;
  }

  /** How many subscriptions this process has open (for tests and the benchmark). */
  get openSubscriptions(): number {
    return this.local.size;
  }

  /**
   * The events one subscriber receives, in order, each checked by `deliver` when it arrives. The
   * iterator ends (and stops listening) when the client unsubscribes or disconnects.
   */
  iterate<T>(subscription: LiveSubscription<T>): AsyncIterableIterator<T> {
    const pending: LiveEvent[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const stop = this.local.listen((event) => {
      if (done || !subscription.filter(event)) return;
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push(event);
      wake?.();
    });
    const finish = (): IteratorResult<T> => {
      done = true;
      stop();
      pending.length = 0;
      wake?.();
      return { done: true, value: undefined };
    };
    const next = async (): Promise<IteratorResult<T>> => {
      while (!done) {
        const event = pending.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const loaders = this.loadersFor(event);
        if (subscription.context) subscription.context.loaders = loaders;
        try {
          const payload = await subscription.deliver(event, loaders);
          if (payload !== null && payload !== undefined && !done) return { done: false, value: payload };
        } catch (error) {
          // Refused or gone since: this subscriber does not get it. Nothing else to do.
          this.logger.debug?.(`Live event not delivered: ${(error as Error).message}`);
        }
      }
      return { done: true, value: undefined };
    };
    return {
      next,
      return: async () => finish(),
      throw: async (error?: unknown) => {
        finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Only well-formed events reach resolvers (the channel is shared; trust nothing on it). */
export function parseLiveEvent(message: string): LiveEvent | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  switch (value['type']) {
    case 'feed':
      return isId(value['cohortId']) && isId(value['postId']) && typeof value['kind'] === 'string' && (value['replyId'] === undefined || isId(value['replyId']))
        ? (value as unknown as LiveEvent)
        : null;
    case 'message':
      return isId(value['conversationId']) && isId(value['messageId']) ? (value as unknown as LiveEvent) : null;
    case 'notification':
      return isId(value['userId']) && isId(value['notificationId']) ? (value as unknown as LiveEvent) : null;
    default:
      return null;
  }
}
