import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@anchored/config';
import { dataSourceOptions } from '@anchored/data';
import { EmailDeliveryService } from './notify/email-delivery.service';
import { EmailOutbox } from './notify/email-outbox.service';
import { HomeworkNoticesService } from './notify/homework-notices.service';
import { MailerService } from './notify/mailer.service';
import { ReconcilerService } from './notify/reconciler.service';
import { SessionRemindersService } from './notify/session-reminders.service';
import { WeeklySummariesService } from './notify/weekly-summaries.service';
import { QueueWorkersService, WORKER_TUNING, WorkerTuning } from './queue-workers.service';
import { QueuesModule } from './queues.module';
import { WorkerConfigModule } from './worker-config.module';

/** The worker: no HTTP server, only Postgres, Redis and the queues' processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, tuning: WorkerTuning = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { extra: { max: config.notifications.workerConcurrency + 2 } })),
        QueuesModule,
      ],
      providers: [
        { provide: WORKER_TUNING, useValue: tuning },
        MailerService,
        EmailOutbox,
        EmailDeliveryService,
        SessionRemindersService,
        HomeworkNoticesService,
        WeeklySummariesService,
        ReconcilerService,
        QueueWorkersService,
      ],
    };
  }
}
