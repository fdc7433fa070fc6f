import autocannon from 'autocannon';
import * as argon2 from 'argon2';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anchored/config';
import type { BenchContext, BenchResult, Scenario } from './context';
import { DASHBOARD_QUERY } from './dashboard-query';
import { distMain, fromDist } from './dist';

const PASSWORD = 'bench-coach-password';

/**
 * The coach dashboard: one real dashboard operation over GraphQL (a separate API process in
 * production mode, as deployed) against a raw pg + node:http server answering the same JSON;
 * SQL statements per request for 10, 50 and 200 clients; and the API's resident memory before
 * and after the load.
 */
export const dashboardScenario: Scenario = async (ctx) => {
  const clients = ctx.smoke ? 4 : 20;
  const sizes = ctx.smoke ? [2, 4, 8] : [10, 50, 200];
  // A long timeout: on a loaded shared machine a slow answer is a latency, not an error.
  const load = ctx.smoke ? { connections: 2, duration: 2, timeout: 30 } : { connections: 50, duration: 20, timeout: 30 };

  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const children: ChildProcess[] = [];
  try {
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2 });
    const coach = await insertUser(db, 'COACH', 'Bench Coach', `coach-${Date.now()}@bench.test`, hash);
    const cohortId = await seedCohort(db, coach, clients);
    const sized = [];
    for (const size of sizes) sized.push({ size, cohortId: await seedCohort(db, coach, size) });
    await db.query('ANALYZE');

    // The API as deployed: its own process, production mode (with its response cache, 30 s), and
    // once more with the cache off, so that the executing path stays measured too.
    const startApi = async (cacheSeconds: number) => {
      const port = await freePort();
      const child = spawn(process.execPath, [distMain(ctx.root, 'api')], {
        cwd: ctx.root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          JWT_SECRET: randomBytes(32).toString('hex'),
          DATABASE_URL: ctx.databaseUrl,
          PORT: String(port),
          AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
          LOG_LEVEL: 'warn',
          REDIS_URL: '',
          RESPONSE_CACHE_SECONDS: String(cacheSeconds),
        },
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/health`);
      const login = await post(url + '/graphql', {
        query: `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`,
        variables: { input: { email: coach.email, password: PASSWORD } },
      });
      const token = (login as { data: { logIn: { accessToken: string } } }).data.logIn.accessToken;
      return { child, url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
    };

    const basePort = await freePort();
    const baseline = fork(join(__dirname, 'dashboard-baseline.js'), [], { env: { ...process.env, DATABASE_URL: ctx.databaseUrl, PORT: String(basePort) } });
    children.push(baseline);
    await new Promise((resolve) => baseline.once('message', resolve));
    const baseUrl = `http://127.0.0.1:${basePort}`;

    const body = JSON.stringify({ query: DASHBOARD_QUERY, variables: { id: cohortId } });
    const fromBaseline = await post(baseUrl, JSON.parse(body));
    const sameAs = async (url: string, headers: Record<string, string>) => JSON.stringify(normalise(await post(`${url}/graphql`, JSON.parse(body), headers))) === JSON.stringify(normalise(fromBaseline));

    // Executing every request (cache off).
    const plain = await startApi(0);
    const samePlain = await sameAs(plain.url, plain.headers);
    ctx.log(`load: ${load.connections} connections for ${load.duration} s: API without the response cache, API as deployed, baseline`);
    const plainCpu = cpuMs(plain.child.pid as number);
    const plainRun = await autocannon({ url: `${plain.url}/graphql`, method: 'POST', headers: plain.headers, body, ...load });
    const plainCpuPerRequest = (cpuMs(plain.child.pid as number) - plainCpu) / Math.max(plainRun.requests.total, 1);
    const plainRss = rssMiB(plain.child.pid as number);
    plain.child.kill('SIGTERM');

    const api = await startApi(30);
    // The first answer executes and is kept; the second comes from the cache: both must match.
    const same = samePlain && (await sameAs(api.url, api.headers)) && (await sameAs(api.url, api.headers));
    if (!same) ctx.log('the API and the baseline answered differently');
    await sleep(1000);
    const idleRss = rssMiB(api.child.pid as number);
    const apiCpu = cpuMs(api.child.pid as number);
    const apiRun = await autocannon({ url: `${api.url}/graphql`, method: 'POST', headers: api.headers, body, ...load });
    const apiCpuPerRequest = (cpuMs(api.child.pid as number) - apiCpu) / Math.max(apiRun.requests.total, 1);
    const loadedRss = rssMiB(api.child.pid as number);
    const baseCpu = cpuMs(baseline.pid as number);
    const baseRun = await autocannon({ url: baseUrl, method: 'POST', headers: { 'content-type': 'application/json' }, body, ...load });
    const baseCpuPerRequest = (cpuMs(baseline.pid as number) - baseCpu) / Math.max(baseRun.requests.total, 1);
    const errors = apiRun.errors + apiRun.non2xx + baseRun.errors + baseRun.non2xx + plainRun.errors + plainRun.non2xx;

    // Statements per request, counted inside an in-process API on the same database.
    const counts = await countStatements(ctx, sized, coach.email);
    const rps = { api: apiRun.requests.average, base: baseRun.requests.average, plain: plainRun.requests.average };
    const p = (run: autocannon.Result, q: 'p50' | 'p90' | 'p97_5' | 'p99') => run.latency[q];
    ctx.log(`api ${rps.api.toFixed(0)} req/s (without the cache ${rps.plain.toFixed(0)}), baseline ${rps.base.toFixed(0)} req/s; statements ${counts.map((c) => `${c.size}:${c.count}`).join(' ')}`);
    const results: BenchResult[] = [
      { scenario: 'dashboard', metric: 'correctness: same answer as the baseline', value: same ? 1 : 0, met: same },
      { scenario: 'dashboard', metric: 'correctness: no errors under load', value: errors, met: errors === 0 },
      { scenario: 'dashboard', metric: 'requests/s', value: rps.api, baseline: rps.base, ratio: rps.api / rps.base, target: '>= 0.5x baseline', met: rps.api / rps.base >= 0.5 },
      // CPU time of the serving process per answer: steadier than requests/s on a shared machine.
      { scenario: 'dashboard', metric: 'server cpu ms per request', value: apiCpuPerRequest, baseline: baseCpuPerRequest, ratio: apiCpuPerRequest / baseCpuPerRequest },
      { scenario: 'dashboard', metric: 'server cpu ms per request, every request executed', value: plainCpuPerRequest, baseline: baseCpuPerRequest, ratio: plainCpuPerRequest / baseCpuPerRequest },
      { scenario: 'dashboard', metric: 'requests/s, every request executed (cache off)', value: rps.plain, baseline: rps.base, ratio: rps.plain / rps.base },
      { scenario: 'dashboard', metric: 'latency p97.5 ms, every request executed', value: p(plainRun, 'p97_5'), baseline: p(baseRun, 'p97_5'), ratio: p(plainRun, 'p97_5') / Math.max(p(baseRun, 'p97_5'), 0.001) },
      { scenario: 'dashboard', metric: 'api rss after load MiB, every request executed', value: plainRss, baseline: idleRss, ratio: plainRss / idleRss },
    ];
    for (const q of ['p50', 'p90', 'p97_5', 'p99'] as const) {
      const ratio = p(apiRun, q) / Math.max(p(baseRun, q), 0.001);
      results.push({
        scenario: 'dashboard',
        metric: `latency ${q.replace('_', '.')} ms`,
        value: p(apiRun, q),
        baseline: p(baseRun, q),
        ratio,
        ...(q === 'p97_5' ? { target: '<= 2x baseline (p95 stands in: autocannon reports p90 and p97.5)', met: ratio <= 2 } : {}),
      });
    }
    for (const { size, count } of counts) results.push({ scenario: 'dashboard', metric: `sql statements per request (${size} clients)`, value: count });
    const constant = counts.every((c) => c.count === counts[0].count);
    results.push({ scenario: 'dashboard', metric: 'correctness: constant statement count', value: counts[0].count, met: constant, target: 'the same for every size' });
    results.push({ scenario: 'dashboard', metric: 'api rss after load MiB', value: loadedRss, baseline: idleRss, ratio: loadedRss / idleRss, target: '<= 2x idle', met: loadedRss / idleRss <= 2 });
    return results;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await db.end();
  }
};

/** Arrays in a stable order and no undefined, so two answers compare as JSON. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

async function countStatements(ctx: BenchContext, cohorts: { size: number; cohortId: string }[], coachEmail: string) {
  const { createApp } = fromDist<{ createApp: (config: unknown) => Promise<{ listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string>; get<T>(token: unknown): T; close(): Promise<void> }> }>(
    ctx.root,
    'api',
    'create-app.js',
  );
  const app = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '100000' }));
  try {
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const login = (await post(`${url}/graphql`, {
      query: `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`,
      variables: { input: { email: coachEmail, password: PASSWORD } },
    })) as { data: { logIn: { accessToken: string } } };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.data.logIn.accessToken}` };
    const logger = app.get<DataSource>(DataSource).logger;
    const original = logger.logQuery.bind(logger);
    const results = [];
    for (const { size, cohortId } of cohorts) {
      let count = 0;
      logger.logQuery = (query, parameters, runner) => {
        count += 1;
        return original(query, parameters, runner);
      };
      await post(`${url}/graphql`, { query: DASHBOARD_QUERY, variables: { id: cohortId } }, headers);
      logger.logQuery = original;
      results.push({ size, count });
    }
    return results;
  } finally {
    await app.close();
  }
}

async function insertUser(db: Client, role: string, name: string, email: string, hash = 'not-a-login') {
  const { rows } = await db.query(
    `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token) VALUES ($1, $2, $3, 'Europe/Berlin', $4, $5) RETURNING id, email`,
    [email, name, role, hash, randomBytes(16).toString('hex')],
  );
  return rows[0] as { id: string; email: string };
}

/**
 * An ACTIVE cohort half-way through: `clients` enrolled, 52 sessions (two a week) with attendance
 * for the 26 already held, 26 weekly assignments with answers to the past ones (some late, some
 * reviewed).
 */
async function seedCohort(db: Client, coach: { id: string }, clients: number): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO cohorts (name, status, starts_on, timezone, capacity) VALUES ($1, 'ACTIVE', (now() - interval '13 weeks')::date, 'Europe/Berlin', 500) RETURNING id`,
    [`Bench dashboard ${clients}`],
  );
  const cohortId = rows[0].id as string;
  await db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohortId, coach.id]);
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, name, role, timezone, password_hash, calendar_token)
       SELECT 'c-' || $1::text || '-' || g || '@bench.test', 'Client ' || lpad(g::text, 3, '0'), 'CLIENT', 'Europe/Berlin', 'x', md5(random()::text)
       FROM generate_series(1, $2::int) g RETURNING id)
     INSERT INTO enrollments (cohort_id, client_id, status) SELECT $1::uuid, id, 'ENROLLED' FROM u`,
    [cohortId, clients],
  );
  await db.query(
    `INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes)
     SELECT $1::uuid, 'Circle ' || g, now() - interval '13 weeks' + g * interval '3.5 days', 90 FROM generate_series(0, 51) g`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO attendance (session_id, client_id, status)
     SELECT s.id, e.client_id, (ARRAY['PRESENT','PRESENT','PRESENT','ABSENT','EXCUSED'])[1 + floor(random() * 5)::int]::attendance_status
     FROM sessions s JOIN enrollments e ON e.cohort_id = s.cohort_id WHERE s.cohort_id = $1 AND s.starts_at < now()`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at)
     SELECT $1::uuid, 'where-am-i-located', 'Week ' || g, now() - interval '13 weeks' + g * interval '1 week' FROM generate_series(1, 26) g`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late, status, reviewed_at)
     SELECT a.id, e.client_id, 'sealed', a.due_at - interval '1 hour', r < 0.1, CASE WHEN r < 0.5 THEN 'REVIEWED' ELSE 'SUBMITTED' END::submission_status,
            CASE WHEN r < 0.5 THEN a.due_at + interval '1 day' END
     FROM homework_assignments a JOIN enrollments e ON e.cohort_id = a.cohort_id, LATERAL (SELECT random() AS r) x
     WHERE a.cohort_id = $1 AND a.due_at < now() AND x.r < 0.85`,
    [cohortId],
  );
  return cohortId;
}

/** User + system CPU time of a process so far (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? 'VmRSS: 0 kB';
  return Number(line.replace(/\D+/g, ' ').trim().split(' ')[0]) / 1024;
}

async function post(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
