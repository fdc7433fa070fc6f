import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import type { StoredNotification } from '@anchored/data';
import { EmailStatus } from '@anchored/domain';
import {
  PlannableAssignment,
  PlannableSession,
  PlannedJob,
  createQueues,
  createRedis,
  emailJobs,
  enqueuePlanned,
  rescheduleSessionReminders,
  scheduleHomeworkNotices,
} from '@anchored/jobs';
import { APP_CONFIG } from '../config.module';

/**
 * The API's side of the queues: called after a change has committed, it schedules (or removes) the
 * jobs that change implies. Never called inside a transaction, so no job exists for a write that
 * rolled back. Failures are logged, not thrown: the worker's reconciler rebuilds any job missing
 * from Redis out of the database, which stays the source of truth.
 */
@Injectable()
export class JobsProducer implements OnModuleDestroy {
  private readonly logger = new Logger(JobsProducer.name);
  private readonly connection?: IORedis;
  private readonly reminders?: Queue;
  private readonly email?: Queue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.redisUrl) return;
    this.connection = createRedis(config.redisUrl, 'producer');
    this.connection.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    const queues = createQueues(this.connection, { prefix: config.notifications.queuePrefix, ...config.notifications });
    this.reminders = queues.reminders;
    this.email = queues.email;
  }

  get enabled(): boolean {
    return this.reminders !== undefined;
  }

  /** For the queue dashboard. */
  queues(): Queue[] {
    return [this.reminders, this.email].filter((q): q is Queue => q !== undefined);
  }

  async sessionsChanged(sessions: readonly PlannableSession[], previous: readonly PlannableSession[] = []): Promise<void> {
    const queue = this.reminders;
    if (queue) await this.safely('session reminders', () => rescheduleSessionReminders(queue, sessions, previous, this.config.notifications));
  }

  async assignmentsChanged(assignments: readonly PlannableAssignment[]): Promise<void> {
    const queue = this.reminders;
    if (queue) await this.safely('homework notices', () => scheduleHomeworkNotices(queue, assignments, this.config.notifications));
  }

  /** Emails for notifications the API stored itself (enrollment updates, feedback ready). */
  async notificationsStored(rows: readonly StoredNotification[]): Promise<void> {
    await this.enqueue(this.email, emailJobs(rows.filter((r) => r.emailStatus === EmailStatus.PENDING)), 'emails');
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues().map((q) => q.close()));
    this.connection?.disconnect();
  }

  private async enqueue(queue: Queue | undefined, jobs: PlannedJob<object>[], what: string): Promise<void> {
    if (!queue || jobs.length === 0) return;
    await this.safely(what, () => enqueuePlanned(queue, jobs));
  }

  private async safely(what: string, work: () => Promise<unknown>): Promise<void> {
    if (!this.enabled) return;
    try {
      await work();
    } catch (error) {
      this.logger.warn(`Could not enqueue ${what} now; the worker's reconciler will: ${(error as Error).message}`);
    }
  }
}
