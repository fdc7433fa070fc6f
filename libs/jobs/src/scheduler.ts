import type { Queue } from 'bullmq';
import { PlannableAssignment, PlannableSession, PlannedJob, planHomeworkNotices, planSessionReminders } from './planner';
import { JobName, JobNameOn, JobQueue, QueueName, REMINDERS_QUEUE, jobIds } from './queues';

/** addBulk in chunks: one Redis round trip per chunk instead of one per job. */
const CHUNK = 500;

/**
 * Puts planned jobs on a queue. Safe to call again with the same jobs (the API right after a
 * commit, the reconciler every minute): a job whose id exists is left as it is.
 */
export async function enqueuePlanned<Q extends QueueName>(queue: JobQueue<Q>, jobs: readonly PlannedJob<JobNameOn<Q>>[], now = new Date()): Promise<number> {
  // The signature ties the jobs to this queue; BullMQ's own generics cannot follow a generic Q.
  const target = queue as unknown as Queue;
  for (let i = 0; i < jobs.length; i += CHUNK) {
    await target.addBulk(
      jobs.slice(i, i + CHUNK).map((job) => ({
        name: job.name,
        data: job.data,
        opts: { jobId: job.jobId, delay: Math.max(0, job.runAt.getTime() - now.getTime()) },
      })),
    );
  }
  return jobs.length;
}

/** The job that builds a requested data export (after the request committed; the worker re-adds lost ones). */
export function dataExportJob(exportId: string, now = new Date()): PlannedJob<JobName.BUILD_DATA_EXPORT> {
  const data = { exportId };
  return { name: JobName.BUILD_DATA_EXPORT as const, jobId: jobIds.buildDataExport(data), data, runAt: now };
}

/** Email jobs for freshly stored notifications, delayed to the end of the recipient's quiet hours. */
export function emailJobs(rows: readonly { id: string; emailNotBefore: Date }[]): PlannedJob<JobName.SEND_EMAIL>[] {
  return rows.map((row) => {
    const data = { notificationId: row.id };
    return { name: JobName.SEND_EMAIL as const, jobId: jobIds.sendEmail(data), data, runAt: row.emailNotBefore };
  });
}

/**
 * Removes jobs that are no longer wanted (a session moved or was cancelled). Best effort: a job
 * that is already running cannot be removed, and checks the current state itself.
 */
export async function removeJobs<Q extends QueueName>(queue: JobQueue<Q>, jobIdsToRemove: readonly string[]): Promise<void> {
  await Promise.all(jobIdsToRemove.map((id) => queue.remove(id).catch(() => 0)));
}

export interface SchedulingSettings {
  reminderOffsetsSeconds: readonly number[];
  homeworkDueNoticeSeconds: number;
  scheduleHorizonHours: number;
}

/** The end of the window whose jobs are kept in Redis; the reconciler adds the rest as time moves on. */
export function horizonEnd(now: Date, scheduleHorizonHours: number): Date {
  return new Date(now.getTime() + scheduleHorizonHours * 3_600_000);
}

/**
 * After sessions were created, moved or cancelled (and committed): drops the reminder jobs of
 * their previous start times that are no longer wanted, and adds the ones now due in the horizon.
 */
export async function rescheduleSessionReminders(
  queue: JobQueue<typeof REMINDERS_QUEUE>,
  sessions: readonly PlannableSession[],
  previous: readonly PlannableSession[],
  settings: SchedulingSettings,
  now = new Date(),
): Promise<void> {
  const horizon = horizonEnd(now, settings.scheduleHorizonHours);
  const planned = sessions.flatMap((s) => planSessionReminders(s, settings.reminderOffsetsSeconds, now, horizon));
  const fresh = new Set(planned.map((job) => job.jobId));
  const stale = previous.flatMap((s) =>
    settings.reminderOffsetsSeconds.map((offsetSeconds) => jobIds.sessionReminder({ sessionId: s.id, startsAtMs: s.startsAt.getTime(), offsetSeconds })),
  );
  await removeJobs(queue, stale.filter((id) => !fresh.has(id)));
  await enqueuePlanned(queue, planned, now);
}

/** After assignments were created (and committed): their "due soon" and "overdue" jobs. */
export async function scheduleHomeworkNotices(
  queue: JobQueue<typeof REMINDERS_QUEUE>,
  assignments: readonly PlannableAssignment[],
  settings: SchedulingSettings,
  now = new Date(),
): Promise<void> {
  const horizon = horizonEnd(now, settings.scheduleHorizonHours);
  await enqueuePlanned(queue, assignments.flatMap((a) => planHomeworkNotices(a, settings.homeworkDueNoticeSeconds, now, horizon)), now);
}

/**
 * After a user's timezone or quiet hours changed (and committed): the worker re-times the emails
 * still waiting for them, because quiet hours are read on the user's own wall clock.
 */
export async function retimeRecipient(queue: JobQueue<typeof REMINDERS_QUEUE>, userId: string, now = new Date()): Promise<void> {
  const data = { userId };
  await enqueuePlanned(queue, [{ name: JobName.RETIME_RECIPIENT, jobId: jobIds.retimeRecipient(data, now), data, runAt: now }], now);
}
