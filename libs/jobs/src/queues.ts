import type { JobsOptions } from 'bullmq';

/** Time-driven work: reminders, homework notices, weekly summaries and the reconciler. */
export const REMINDERS_QUEUE = 'reminders';
/** Delivery of stored notifications by email. */
export const EMAIL_QUEUE = 'email';

export enum JobName {
  RECONCILE = 'reconcile',
  SESSION_REMINDER = 'session-reminder',
  HOMEWORK_DUE = 'homework-due',
  HOMEWORK_OVERDUE = 'homework-overdue',
  WEEKLY_SUMMARIES = 'weekly-summaries',
  SEND_EMAIL = 'send-email',
}

export interface SessionReminderData {
  sessionId: string;
  /** The start time the reminder was planned for (ms); a moved session makes the job stale. */
  startsAtMs: number;
  offsetSeconds: number;
}

export interface HomeworkNoticeData {
  assignmentId: string;
  /** The due time the notice was planned for (ms); a changed due time makes the job stale. */
  dueAtMs: number;
}

export interface SendEmailData {
  notificationId: string;
}

/**
 * Job ids carry the occurrence (a start time, a due time): BullMQ ignores an add whose id already
 * exists, so an id reused for a moved session would silently drop the new reminder. BullMQ ids may
 * not contain ':'.
 */
export const jobIds = {
  sessionReminder: (d: SessionReminderData) => `session-reminder_${d.sessionId}_${d.startsAtMs}_${d.offsetSeconds}`,
  homeworkDue: (d: HomeworkNoticeData) => `homework-due_${d.assignmentId}_${d.dueAtMs}`,
  homeworkOverdue: (d: HomeworkNoticeData) => `homework-overdue_${d.assignmentId}_${d.dueAtMs}`,
  sendEmail: (d: SendEmailData) => `email_${d.notificationId}`,
};

/** Finished jobs are trimmed; completed ones are kept long enough to keep their id taken. */
export function defaultJobOptions(keepCompletedSeconds: number): JobsOptions {
  return {
    attempts: 6,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: keepCompletedSeconds, count: 100_000 },
    removeOnFail: { age: 14 * 86_400, count: 10_000 },
  };
}

export interface QueueSettings {
  prefix: string;
  reminderOffsetsSeconds: readonly number[];
  scheduleHorizonHours: number;
}

/**
 * Completed reminder jobs are kept until their occurrence can no longer be planned again (the
 * largest offset plus the horizon), so the reconciler's re-adds stay no-ops instead of re-running.
 */
export function keepCompletedSeconds(settings: QueueSettings): number {
  return Math.max(...settings.reminderOffsetsSeconds, 86_400) + settings.scheduleHorizonHours * 3600 + 86_400;
}
