import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@anchored/config';
import type { BenchContext, BenchResult, Scenario } from './context';
import { fromDist } from './dist';
import { clearWorkerLeftovers } from './worker-leftovers';

interface WorkerApp {
  get<T>(token: unknown): T;
  close(): Promise<void>;
}
interface SummariesService {
  runDue(now: Date): Promise<{ cohorts: number; notifications: number }>;
}

/** Monday 23 Nov 2026, 08:05 in Berlin: just after the default Monday 08:00 summary time. */
const NOW = new Date('2026-11-23T07:05:00Z');
const CLIENTS = 10;

/**
 * Weekly summaries for 500 and then 1,000 ACTIVE cohorts in one pass each, through the worker's
 * own service (built code from dist/): time and peak memory. Cohorts are read a page at a time, so
 * memory should stay flat and time grow linearly.
 */
export const summariesScenario: Scenario = async (ctx) => {
  const [small, large] = ctx.smoke ? [10, 20] : [500, 1000];
  await seed(ctx, large);
  const outbox = mkdtempSync(join(tmpdir(), 'anchored-bench-outbox-'));
  const { createWorker } = fromDist<{ createWorker: (config: unknown, tuning: unknown) => Promise<WorkerApp> }>(ctx.root, 'worker', 'create-worker.js');
  const { WeeklySummariesService } = fromDist<{ WeeklySummariesService: unknown }>(ctx.root, 'worker', 'notify/weekly-summaries.service.js');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    QUEUE_PREFIX: ctx.queuePrefix,
    MAIL_OUTBOX_DIR: outbox,
    LOG_LEVEL: 'silent',
  });
  const app = await createWorker(config, { withoutProcessors: true });
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const service = app.get<SummariesService>(WeeklySummariesService);
    const run = async (active: number) => {
      await client.query(`DELETE FROM notifications; DELETE FROM weekly_summary_runs`);
      await client.query(
        `UPDATE cohorts SET status = CASE WHEN id IN (SELECT id FROM cohorts ORDER BY id LIMIT $1) THEN 'ACTIVE'::cohort_status ELSE 'DRAFT'::cohort_status END`,
        [active],
      );
      return measure(() => service.runDue(NOW));
    };
    await run(Math.min(5, small)); // warm-up: JIT, connection pool, prepared plans
    const a = await run(small);
    const b = await run(large);
    ctx.log(`${small} cohorts: ${a.ms.toFixed(0)} ms, peak +${a.peakMiB.toFixed(1)} MiB; ${large} cohorts: ${b.ms.toFixed(0)} ms, peak +${b.peakMiB.toFixed(1)} MiB`);
    const perCohort = CLIENTS + 1;
    const timeRatio = b.ms / a.ms;
    return [
      { scenario: 'summaries', metric: `seconds for ${small} cohorts`, value: a.ms / 1000, notes: `${a.result.notifications} notifications` },
      { scenario: 'summaries', metric: `seconds for ${large} cohorts`, value: b.ms / 1000, baseline: a.ms / 1000, ratio: timeRatio, target: '<= ~2x the smaller run (linear)', met: timeRatio <= 2.2 },
      { scenario: 'summaries', metric: `peak heap growth MiB (${small} cohorts)`, value: a.peakMiB },
      {
        scenario: 'summaries',
        metric: `peak heap growth MiB (${large} cohorts)`,
        value: b.peakMiB,
        baseline: a.peakMiB,
        ratio: b.peakMiB / Math.max(a.peakMiB, 0.1),
        target: 'bounded: about the same as the smaller run',
        met: b.peakMiB <= Math.max(2 * a.peakMiB, a.peakMiB + 16),
      },
      {
        scenario: 'summaries',
        metric: 'correctness: one summary per coach and client',
        value: b.result.notifications,
        baseline: large * perCohort,
        met: a.result.notifications === small * perCohort && b.result.notifications === large * perCohort,
      },
    ] satisfies BenchResult[];
  } finally {
    await client.end();
    await app.close();
    await clearWorkerLeftovers(ctx, outbox);
  }
};

/** Time and the peak of heap use above where it started, sampled every 10 ms. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peakMiB: number; result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms, peakMiB: (peak - before) / 2 ** 20, result };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * `count` cohorts in Berlin, each with a coach, CLIENTS enrolled clients, last week's two sessions
 * with attendance, and two assignments with some submissions: a realistic week to summarise.
 */
async function seed(ctx: BenchContext, count: number): Promise<void> {
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO cohorts (name, status, starts_on, timezone, capacity)
       SELECT 'Bench cohort ' || g, 'ACTIVE', '2026-11-02', 'Europe/Berlin', 20 FROM generate_series(1, $1::int) g`,
      [count],
    );
    await client.query(
      `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token)
       SELECT 'coach-' || c.id || '@bench.test', 'Coach ' || c.name, 'COACH', 'Europe/Berlin', 'x', gen_random_uuid()::text FROM cohorts c`,
    );
    await client.query(
      `INSERT INTO cohort_coaches (cohort_id, coach_id) SELECT c.id, u.id FROM cohorts c JOIN users u ON u.email = 'coach-' || c.id || '@bench.test'`,
    );
    await client.query(
      `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token)
       SELECT 'client-' || c.id || '-' || g || '@bench.test', 'Client ' || g, 'CLIENT', 'Europe/Berlin', 'x', gen_random_uuid()::text
       FROM cohorts c, generate_series(1, ${CLIENTS}) g`,
    );
    await client.query(
      `INSERT INTO enrollments (cohort_id, client_id, status)
       SELECT c.id, u.id, 'ENROLLED' FROM cohorts c JOIN users u ON u.email LIKE 'client-' || c.id || '-%@bench.test'`,
    );
    await client.query(
      `INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes)
       SELECT c.id, t.title, t.at, 90 FROM cohorts c,
         (VALUES ('Tuesday circle', '2026-11-17T18:00:00Z'::timestamptz), ('Thursday circle', '2026-11-19T18:00:00Z'::timestamptz), ('Next circle', '2026-11-24T18:00:00Z'::timestamptz)) t(title, at)`,
    );
    await client.query(
      `INSERT INTO attendance (session_id, client_id, status)
       SELECT s.id, e.client_id, CASE WHEN random() < 0.8 THEN 'PRESENT'::attendance_status ELSE 'ABSENT'::attendance_status END
       FROM sessions s JOIN enrollments e ON e.cohort_id = s.cohort_id WHERE s.starts_at < '2026-11-23'`,
    );
    await client.query(
      `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at)
       SELECT c.id, 'where-am-i-located', t.title, t.due FROM cohorts c,
         (VALUES ('Check-in log', '2026-11-15T20:00:00Z'::timestamptz), ('Reflection', '2026-11-20T20:00:00Z'::timestamptz)) t(title, due)`,
    );
    await client.query(
      `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late)
       SELECT a.id, e.client_id, 'sealed', a.due_at - interval '1 day', false
       FROM homework_assignments a JOIN enrollments e ON e.cohort_id = a.cohort_id WHERE random() < 0.7`,
    );
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
}
