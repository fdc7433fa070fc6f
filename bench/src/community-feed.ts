import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anchored/config';
import { PrivateTextCipher, postBodyAad, replyBodyAad } from '@anchored/data';
import type { BenchContext, BenchResult, Scenario } from './context';
import { fromDist } from './dist';
import { feedBaselineServer } from './feed-baseline';

const PASSWORD = 'bench-circle-password';
const FEED = `query($c: ID!) { cohortFeed(cohortId: $c, limit: 20) {
  id kind body pinned hidden removed createdAt author { id name } reactions { reaction count mine } replyCount
  replies { id body createdAt author { id name } } } }`;

/**
 * The circle's feed page (docs/community.md): a cohort of 20 clients, a page of 20 posts each with
 * replies and reactions, read by the coach through the built API in this process. Measured: SQL
 * statements per request for pages of 5 and 20 posts (no more for 20: DataLoaders), and the page's
 * latency (p50/p95 over sequential requests).
 */
export const communityFeedScenario: Scenario = async (ctx: BenchContext) => {
  const clients = ctx.smoke ? 4 : 20;
  const requests = ctx.smoke ? 5 : 100;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
  const cipher = new PrivateTextCipher(config.homeworkKeys);
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const { createApp } = fromDist<{ createApp: (c: unknown) => Promise<{ listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string>; get<T>(token: unknown): T; close(): Promise<void> }> }>(
    ctx.root,
    'api',
    'create-app.js',
  );
  const app = await createApp(config);
  try {
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2 });
    const coachEmail = `circle-coach-${Date.now()}@bench.test`;
    const coach = (await db.query(`INSERT INTO users (email, name, role, timezone, password_hash, calendar_token) VALUES ($1, 'Bench Coach', 'COACH', 'Europe/Berlin', $2, $3) RETURNING id`, [coachEmail, hash, randomBytes(16).toString('hex')])).rows[0].id as string;
    const small = await seedCircle(db, cipher, coach, clients, 5);
    const large = await seedCircle(db, cipher, coach, clients, 20);
    await db.query('ANALYZE');

    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const login = (await post(`${url}/graphql`, { query: `mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }`, variables: { i: { email: coachEmail, password: PASSWORD } } })) as { data: { logIn: { accessToken: string } } };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.data.logIn.accessToken}` };
    const logger = app.get<DataSource>(DataSource).logger;
    const original = logger.logQuery.bind(logger);
    const count = async (cohortId: string) => {
      let n = 0;
      logger.logQuery = (query, parameters, runner) => {
        n += 1;
        return original(query, parameters, runner);
      };
      const page = (await post(`${url}/graphql`, { query: FEED, variables: { c: cohortId } }, headers)) as { data?: { cohortFeed: unknown[] }; errors?: unknown };
      logger.logQuery = original;
      if (!page.data) throw new Error(`feed failed: ${JSON.stringify(page.errors)}`);
      return { n, posts: page.data.cohortFeed.length };
    };
    // One request first: the first after start also loads what every request shares once (warm-up).
    await post(`${url}/graphql`, { query: FEED, variables: { c: small } }, headers);
    const five = await count(small);
    const twenty = await count(large);

    // The raw baseline (feed-baseline.ts) answers the same page; both are timed one request at a
    // time, alternating, so the machine's load falls on both alike.
    const pool = new Pool({ connectionString: ctx.databaseUrl, max: 10 });
    const baseline = await feedBaselineServer(pool, cipher, coach);
    const times: number[] = [];
    const baseTimes: number[] = [];
    let same = false;
    try {
      const page = { query: FEED, variables: { c: large } };
      same = JSON.stringify(normalise(await post(`${url}/graphql`, page, headers))) === JSON.stringify(normalise(await post(baseline.url, page)));
      if (!same) ctx.log('community feed: the API and the baseline answered differently');
      for (let i = 0; i < requests; i++) {
        let started = performance.now();
        await post(`${url}/graphql`, page, headers);
        times.push(performance.now() - started);
        started = performance.now();
        await post(baseline.url, page);
        baseTimes.push(performance.now() - started);
      }
    } finally {
      baseline.server.close();
      await pool.end();
    }
    times.sort((a, b) => a - b);
    baseTimes.sort((a, b) => a - b);
    const pct = (p: number, xs = times) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
    // Pages per second for one client at a time is 1000 / the median time.
    const ratio = pct(50, baseTimes) / pct(50);
    ctx.log(`community feed: statements ${five.posts} posts: ${five.n}, ${twenty.posts} posts: ${twenty.n}; p50 ${pct(50).toFixed(1)} ms (baseline ${pct(50, baseTimes).toFixed(1)}), p95 ${pct(95).toFixed(1)} ms (baseline ${pct(95, baseTimes).toFixed(1)})`);
    const results: BenchResult[] = [
      { scenario: 'community-feed', metric: `sql statements per feed page (${five.posts} posts)`, value: five.n },
      {
        scenario: 'community-feed',
        metric: `sql statements per feed page (${twenty.posts} posts, replies, reactions, ${clients}-client cohort)`,
        value: twenty.n,
        ratio: twenty.n / five.n,
        // One statement per kind of thing per level, whatever the number of posts (the 5-post page
        // can take one more: its reply authors are not all among its post authors, a second batch).
        target: '<= the 5-post page (no N+1)',
        met: twenty.n <= five.n,
      },
      { scenario: 'community-feed', metric: 'correctness: same page as the raw baseline', value: same ? 1 : 0, met: same },
      { scenario: 'community-feed', metric: 'feed pages/s, one client (1000 / p50)', value: 1000 / pct(50), baseline: 1000 / pct(50, baseTimes), ratio, target: '>= 0.5x baseline', met: ratio >= 0.5 },
      { scenario: 'community-feed', metric: 'feed page p50 ms', value: pct(50), baseline: pct(50, baseTimes), ratio: pct(50) / pct(50, baseTimes) },
      { scenario: 'community-feed', metric: 'feed page p95 ms', value: pct(95), baseline: pct(95, baseTimes), ratio: pct(95) / pct(95, baseTimes) },
    ];
    return results;
  } finally {
    await app.close();
    await db.end();
  }
};

/** An ACTIVE cohort with the coach and `clients` clients; `posts` posts by them, each with two replies and three reactions (bodies encrypted as the API does). */
async function seedCircle(db: Client, cipher: PrivateTextCipher, coachId: string, clients: number, posts: number): Promise<string> {
  const cohortId = (await db.query(`INSERT INTO cohorts (name, status, starts_on, timezone, capacity) VALUES ($1, 'ACTIVE', (now() - interval '3 weeks')::date, 'Europe/Berlin', 100) RETURNING id`, [`Bench circle ${posts}`])).rows[0].id as string;
  await db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohortId, coachId]);
  const members = (
    await db.query(
      `WITH u AS (INSERT INTO users (email, name, role, timezone, password_hash, calendar_token)
         SELECT 'circle-' || $1::text || '-' || g || '@bench.test', 'Member ' || g, 'CLIENT', 'Europe/Berlin', 'x', md5(random()::text) FROM generate_series(1, $2::int) g RETURNING id)
       INSERT INTO enrollments (cohort_id, client_id, status) SELECT $1::uuid, id, 'ENROLLED' FROM u RETURNING client_id`,
      [cohortId, clients],
    )
  ).rows.map((r) => r.client_id as string);
  for (let i = 0; i < posts; i++) {
    const id = randomUUID();
    await db.query(`INSERT INTO posts (id, cohort_id, kind, author_id, body_encrypted, created_at) VALUES ($1, $2, 'DISCUSSION', $3, $4, now() - $5 * interval '1 minute')`, [
      id,
      cohortId,
      members[i % members.length],
      cipher.encrypt(`Post ${i}: what I noticed this week.`, postBodyAad({ id, cohortId })),
      i,
    ]);
    for (let r = 1; r <= 2; r++) {
      const replyId = randomUUID();
      await db.query(`INSERT INTO post_replies (id, post_id, author_id, body_encrypted) VALUES ($1, $2, $3, $4)`, [replyId, id, members[(i + r) % members.length], cipher.encrypt('With you.', replyBodyAad({ id: replyId, postId: id }))]);
    }
    for (const [k, reaction] of ['HEART', 'WITH_YOU', 'THANK_YOU'].entries()) {
      await db.query(`INSERT INTO post_reactions (post_id, user_id, reaction) VALUES ($1, $2, $3)`, [id, members[(i + k + 3) % members.length], reaction]);
    }
  }
  return cohortId;
}

/** Arrays in a stable order, keys sorted, so two answers compare as JSON. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v)]));
  return value;
}

async function post(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}
