import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@anchored/config';
import { dataSourceOptions, runMigrations, testDatabaseUrl } from '@anchored/data';
import { PlannableSession, Queues, createQueues, createRedis, rescheduleSessionReminders, scheduleHomeworkNotices } from '@anchored/jobs';
import type { NotificationAbout } from '@anchored/notifications';
import { createWorker } from '../src/create-worker';
import type { WorkerTuning } from '../src/worker-tuning';

export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Real Postgres (the run's test database) and real Redis under a queue prefix of its own, the
 * worker booted as in production, and the same scheduling path the API uses after its commits.
 */
export class WorkerHarness {
  readonly workers: INestApplicationContext[] = [];
  private constructor(
    readonly config: AppConfig,
    readonly db: DataSource,
    readonly queues: Queues,
    private readonly redis: IORedis,
    readonly outbox: string,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<WorkerHarness> {
    const outbox = mkdtempSync(join(tmpdir(), 'anchored-outbox-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL,
      QUEUE_PREFIX: `anchored-test-${randomUUID().slice(0, 8)}`,
      REMINDER_OFFSETS: '1m',
      HOMEWORK_DUE_NOTICE: '1m',
      MAIL_OUTBOX_DIR: outbox,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      ...env,
    });
    await runMigrations(config.databaseUrl);
    const db = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    const redis = createRedis(REDIS_URL, 'worker');
    const queues = createQueues(redis, { prefix: config.notifications.queuePrefix, ...config.notifications });
    return new WorkerHarness(config, db, queues, redis, outbox);
  }

  /** Boots one more worker process (in this process: its own Nest context and connections). */
  async startWorker(tuning: WorkerTuning = { withoutSchedulers: true, lockDurationMs: 2_000, stalledIntervalMs: 1_000 }, env: Record<string, string> = {}) {
    const config = Object.keys(env).length ? loadConfig({ ...this.envOf(), ...env }) : this.config;
    const app = await createWorker(config, tuning);
    await app.init();
    this.workers.push(app);
    return app;
  }

  private envOf(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.config.databaseUrl,
      REDIS_URL,
      QUEUE_PREFIX: this.config.notifications.queuePrefix,
      REMINDER_OFFSETS: '1m',
      MAIL_OUTBOX_DIR: this.outbox,
      LOG_LEVEL: 'silent',
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.queues.reminders.obliterate({ force: true });
    await this.queues.email.obliterate({ force: true });
    await Promise.all([this.queues.reminders.close(), this.queues.email.close()]);
    // Whatever a worker stopped mid-test left behind (locks, stalled-job sets) goes too.
    const keys = await this.redis.keys(`${this.config.notifications.queuePrefix}:*`);
    if (keys.length) await this.redis.del(...keys);
    this.redis.disconnect();
    await this.db.destroy();
    rmSync(this.outbox, { recursive: true, force: true });
  }

  /** What the API does after committing new or moved sessions (the same library call). */
  sessionsChanged(sessions: PlannableSession[], previous: PlannableSession[] = [], now = new Date()): Promise<void> {
    return rescheduleSessionReminders(this.queues.reminders, sessions, previous, this.config.notifications, now);
  }

  /** What the API does after an assignment is created. */
  assignmentCreated(assignment: { id: string; dueAt: Date; createdAt: Date }, now = new Date()): Promise<void> {
    return scheduleHomeworkNotices(this.queues.reminders, [assignment], this.config.notifications, now);
  }

  emailFiles(): string[] {
    return readdirSync(this.outbox).filter((f) => f.endsWith('.eml'));
  }

  async notifications(
    where = 'TRUE',
    params: unknown[] = [],
  ): Promise<{ id: string; user_id: string; kind: string; dedupe_key: string; subject: string; body: string; email_status: string; about: NotificationAbout | null }[]> {
    return this.db.query(`SELECT id, user_id, kind, dedupe_key, subject, body, email_status, about FROM notifications WHERE ${where} ORDER BY created_at, id`, params);
  }

  // ---- fixtures, written straight to the database ----

  async user(role: 'ADMIN' | 'COACH' | 'CLIENT', name: string, timezone = 'Europe/Berlin'): Promise<{ id: string; name: string }> {
    const [row] = await this.db.query(
      `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token) VALUES ($1, $2, $3, $4, 'not-a-login', $5) RETURNING id, name`,
      [`${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@example.com`, name, role, timezone, randomUUID()],
    );
    return row;
  }

  /** An ACTIVE cohort with a coach, the given ENROLLED clients, and one WITHDRAWN client. */
  async cohort(opts: { clients?: number; timezone?: string; startsOn?: string; status?: string } = {}) {
    const [cohort] = await this.db.query(
      `INSERT INTO cohorts (name, status, starts_on, timezone, capacity) VALUES ($1, $2, $3, $4, 20) RETURNING id, name`,
      [`Circle ${randomUUID().slice(0, 4)}`, opts.status ?? 'ACTIVE', opts.startsOn ?? '2026-10-05', opts.timezone ?? 'Europe/Berlin'],
    );
    const coach = await this.user('COACH', 'Coach Rowan');
    await this.db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2)`, [cohort.id, coach.id]);
    const clients = [];
    for (let i = 0; i < (opts.clients ?? 2); i++) {
      const client = await this.user('CLIENT', `Client ${String.fromCharCode(65 + i)}`);
      await this.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'ENROLLED')`, [cohort.id, client.id]);
      clients.push(client);
    }
    const withdrawn = await this.user('CLIENT', 'Client Gone');
    await this.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'WITHDRAWN')`, [cohort.id, withdrawn.id]);
    return { id: cohort.id as string, name: cohort.name as string, coach, clients, withdrawn };
  }

  async session(cohortId: string, startsAt: Date, title = 'Group session'): Promise<PlannableSession & { id: string }> {
    const [row] = await this.db.query(
      `INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes, meeting_url, module_key) VALUES ($1, $2, $3, 90, 'https://meet.example.com/circle', 'boundaries')
       RETURNING id, starts_at, status, scheduled_at`,
      [cohortId, title, startsAt],
    );
    return { id: row.id, startsAt: new Date(row.starts_at), status: row.status, scheduledAt: new Date(row.scheduled_at) };
  }

  async moveSession(id: string, startsAt: Date): Promise<PlannableSession> {
    const [[row]] = await this.db.query(
      `UPDATE sessions SET starts_at = $2, scheduled_at = now(), sequence = sequence + 1 WHERE id = $1 RETURNING id, starts_at, status, scheduled_at`,
      [id, startsAt],
    );
    return { id: row.id, startsAt: new Date(row.starts_at), status: row.status, scheduledAt: new Date(row.scheduled_at) };
  }
}

export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`);
    await sleep(200);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
