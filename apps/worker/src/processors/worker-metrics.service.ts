import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '@anchored/config';
import { EMAIL_QUEUE, JobQueue, REMINDERS_QUEUE } from '@anchored/jobs';
import { WORKER_CONFIG } from '../worker-config.module';

/** Jobs done and failed per job name, and the queues' depths, logged every minute. */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private readonly counts = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REMINDERS_QUEUE) private readonly reminders: JobQueue<typeof REMINDERS_QUEUE>,
    @InjectQueue(EMAIL_QUEUE) private readonly email: JobQueue<typeof EMAIL_QUEUE>,
  ) {}

  onApplicationBootstrap(): void {
    const { workerConcurrency, queuePrefix } = this.config.notifications;
    this.timer = setInterval(() => void this.log(), 60_000);
    this.timer.unref();
    this.logger.log(`Processing "${REMINDERS_QUEUE}" and "${EMAIL_QUEUE}" (concurrency ${workerConcurrency}, prefix "${queuePrefix}")`);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  completed(job: Job): void {
    this.count(`${job.name}:completed`);
  }

  failed(job: Job | undefined, error: Error): void {
    this.count(`${job?.name ?? 'unknown'}:failed`);
    this.logger.warn(`Job ${job?.id} (${job?.name}) failed on attempt ${job?.attemptsMade}: ${error.message}`);
  }

  error(error: Error): void {
    this.logger.error(`Worker error: ${error.message}`);
  }

  private count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private async log(): Promise<void> {
    const [reminders, email] = await Promise.all([
      this.reminders.getJobCounts('waiting', 'delayed', 'active', 'failed'),
      this.email.getJobCounts('waiting', 'delayed', 'active', 'failed'),
    ]).catch(() => [{}, {}]);
    this.logger.log({ msg: 'worker metrics', processed: Object.fromEntries(this.counts), queues: { reminders, email } });
  }
}
