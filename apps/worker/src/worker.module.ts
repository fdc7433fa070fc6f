import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { dataSourceOptions } from '@anchored/data';
import { MailModule } from '@anchored/mail';
import { EMAIL_QUEUE, JobQueue, NotificationOutbox, REMINDERS_QUEUE, queueOptions, redisOptions } from '@anchored/jobs';
import { DataExportService } from './exports/data-export.service';
import { CheckInRemindersService } from './notify/check-in-reminders.service';
import { WorkerLiveEvents } from './live/worker-live-events';
import { EmailDeliveryService } from './notify/email-delivery.service';
import { HomeworkNoticesService } from './notify/homework-notices.service';
import { ReconcilerService } from './notify/reconciler.service';
import { RecipientRetimeService } from './notify/recipient-retime.service';
import { SessionRemindersService } from './notify/session-reminders.service';
import { WeeklySummariesService } from './notify/weekly-summaries.service';
import { WeeklyPromptsService } from './community/weekly-prompts.service';
import { CommunityDigestService } from './community/community-digest.service';
import { EmailProcessor } from './processors/email.processor';
import { withWorkerOptions } from './processors/metered-worker-host';
import { RemindersProcessor } from './processors/reminders.processor';
import { WorkerMetrics } from './processors/worker-metrics.service';
import { WorkerConfigModule } from './worker-config.module';
import { WORKER_TUNING, WorkerTuning } from './worker-tuning';

/** The worker: no HTTP server, only Postgres, Redis and the queues' processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, tuning: WorkerTuning = {}): DynamicModule {
    const { queuePrefix, workerConcurrency } = config.notifications;
    const settings = { prefix: queuePrefix, ...config.notifications };
    const workerOptions = {
      concurrency: workerConcurrency,
      ...(tuning.lockDurationMs ? { lockDuration: tuning.lockDurationMs } : {}),
      ...(tuning.stalledIntervalMs ? { stalledInterval: tuning.stalledIntervalMs } : {}),
    };
    const processing = tuning.withoutProcessors
      ? []
      : [WorkerMetrics, withWorkerOptions(RemindersProcessor, REMINDERS_QUEUE, workerOptions), withWorkerOptions(EmailProcessor, EMAIL_QUEUE, workerOptions)];
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.forRoot(config),
        MailModule.forRoot(config.notifications),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { extra: { max: workerConcurrency + 2 } })),
        // Each queue and worker opens its own connections from these options and closes them itself.
        BullModule.forRoot({ connection: { url: config.redisUrl, ...redisOptions('worker') } }),
        BullModule.registerQueue({ name: REMINDERS_QUEUE, ...queueOptions(REMINDERS_QUEUE, settings) }, { name: EMAIL_QUEUE, ...queueOptions(EMAIL_QUEUE, settings) }),
      ],
      providers: [
        { provide: WORKER_TUNING, useValue: tuning },
        {
          provide: NotificationOutbox,
          inject: [getDataSourceToken(), getQueueToken(EMAIL_QUEUE), WorkerLiveEvents],
          useFactory: (db: DataSource, email: JobQueue<typeof EMAIL_QUEUE>, live: WorkerLiveEvents) => {
            const logger = new Logger(NotificationOutbox.name);
            // Stored notifications reach the API instances' notificationAdded subscribers after commit.
            return new NotificationOutbox(db, email, (message) => logger.warn(message), (events) => live.publish(events));
          },
        },
        WorkerLiveEvents,
        EmailDeliveryService,
        SessionRemindersService,
        HomeworkNoticesService,
        WeeklySummariesService,
        WeeklyPromptsService,
        CommunityDigestService,
        ReconcilerService,
        RecipientRetimeService,
        CheckInRemindersService,
        DataExportService,
        ...processing,
      ],
    };
  }
}
