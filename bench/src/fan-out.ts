import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createClient, type Client as WsClient } from 'graphql-ws';
import IORedis from 'ioredis';
import { Client } from 'pg';
import WebSocket from 'ws';
import type { BenchResult, Scenario } from './context';
import { distMain } from './dist';

/**
 * Live fan-out (docs/live-updates.md): two API processes in production mode behind "a load
 * balancer" (subscribers spread over both), one Redis. Each round publishes ONE live event on the
 * shared channel, exactly as a writer does after its commit; every subscriber's instance receives it
 * from Redis, checks the subscriber's access against the database (one query per subscriber) and
 * sends it over the WebSocket. Measured: publish to arrival at each of the 40 clients, p50/p95/max
 * over all rounds. The 40 subscriptions are notificationAdded of one person on 40 devices: the same
 * path a feed event takes to 40 members (one event, a per-subscriber check, one send each).
 */
export const fanOutScenario: Scenario = async (ctx) => {
  const subscribers = ctx.smoke ? 6 : 40;
  const rounds = ctx.smoke ? 5 : 50;
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const redis = new IORedis(ctx.redisUrl, { maxRetriesPerRequest: null });
  const children: ChildProcess[] = [];
  const clients: WsClient[] = [];
  const jwtSecret = randomBytes(32).toString('hex');
  try {
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const api = spawn(process.execPath, [distMain(ctx.root, 'api')], {
        cwd: ctx.root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          JWT_SECRET: jwtSecret,
          DATABASE_URL: ctx.databaseUrl,
          REDIS_URL: ctx.redisUrl,
          QUEUE_PREFIX: ctx.queuePrefix,
          PORT: String(port),
          AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
          LOG_LEVEL: 'warn',
        },
      });
      children.push(api);
      urls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(urls.map((url) => waitFor(`${url}/health`)));

    const email = `fan-out-${Date.now()}@bench.test`;
    const signUp = (await post(`${urls[0]}/graphql`, {
      query: `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken user { id } } }`,
      variables: { i: { email, password: 'bench fan-out password', name: 'Bench Subscriber', timezone: 'Europe/Berlin' } },
    })) as { data: { signUp: { accessToken: string; user: { id: string } } } };
    const { accessToken, user } = signUp.data.signUp;

    const arrivals: number[][] = Array.from({ length: rounds }, () => []);
    let ready = 0;
    await Promise.all(
      Array.from({ length: subscribers }, (_, i) => {
        const client = createClient({
          url: `${urls[i % 2].replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${accessToken}` },
          retryAttempts: 0,
        });
        clients.push(client);
        return new Promise<void>((resolve, reject) => {
          client.on('connected', () => {
            ready++;
            resolve();
          });
          client.subscribe<{ notificationAdded: { subject: string } }>(
            { query: `subscription { notificationAdded { subject } }` },
            {
              next: (result) => {
                const round = Number(result.data?.notificationAdded.subject.replace('round ', ''));
                if (!Number.isNaN(round)) arrivals[round]?.push(performance.now());
              },
              error: reject,
              complete: () => undefined,
            },
          );
        });
      }),
    );
    // Subscriptions are registered right after the connection ack; give both instances a moment.
    await sleep(500);
    ctx.log(`fan-out: ${ready} subscribers over 2 API instances, ${rounds} rounds`);

    const channel = `${ctx.queuePrefix}:live-events`;
    const latencies: number[] = [];
    let missing = 0;
    for (let round = 0; round < rounds; round++) {
      const { rows } = await db.query(
        `INSERT INTO notifications (user_id, kind, dedupe_key, subject, body, html, email_status) VALUES ($1, 'SECURITY', $2, $3, 'bench', '<p>bench</p>', 'SKIPPED') RETURNING id`,
        [user.id, `bench-fan-out:${ctx.queuePrefix}:${round}`, `round ${round}`],
      );
      const sentAt = performance.now();
      await redis.publish(channel, JSON.stringify({ type: 'notification', userId: user.id, notificationId: rows[0].id }));
      const deadline = Date.now() + 5_000;
      while (arrivals[round].length < subscribers && Date.now() < deadline) await sleep(2);
      missing += subscribers - arrivals[round].length;
      latencies.push(...arrivals[round].map((at) => at - sentAt));
      await sleep(20);
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const p95 = pct(95);
    ctx.log(`fan-out: p50 ${pct(50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms, ${missing} missing`);
    const results: BenchResult[] = [
      { scenario: 'fan-out', metric: `p95 delivery ms (1 event, ${subscribers} subscribers, 2 instances)`, value: p95, target: '< 100 ms', met: p95 < 100 },
      { scenario: 'fan-out', metric: 'p50 delivery ms', value: pct(50) },
      { scenario: 'fan-out', metric: 'correctness: every subscriber got every event', value: missing, target: '0 missing', met: missing === 0 },
    ];
    return results;
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    redis.disconnect();
    await db.end();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
