import { Client } from 'pg';
import { Queue } from 'bullmq';
import { JobName, PlannableSession, REMINDERS_QUEUE, createQueues, createRedis, enqueuePlanned, planSessionReminders } from '@anchored/jobs';
import type { BenchContext, BenchResult, Scenario } from './context';

const OFFSETS = [24 * 3600, 3600];
const HORIZON_HOURS = 48;

/**
 * Scheduling reminders: the jobs for N sessions (two offsets each) through the project's own
 * path (planSessionReminders + enqueuePlanned, what the API runs after a commit and the reconciler
 * runs every minute), against raw BullMQ addBulk of the same jobs on the same Redis. Then the
 * reconciler's whole pass (read from Postgres, plan, enqueue) for the same sessions, and a second
 * pass to show that nothing is doubled.
 */
export const schedulingScenario: Scenario = async (ctx) => {
  const sessions = ctx.smoke ? 200 : 10_000;
  const expected = sessions * OFFSETS.length;
  const now = new Date();
  const planned = await seedSessions(ctx, sessions, now);
  const jobs = planned.flatMap((s) => planSessionReminders(s, OFFSETS, now, new Date(now.getTime() + HORIZON_HOURS * 3_600_000)));

  const redis = createRedis(ctx.redisUrl, 'worker');
  const settings = { reminderOffsetsSeconds: OFFSETS, scheduleHorizonHours: HORIZON_HOURS };
  const raw = new Queue(REMINDERS_QUEUE, { connection: redis, prefix: `${ctx.queuePrefix}-raw` });
  const project = createQueues(redis, { prefix: `${ctx.queuePrefix}-project`, ...settings });
  const reconciled = createQueues(redis, { prefix: `${ctx.queuePrefix}-reconciler`, ...settings });
  try {
    // Warm up the connection and BullMQ's Lua scripts on both sides.
    await raw.add('warm-up', {}, { jobId: 'warm-up', delay: 3_600_000 });
    // The typed queue takes only registry names; nothing runs on these prefixes, so any name does.
    await project.reminders.add(JobName.RECONCILE, {}, { jobId: 'warm-up', delay: 3_600_000 });

    const rawMs = await timed(async () => {
      for (let i = 0; i < jobs.length; i += 500) {
        await raw.addBulk(jobs.slice(i, i + 500).map((j) => ({ name: j.name, data: j.data, opts: { jobId: j.jobId, delay: j.runAt.getTime() - now.getTime() } })));
      }
    });
    const projectMs = await timed(() => enqueuePlanned(project.reminders, jobs, now));
    const rawCount = (await raw.getJobCounts('delayed')).delayed - 1;
    const projectCount = (await project.reminders.getJobCounts('delayed')).delayed - 1;

    // The reconciler's path reads the sessions back from Postgres.
    const reconcile = async () => {
      const client = new Client({ connectionString: ctx.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT id, starts_at, status, scheduled_at FROM sessions WHERE status = 'SCHEDULED' AND starts_at > $1 ORDER BY id`,
          [now],
        );
        const horizon = new Date(now.getTime() + HORIZON_HOURS * 3_600_000);
        const fromDb = rows.flatMap((r) => planSessionReminders({ id: r.id, startsAt: r.starts_at, status: r.status, scheduledAt: r.scheduled_at }, OFFSETS, now, horizon));
        await enqueuePlanned(reconciled.reminders, fromDb, now);
      } finally {
        await client.end();
      }
    };
    const reconcileMs = await timed(reconcile);
    await reconcile(); // a second pass must add nothing
    const reconciledCount = (await reconciled.reminders.getJobCounts('delayed')).delayed;

    const rate = (ms: number) => (expected / ms) * 1000;
    ctx.log(`raw addBulk ${rawMs.toFixed(0)} ms, project ${projectMs.toFixed(0)} ms, reconciler pass ${reconcileMs.toFixed(0)} ms for ${expected} jobs`);
    const ratio = rate(projectMs) / rate(rawMs);
    return [
      { scenario: 'scheduling', metric: `jobs/s enqueued (${sessions} sessions)`, value: rate(projectMs), baseline: rate(rawMs), ratio, target: '>= 0.7x raw addBulk', met: ratio >= 0.7 },
      { scenario: 'scheduling', metric: 'jobs/s, reconciler pass from Postgres', value: rate(reconcileMs), baseline: rate(rawMs), ratio: rate(reconcileMs) / rate(rawMs), notes: 'includes reading the sessions back' },
      {
        scenario: 'scheduling',
        metric: 'correctness: jobs neither lost nor doubled',
        value: projectCount,
        baseline: expected,
        target: `${expected} jobs on each side, also after a second pass`,
        met: projectCount === expected && rawCount === expected && reconciledCount === expected,
        notes: `raw ${rawCount}, project ${projectCount}, reconciler after two passes ${reconciledCount}`,
      },
    ] satisfies BenchResult[];
  } finally {
    for (const queue of [raw, project.reminders, project.email, reconciled.reminders, reconciled.email]) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    redis.disconnect();
  }
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** N sessions over 200 cohorts, all between 25 h and 47 h ahead so both reminders fall inside the horizon. */
async function seedSessions(ctx: BenchContext, count: number, now: Date): Promise<PlannableSession[]> {
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO cohorts (name, status, starts_on, timezone, capacity)
       SELECT 'Bench cohort ' || g, 'ACTIVE', current_date, 'Europe/Berlin', 20 FROM generate_series(1, 200) g`,
    );
    const { rows } = await client.query(
      `INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes, scheduled_at)
       SELECT c.id, 'Session ' || g, $2::timestamptz + interval '25 hours' + (g % 1320) * interval '1 minute', 90, $2::timestamptz
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT id FROM cohorts ORDER BY id OFFSET (g % 200) LIMIT 1) c ON true
       RETURNING id, starts_at, status, scheduled_at`,
      [count, now],
    );
    return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, status: r.status, scheduledAt: r.scheduled_at }));
  } finally {
    await client.end();
  }
}
