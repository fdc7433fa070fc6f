import { Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationOutbox } from '@anchored/jobs';
import { LiveEventsPublisher } from '../realtime/live-events.publisher';
import { JobsProducer } from './jobs-producer.service';

@Global()
@Module({
  providers: [
    JobsProducer,
    {
      provide: NotificationOutbox,
      inject: [getDataSourceToken(), JobsProducer, LiveEventsPublisher],
      useFactory: (db: DataSource, jobs: JobsProducer, live: LiveEventsPublisher) => {
        const logger = new Logger(NotificationOutbox.name);
        // Stored notifications are announced live (notificationAdded) once their transaction commits.
        return new NotificationOutbox(db, jobs.emailQueue, (message) => logger.warn(message), (events) => live.publish(...events));
      },
    },
  ],
  exports: [JobsProducer, NotificationOutbox],
})
export class JobsModule {}
