import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@anchored/config';
import type { BenchResult, Scenario } from './context';
import { fromDist } from './dist';

const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * requestPasswordReset must not tell whether an address has an account, by its answer or by its
 * time. Through the built API in this process: requests for existing and for unknown addresses,
 * interleaved in a random order (each from its own client address and for its own email, so the
 * rate limits never answer instead), timed from the client. The medians must be closer than the
 * larger of 1 ms and 10 % (the spread, IQR, is logged alongside).
 */
export const passwordResetScenario: Scenario = async (ctx) => {
  const pairs = ctx.smoke ? 10 : 200;
  const outbox = mkdtempSync(join(tmpdir(), 'anchored-bench-reset-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '1000000', MAIL_OUTBOX_DIR: outbox });
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const { createApp } = fromDist<{ createApp: (c: unknown) => Promise<{ listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string>; close(): Promise<void> }> }>(ctx.root, 'api', 'create-app.js');
  const app = await createApp(config);
  try {
    const run = randomBytes(4).toString('hex');
    await db.query(
      `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token)
       SELECT 'reset-' || $1::text || '-' || g || '@bench.test', 'Reset ' || g, 'CLIENT', 'Europe/Berlin', 'x', gen_random_uuid()::text FROM generate_series(1, $2::int) g`,
      [run, pairs],
    );
    await db.query('ANALYZE');
    await app.listen(0, '127.0.0.1');
    const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    let ip = 0;
    const ask = async (email: string) => {
      ip += 1;
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        // A different client address each time (the API believes a proxy on this machine).
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` },
        body: JSON.stringify({ query: RESET, variables: { email } }),
      });
      const body = await res.text();
      return { ms: performance.now() - started, body };
    };
    // Warm-up: both paths once.
    await ask(`reset-${run}-1@bench.test`);
    await ask(`nobody-${run}-warm@bench.test`);
    const existing: number[] = [];
    const unknown: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; i < pairs; i++) {
      const order = Math.random() < 0.5 ? ['known', 'unknown'] : ['unknown', 'known'];
      for (const kind of order) {
        const result = await ask(kind === 'known' ? `reset-${run}-${i + 1}@bench.test` : `nobody-${run}-${i}@bench.test`);
        (kind === 'known' ? existing : unknown).push(result.ms);
        answers.add(result.body);
      }
    }
    // Tokens are made after the answer, in the background: give them a moment.
    let tokens = 0;
    for (let i = 0; i < 100 && tokens < pairs + 1; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 50));
      tokens = Number((await db.query(`SELECT count(*)::int AS n FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email LIKE $1`, [`reset-${run}-%`])).rows[0].n);
    }
    const iqr = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length * 0.75)] - sorted[Math.floor(sorted.length * 0.25)];
    };
    const [a, b] = [median(existing), median(unknown)];
    const gap = Math.abs(a - b);
    const allowed = Math.max(1, 0.1 * Math.min(a, b));
    ctx.log(`password reset: existing median ${a.toFixed(2)} ms (IQR ${iqr(existing).toFixed(2)}), unknown ${b.toFixed(2)} ms (IQR ${iqr(unknown).toFixed(2)}); ${tokens} tokens`);
    const results: BenchResult[] = [
      { scenario: 'password-reset', metric: 'ms per request, existing address (median)', value: a, baseline: b, ratio: a / b, notes: 'baseline: an unknown address' },
      { scenario: 'password-reset', metric: 'median gap ms, existing vs unknown', value: gap, target: `< ${allowed.toFixed(2)} ms (the larger of 1 ms and 10 %)`, met: gap < allowed },
      { scenario: 'password-reset', metric: 'correctness: same answer for both, a token only for accounts', value: answers.size, met: answers.size === 1 && tokens === pairs + 1, notes: `${tokens} tokens` },
    ];
    return results;
  } finally {
    await app.close();
    await db.end();
    rmSync(outbox, { recursive: true, force: true });
  }
};
