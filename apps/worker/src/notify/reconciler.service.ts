import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import {
  EMAIL_QUEUE,
  JobName,
  JobQueue,
  JobResult,
  REMINDERS_QUEUE,
  emailJobs,
  enqueuePlanned,
  horizonEnd,
  planCheckInReminders,
  planHomeworkNotices,
  planSessionReminders,
} from '@anchored/jobs';
import { WORKER_CONFIG } from '../worker-config.module';

const PAGE = 1000;

/**
 * Rebuilds, from the database, every job that should be in Redis over the next horizon: reminders
 * of upcoming sessions, homework notices, and emails still PENDING. The API enqueues these right
 * after its commits; this pass covers whatever got lost on the way (a crash between commit and
 * enqueue, a Redis restart) and schedules what enters the horizon as time moves on. Adding a job
 * whose id exists is a no-op, and notifications are unique per occurrence, so running it often is
 * safe.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REMINDERS_QUEUE) private readonly reminders: JobQueue<typeof REMINDERS_QUEUE>,
    @InjectQueue(EMAIL_QUEUE) private readonly email: JobQueue<typeof EMAIL_QUEUE>,
  ) {}

  async reconcile(now = new Date()): Promise<JobResult<JobName.RECONCILE>> {
    const { reminderOffsetsSeconds, homeworkDueNoticeSeconds, scheduleHorizonHours } = this.config.notifications;
    const horizon = horizonEnd(now, scheduleHorizonHours);
    const result = { reminders: 0, notices: 0, emails: 0, checkInReminders: 0 };

    const lookAhead = new Date(horizon.getTime() + Math.max(...reminderOffsetsSeconds) * 1000);
    await this.paged(
      `SELECT id, starts_at, status, scheduled_at FROM sessions
       WHERE status = 'SCHEDULED' AND starts_at > $1 AND starts_at <= $2 AND id > $3 ORDER BY id LIMIT ${PAGE}`,
      [now, lookAhead],
      async (rows: { id: string; starts_at: Date; status: string; scheduled_at: Date }[]) => {
        const jobs = rows.flatMap((r) =>
          planSessionReminders({ id: r.id, startsAt: r.starts_at, status: r.status, scheduledAt: r.scheduled_at }, reminderOffsetsSeconds, now, horizon),
        );
        result.reminders += await enqueuePlanned(this.reminders, jobs, now);
      },
    );

    // Due notices ahead, and overdue notices up to a day late (a worker that was down catches up).
    await this.paged(
      `SELECT id, due_at, created_at FROM homework_assignments
       WHERE due_at > $1 AND due_at <= $2 AND id > $3 ORDER BY id LIMIT ${PAGE}`,
      [new Date(now.getTime() - 86_400_000), new Date(horizon.getTime() + homeworkDueNoticeSeconds * 1000)],
      async (rows: { id: string; due_at: Date; created_at: Date }[]) => {
        const jobs = rows.flatMap((r) => planHomeworkNotices({ id: r.id, dueAt: r.due_at, createdAt: r.created_at }, homeworkDueNoticeSeconds, now, horizon));
        result.notices += await enqueuePlanned(this.reminders, jobs, now);
      },
    );

    // Daily check-in reminders of everyone who chose a time (the partial index keeps this cheap).
    await this.paged(
      `SELECT id, timezone, check_in_reminder_time FROM users
       WHERE check_in_reminder_time IS NOT NULL AND id > $1 ORDER BY id LIMIT ${PAGE}`,
      [],
      async (rows: { id: string; timezone: string; check_in_reminder_time: string }[]) => {
        const jobs = rows.flatMap((r) => planCheckInReminders({ userId: r.id, timezone: r.timezone, checkInReminderTime: r.check_in_reminder_time }, now, horizon));
        result.checkInReminders += await enqueuePlanned(this.reminders, jobs, now);
      },
    );

    // Emails of stored notifications whose enqueue may have been lost (older than a few seconds,
    // so the fast path right after their commit is not raced).
    await this.paged(
      `SELECT id, email_not_before FROM notifications
       WHERE email_status = 'PENDING' AND created_at < $1 AND email_not_before <= $2 AND id > $3 ORDER BY id LIMIT ${PAGE}`,
      [new Date(now.getTime() - 10_000), horizon],
      async (rows: { id: string; email_not_before: Date }[]) => {
        result.emails += await enqueuePlanned(this.email, emailJobs(rows.map((r) => ({ id: r.id, emailNotBefore: new Date(r.email_not_before) }))), now);
      },
    );
    this.logger.debug(`Reconciled: ${JSON.stringify(result)}`);
    return result;
  }

  /** Keyset pagination by id; `sql` takes the last id seen as its final parameter. */
  private async paged<T extends { id: string }>(sql: string, params: unknown[], handle: (rows: T[]) => Promise<void>): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: T[] = await this.db.query(sql, [...params, after]);
      if (rows.length === 0) return;
      await handle(rows);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }
}
