import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { EMAIL_QUEUE, JobQueue, QueueName, QueueSettings, REMINDERS_QUEUE, queueOptions } from './queues';

export interface Queues {
  reminders: JobQueue<typeof REMINDERS_QUEUE>;
  email: JobQueue<typeof EMAIL_QUEUE>;
}

/** One queue typed by the job registry; its name is its brand. */
function jobQueue<Q extends QueueName>(name: Q, connection: IORedis, settings: QueueSettings): JobQueue<Q> {
  return new Queue(name, { connection, ...queueOptions(name, settings) }) as JobQueue<Q>;
}

/** The platform's two queues on one connection, for producers outside Nest's BullModule (the API, tests, benchmarks). */
export function createQueues(connection: IORedis, settings: QueueSettings): Queues {
  return { reminders: jobQueue(REMINDERS_QUEUE, connection, settings), email: jobQueue(EMAIL_QUEUE, connection, settings) };
}
