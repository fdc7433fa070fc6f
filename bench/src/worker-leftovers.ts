import { rmSync } from 'node:fs';
import { createQueues, createRedis } from '@anchored/jobs';
import type { BenchContext } from './context';

/** After a scenario that runs the worker's passes in-process: empties this run's queues and removes its file outbox. */
export async function clearWorkerLeftovers(ctx: BenchContext, outbox: string): Promise<void> {
  const redis = createRedis(ctx.redisUrl, 'worker');
  const queues = createQueues(redis, { prefix: ctx.queuePrefix, reminderOffsetsSeconds: [86_400], scheduleHorizonHours: 48 });
  await queues.email.obliterate({ force: true }).catch(() => undefined);
  await queues.reminders.obliterate({ force: true }).catch(() => undefined);
  await Promise.all([queues.email.close(), queues.reminders.close()]);
  redis.disconnect();
  rmSync(outbox, { recursive: true, force: true });
}
