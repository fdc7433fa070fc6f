import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { StoredNotification } from '@anchored/data';
import { EmailStatus } from '@anchored/domain';
import { EMAIL_QUEUE, emailJobs, enqueuePlanned } from '@anchored/jobs';
import { queueToken } from '../queues.module';

/**
 * Queues the emails of notifications stored by a committed transaction. If Redis fails here the
 * rows stay PENDING and the reconciler queues them on its next pass.
 */
@Injectable()
export class EmailOutbox {
  private readonly logger = new Logger(EmailOutbox.name);

  constructor(@Inject(queueToken(EMAIL_QUEUE)) private readonly queue: Queue) {}

  async queueFor(rows: readonly StoredNotification[]): Promise<void> {
    const pending = rows.filter((r) => r.emailStatus === EmailStatus.PENDING);
    try {
      await enqueuePlanned(this.queue, emailJobs(pending));
    } catch (error) {
      this.logger.warn(`Could not queue ${pending.length} emails now; the reconciler will: ${(error as Error).message}`);
    }
  }
}
