import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { LiveEvents } from '../src/realtime/live-events.service';
import type { TestApp } from './test-app';

/** A real graphql-ws client over a real WebSocket to one TestApp (no retries: a refusal stays one). */
export interface LiveClient {
  client: Client;
  /** Close codes seen. */
  closes: number[];
  dispose(): Promise<void>;
}

export function liveClient(app: TestApp, token?: string): LiveClient {
  const closes: number[] = [];
  const client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  return { client, closes, dispose: () => client.dispose() as Promise<void> };
}

/** One subscription's results as they arrive. */
export interface LiveSubscription<T = any> {
  results: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }[];
  /** Resolves with the n-th result (1-based), or rejects after `ms`. */
  nth(n: number, ms?: number): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Ends with the error the server sent, if any. */
  ended: Promise<unknown>;
  stop(): void;
}

export function subscribe<T = any>(live: LiveClient, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const results: LiveSubscription<T>['results'] = [];
  const waiters: (() => void)[] = [];
  let stop = (): void => undefined;
  const ended = new Promise<unknown>((resolve) => {
    stop = live.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          results.push(value as LiveSubscription<T>['results'][number]);
          waiters.splice(0).forEach((w) => w());
        },
        error: (error) => resolve(error),
        complete: () => resolve(undefined),
      },
    );
  });
  const nth = async (n: number, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (results.length < n) {
      if (Date.now() > deadline) throw new Error(`Only ${results.length} of ${n} live results arrived within ${ms} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return results[n - 1];
  };
  return { results, nth, ended, stop: () => stop() };
}

/** Waits until `app` holds at least `count` open subscriptions (the server side is listening). */
export async function subscribersOn(app: TestApp, count: number, ms = 5_000): Promise<void> {
  const live = app.app.get(LiveEvents);
  const deadline = Date.now() + ms;
  while (live.openSubscriptions < count) {
    if (Date.now() > deadline) throw new Error(`Only ${live.openSubscriptions} of ${count} subscriptions opened`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
