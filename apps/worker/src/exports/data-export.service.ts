import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { PrivateTextCipher } from '@anchored/data';
import { JobName, JobQueue, JobResult, NotificationOutbox, REMINDERS_QUEUE, completeDataExport, dataExportJob, enqueuePlanned, expireDataExports } from '@anchored/jobs';
import { WORKER_CONFIG } from '../worker-config.module';

/**
 * Builds people's data exports (libs/jobs completeDataExport: one JSON file of everything held
 * about them, encrypted into the export's row, and a DATA_EXPORT_READY notification) and expires
 * them after their 24 hours. The worker decrypts answers with the same keys as the API
 * (HOMEWORK_ENCRYPTION_KEYS, or the one derived from JWT_SECRET), so both need the same settings.
 */
@Injectable()
export class DataExportService {
  private readonly logger = new Logger(DataExportService.name);
  private readonly cipher: PrivateTextCipher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: JobQueue<typeof REMINDERS_QUEUE>,
    private readonly outbox: NotificationOutbox,
  ) {
    this.cipher = new PrivateTextCipher(config.homeworkKeys);
  }

  build(exportId: string, now = new Date()): Promise<JobResult<JobName.BUILD_DATA_EXPORT>> {
    return completeDataExport(this.outbox, this.cipher, exportId, `${this.config.publicUrl}/settings`, now);
  }

  async expire(now = new Date()): Promise<JobResult<JobName.EXPIRE_DATA_EXPORTS>> {
    const { expired, pending } = await expireDataExports(this.db, now);
    const requeued = await enqueuePlanned(this.queue, pending.map((id) => dataExportJob(id, now)), now);
    if (expired) this.logger.log(`Expired ${expired} data exports`);
    return { expired, requeued };
  }
}
