import { JobName, JobPayload, jobIds } from './queues';

/** A job to add at runAt under a deterministic id; a union over names keeps name and payload together. */
export type PlannedJob<N extends JobName = JobName> = { [K in N]: { name: K; jobId: string; data: JobPayload<K>; runAt: Date } }[N];

export interface PlannableSession {
  id: string;
  startsAt: Date;
  status: string;
  /** When startsAt was last set. */
  scheduledAt: Date;
}

export interface PlannableAssignment {
  id: string;
  dueAt: Date;
  createdAt: Date;
}

/**
 * The reminder jobs a session needs within [now, horizonEnd]. A reminder whose moment was already
 * past when the session was created or moved is skipped (never sent late), and so is every
 * reminder once the session has started. Moments that passed while the worker was down are
 * planned to run now.
 */
export function planSessionReminders(
  session: PlannableSession,
  offsetsSeconds: readonly number[],
  now: Date,
  horizonEnd: Date,
): PlannedJob<JobName.SESSION_REMINDER>[] {
  if (session.status !== 'SCHEDULED' || session.startsAt <= now) return [];
  return offsetsSeconds.flatMap((offsetSeconds) => {
    const runAt = new Date(session.startsAt.getTime() - offsetSeconds * 1000);
    if (runAt < session.scheduledAt || runAt > horizonEnd) return [];
    const data = { sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds };
    return [{ name: JobName.SESSION_REMINDER, jobId: jobIds.sessionReminder(data), data, runAt }];
  });
}

/**
 * The "due soon" notice (noticeSeconds before the due time, unless the assignment was created
 * after that moment or the due time has passed) and the "overdue" notice (at the due time, unless
 * the assignment was created already overdue).
 */
export function planHomeworkNotices(
  assignment: PlannableAssignment,
  noticeSeconds: number,
  now: Date,
  horizonEnd: Date,
): PlannedJob<JobName.HOMEWORK_DUE | JobName.HOMEWORK_OVERDUE>[] {
  const data = { assignmentId: assignment.id, dueAtMs: assignment.dueAt.getTime() };
  const jobs: PlannedJob<JobName.HOMEWORK_DUE | JobName.HOMEWORK_OVERDUE>[] = [];
  const dueNoticeAt = new Date(assignment.dueAt.getTime() - noticeSeconds * 1000);
  if (dueNoticeAt >= assignment.createdAt && assignment.dueAt > now && dueNoticeAt <= horizonEnd) {
    jobs.push({ name: JobName.HOMEWORK_DUE, jobId: jobIds.homeworkDue(data), data, runAt: dueNoticeAt });
  }
  if (assignment.dueAt > assignment.createdAt && assignment.dueAt <= horizonEnd) {
    jobs.push({ name: JobName.HOMEWORK_OVERDUE, jobId: jobIds.homeworkOverdue(data), data, runAt: assignment.dueAt });
  }
  return jobs;
}
