import { Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationOutbox } from '@anchored/jobs';
import { JobsProducer } from './jobs-producer.service';

@Global()
@Module({
  providers: [
    JobsProducer,
    {
      provide: NotificationOutbox,
      inject: [getDataSourceToken(), JobsProducer],
      useFactory: (db: DataSource, jobs: JobsProducer) => {
        const logger = new Logger(NotificationOutbox.name);
        return new NotificationOutbox(db, jobs.emailQueue, (message) => logger.warn(message));
      },
    },
  ],
  exports: [JobsProducer, NotificationOutbox],
})
export class JobsModule {}
