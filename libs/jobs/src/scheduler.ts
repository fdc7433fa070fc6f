import type { Queue } from 'bullmq';
import type { PlannedJob } from './planner';
import { JobName, SendEmailData, jobIds } from './queues';

/** addBulk in chunks: one Redis round trip per chunk instead of one per job. */
const CHUNK = 500;

/**
 * Puts planned jobs on a queue. Safe to call again with the same jobs (the API right after a
 * commit, the reconciler every minute): a job whose id exists is left as it is.
 */
export async function enqueuePlanned(queue: Queue, jobs: readonly PlannedJob<object>[], now = new Date()): Promise<number> {
  for (let i = 0; i < jobs.length; i += CHUNK) {
    await queue.addBulk(
      jobs.slice(i, i + CHUNK).map((job) => ({
        name: job.name,
        data: job.data,
        opts: { jobId: job.jobId, delay: Math.max(0, job.runAt.getTime() - now.getTime()) },
      })),
    );
  }
  return jobs.length;
}

/** Email jobs for freshly stored notifications, delayed to the end of the recipient's quiet hours. */
export function emailJobs(rows: readonly { id: string; emailNotBefore: Date }[]): PlannedJob<SendEmailData>[] {
  return rows.map((row) => {
    const data = { notificationId: row.id };
    return { name: JobName.SEND_EMAIL, jobId: jobIds.sendEmail(data), data, runAt: row.emailNotBefore };
  });
}

/**
 * Removes jobs that are no longer wanted (a session moved or was cancelled). Best effort: a job
 * that is already running cannot be removed, and checks the current state itself.
 */
export async function removeJobs(queue: Queue, jobIdsToRemove: readonly string[]): Promise<void> {
  await Promise.all(jobIdsToRemove.map((id) => queue.remove(id).catch(() => 0)));
}
