import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { EMAIL_QUEUE, QueueSettings, REMINDERS_QUEUE, defaultJobOptions, keepCompletedSeconds } from './queues';

export interface Queues {
  reminders: Queue;
  email: Queue;
}

/** The platform's two queues, configured the same way in the API and the worker. */
export function createQueues(connection: IORedis, settings: QueueSettings): Queues {
  return {
    reminders: new Queue(REMINDERS_QUEUE, { connection, prefix: settings.prefix, defaultJobOptions: defaultJobOptions(keepCompletedSeconds(settings)) }),
    email: new Queue(EMAIL_QUEUE, { connection, prefix: settings.prefix, defaultJobOptions: defaultJobOptions(7 * 86_400) }),
  };
}
