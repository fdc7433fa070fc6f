import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { AppConfig } from '@anchored/config';
import { NotificationKind } from '@anchored/domain';
import { EMAIL_QUEUE, HomeworkNoticeData, JobName, REMINDERS_QUEUE, SendEmailData, SessionReminderData } from '@anchored/jobs';
import { EmailDeliveryService } from './notify/email-delivery.service';
import { HomeworkNoticesService } from './notify/homework-notices.service';
import { ReconcilerService } from './notify/reconciler.service';
import { SessionRemindersService } from './notify/session-reminders.service';
import { WeeklySummariesService } from './notify/weekly-summaries.service';
import { REDIS, queueToken } from './queues.module';
import { WORKER_CONFIG } from './worker-config.module';

/** Options tests shorten so a killed worker's job is picked up again within seconds. */
export interface WorkerTuning {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Leave the repeating reconcile / weekly-summary schedulers out (tests drive them by hand). */
  withoutSchedulers?: boolean;
  /** Take no jobs at all: only the services run, called directly (benchmarks). */
  withoutProcessors?: boolean;
}
export const WORKER_TUNING = Symbol('WORKER_TUNING');

/**
 * The BullMQ workers of both queues, and the job schedulers for the repeating work. Closing waits
 * for the jobs in hand (SIGTERM via enableShutdownHooks); a process that dies instead leaves its
 * jobs locked until the lock expires, then another worker runs them again (handlers are
 * idempotent).
 */
@Injectable()
export class QueueWorkersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private workers: Worker[] = [];
  private readonly counts = new Map<string, number>();
  private metricsTimer?: NodeJS.Timeout;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_TUNING) private readonly tuning: WorkerTuning,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(queueToken(REMINDERS_QUEUE)) private readonly remindersQueue: Queue,
    @Inject(queueToken(EMAIL_QUEUE)) private readonly emailQueue: Queue,
    private readonly sessionReminders: SessionRemindersService,
    private readonly homeworkNotices: HomeworkNoticesService,
    private readonly weeklySummaries: WeeklySummariesService,
    private readonly reconciler: ReconcilerService,
    private readonly emailDelivery: EmailDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.tuning.withoutProcessors) return;
    const { workerConcurrency, reconcileEverySeconds, queuePrefix } = this.config.notifications;
    const options = {
      connection: this.redis,
      prefix: queuePrefix,
      concurrency: workerConcurrency,
      ...(this.tuning.lockDurationMs ? { lockDuration: this.tuning.lockDurationMs } : {}),
      ...(this.tuning.stalledIntervalMs ? { stalledInterval: this.tuning.stalledIntervalMs } : {}),
    };
    this.workers = [
      new Worker(REMINDERS_QUEUE, (job) => this.runReminderJob(job), options),
      new Worker(EMAIL_QUEUE, (job) => this.runEmailJob(job), options),
    ];
    for (const worker of this.workers) {
      worker.on('completed', (job) => this.count(`${job.name}:completed`));
      worker.on('failed', (job, error) => {
        this.count(`${job?.name ?? 'unknown'}:failed`);
        this.logger.warn(`Job ${job?.id} (${job?.name}) failed on attempt ${job?.attemptsMade}: ${error.message}`);
      });
      worker.on('error', (error) => this.logger.error(`Worker error: ${error.message}`));
    }
    if (!this.tuning.withoutSchedulers) {
      // Idempotent: every worker process upserts the same schedulers, Redis keeps one of each.
      await this.remindersQueue.upsertJobScheduler('reconcile', { every: reconcileEverySeconds * 1000 }, { name: JobName.RECONCILE });
      await this.remindersQueue.upsertJobScheduler('weekly-summaries', { every: 5 * 60_000 }, { name: JobName.WEEKLY_SUMMARIES });
    }
    this.metricsTimer = setInterval(() => void this.logMetrics(), 60_000);
    this.metricsTimer.unref();
    this.logger.log(`Processing "${REMINDERS_QUEUE}" and "${EMAIL_QUEUE}" (concurrency ${workerConcurrency}, prefix "${queuePrefix}")`);
  }

  /** Stops taking jobs; `force` abandons the ones in hand (as if the process died). */
  async stop(force = false): Promise<void> {
    clearInterval(this.metricsTimer);
    await Promise.all(this.workers.map((w) => w.close(force)));
    this.workers = [];
  }

  /** Before the Redis connection closes (QueuesModule does that at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.stop(false);
  }

  private async runReminderJob(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SESSION_REMINDER:
        return this.sessionReminders.remind(job.data as SessionReminderData);
      case JobName.HOMEWORK_DUE:
        return this.homeworkNotices.notify(NotificationKind.HOMEWORK_DUE, job.data as HomeworkNoticeData);
      case JobName.HOMEWORK_OVERDUE:
        return this.homeworkNotices.notify(NotificationKind.HOMEWORK_OVERDUE, job.data as HomeworkNoticeData);
      case JobName.WEEKLY_SUMMARIES:
        return this.weeklySummaries.runDue();
      case JobName.RECONCILE:
        return this.reconciler.reconcile();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  private runEmailJob(job: Job): Promise<unknown> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.emailDelivery.deliver((job.data as SendEmailData).notificationId, finalAttempt);
  }

  private count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private async logMetrics(): Promise<void> {
    const [reminders, email] = await Promise.all([
      this.remindersQueue.getJobCounts('waiting', 'delayed', 'active', 'failed'),
      this.emailQueue.getJobCounts('waiting', 'delayed', 'active', 'failed'),
    ]).catch(() => [{}, {}]);
    this.logger.log({ msg: 'worker metrics', processed: Object.fromEntries(this.counts), queues: { reminders, email } });
  }
}
