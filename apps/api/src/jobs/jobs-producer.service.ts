import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { EMAIL_QUEUE, JobQueue, PlannableAssignment, PlannableSession, Queues, createQueues, createRedis, dataExportJob, enqueuePlanned, rescheduleSessionReminders, retimeRecipient, scheduleHomeworkNotices } from '@anchored/jobs';
import { APP_CONFIG } from '../config.module';

/**
 * The API's side of the queues (typed by the job registry in libs/jobs): called after a change has
 * committed, it schedules (or removes) the jobs that change implies. Never called inside a
 * transaction, so no job exists for a write that rolled back. Failures are logged, not thrown: the
 * worker's reconciler rebuilds any job missing from Redis out of the database, which stays the
 * source of truth. Emails of stored notifications go through the NotificationOutbox instead.
 */
@Injectable()
export class JobsProducer implements OnModuleDestroy {
  private readonly logger = new Logger(JobsProducer.name);
  private readonly connection?: IORedis;
  /** Absent without REDIS_URL. */
  private readonly typed?: Queues;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.redisUrl) return;
    this.connection = createRedis(config.redisUrl, 'producer');
    this.connection.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.typed = createQueues(this.connection, { prefix: config.notifications.queuePrefix, ...config.notifications });
  }

  get enabled(): boolean {
    return this.typed !== undefined;
  }

  /** For the NotificationOutbox, which queues the emails of notifications stored in a transaction. */
  get emailQueue(): JobQueue<typeof EMAIL_QUEUE> | undefined {
    return this.typed?.email;
  }

  /** For the queue dashboard. */
  queues(): Queue[] {
    return this.typed ? [this.typed.reminders, this.typed.email] : [];
  }

  async sessionsChanged(sessions: readonly PlannableSession[], previous: readonly PlannableSession[] = []): Promise<void> {
    const queue = this.typed?.reminders;
    if (queue) await this.safely('session reminders', () => rescheduleSessionReminders(queue, sessions, previous, this.config.notifications));
  }

  async assignmentsChanged(assignments: readonly PlannableAssignment[]): Promise<void> {
    const queue = this.typed?.reminders;
    if (queue) await this.safely('homework notices', () => scheduleHomeworkNotices(queue, assignments, this.config.notifications));
  }

  /** A user's timezone or quiet hours changed: the worker re-times the emails still waiting for them. */
  async recipientChanged(userId: string): Promise<void> {
    const queue = this.typed?.reminders;
    if (queue) await this.safely('re-timing emails', () => retimeRecipient(queue, userId));
  }

  /** A data export was requested (and committed): the worker builds it. */
  async dataExportRequested(exportId: string): Promise<void> {
    const queue = this.typed?.reminders;
    if (queue) await this.safely('a data export', () => enqueuePlanned(queue, [dataExportJob(exportId)]));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues().map((q) => q.close()));
    this.connection?.disconnect();
  }

  private async safely(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`Could not enqueue ${what} now; the worker's reconciler will: ${(error as Error).message}`);
    }
  }
}
