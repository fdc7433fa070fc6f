import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleDestroy, Provider, Type } from '@nestjs/common';
import type { Job, WorkerOptions } from 'bullmq';
import type { QueueName } from '@anchored/jobs';
import { WorkerMetrics } from './worker-metrics.service';

/**
 * A queue's processor: counts what its worker does, and closes the worker when the application
 * shuts down, before the queues and Redis connections close (they close at application shutdown,
 * after every onModuleDestroy). Closing waits for the jobs in hand (SIGTERM via
 * enableShutdownHooks); a process that dies instead leaves its jobs locked until the lock expires,
 * then another worker runs them again (handlers are idempotent).
 */
export abstract class MeteredWorkerHost extends WorkerHost implements OnModuleDestroy {
  constructor(private readonly metrics: WorkerMetrics) {
    super();
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job): void {
    this.metrics.completed(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.metrics.failed(job, error);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.metrics.error(error);
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.close();
  }
}

/**
 * For the `default` of a processor's switch over `job.name`: the compiler proves it unreachable for
 * the registry's names (pass the job, or its name where the queue has a single job kind).
 */
export function unknownJob(unreachable: never): never {
  const name = typeof unreachable === 'string' ? unreachable : (unreachable as { name?: string }).name;
  throw new Error(`Unknown job ${name}`);
}

/**
 * @Processor's worker options are fixed where the class is declared, but concurrency and lock
 * timings come from the config at boot: each boot provides a subclass that carries them.
 */
export function withWorkerOptions(processor: Type<MeteredWorkerHost>, queue: QueueName, options: Omit<WorkerOptions, 'connection'>): Provider {
  const configured = class extends (processor as Type<object>) {};
  Processor(queue, options)(configured);
  return { provide: processor, useClass: configured };
}
