import { Processor } from '@nestjs/bullmq';
import { EMAIL_QUEUE, JobName, JobNameOn, JobResult, QueueJob } from '@anchored/jobs';
import { EmailDeliveryService } from '../notify/email-delivery.service';
import { MeteredWorkerHost, unknownJob } from './metered-worker-host';
import { WorkerMetrics } from './worker-metrics.service';

/** Sends the emails of stored notifications. */
@Processor(EMAIL_QUEUE)
export class EmailProcessor extends MeteredWorkerHost {
  constructor(
    metrics: WorkerMetrics,
    private readonly emailDelivery: EmailDeliveryService,
  ) {
    super(metrics);
  }

  process(job: QueueJob<typeof EMAIL_QUEUE>): Promise<JobResult<JobNameOn<typeof EMAIL_QUEUE>>> {
    switch (job.name) {
      case JobName.SEND_EMAIL: {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.emailDelivery.deliver(job.data.notificationId, finalAttempt);
      }
      default:
        return unknownJob(job.name);
    }
  }
}
