import type { Job, JobsOptions, Queue } from 'bullmq';

/** Time-driven work: reminders, homework notices, weekly summaries and the reconciler. */
export const REMINDERS_QUEUE = 'reminders';
/** Delivery of stored notifications by email. */
export const EMAIL_QUEUE = 'email';
export type QueueName = typeof REMINDERS_QUEUE | typeof EMAIL_QUEUE;

export enum JobName {
  RECONCILE = 'reconcile',
  SESSION_REMINDER = 'session-reminder',
  HOMEWORK_DUE = 'homework-due',
  HOMEWORK_OVERDUE = 'homework-overdue',
  WEEKLY_SUMMARIES = 'weekly-summaries',
  /** Repeating: post each ACTIVE cohort's weekly discussion prompt once its program week has started. */
  WEEKLY_PROMPTS = 'weekly-prompts',
  /** Repeating: each member's daily count of new posts and replies in their circles, after 18:00 their time. */
  COMMUNITY_DIGEST = 'community-digest',
  SEND_EMAIL = 'send-email',
  /** Build one person's data export (the JSON file of everything held about them). */
  BUILD_DATA_EXPORT = 'build-data-export',
  /** Repeating: delete exports past their 24 hours, give up on ones never built. */
  EXPIRE_DATA_EXPORTS = 'expire-data-exports',
  /** A user's timezone or quiet hours changed: re-time the emails still waiting for them. */
  RETIME_RECIPIENT = 'retime-recipient',
  /** A client's daily check-in reminder at their local time (stored only if they have not checked in that day). */
  CHECK_IN_REMINDER = 'check-in-reminder',
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

export interface RetimeRecipientData {
  userId: string;
}

export interface CheckInReminderData {
  userId: string;
  /** The client's local day and time the reminder was planned for, in that zone; a change makes the job stale. */
  localDate: string;
  localTime: string;
  timezone: string;
}

export interface BuildDataExportData {
  exportId: string;
}

/** Repeating jobs carry nothing: they read what is due from the database. */
export type NoData = Record<string, never>;

/** What a notifying job did: how many notifications it stored now, or why it stored none. */
export type NotifyOutcome = { sent: number } | { skipped: string };

/**
 * The job registry: one entry per job name, with its queue, its payload and its handler's result.
 * Producers (the API, the reconciler, the outbox) and the worker's processors are typed by it, so
 * a job cannot be put on the wrong queue or with another job's payload, and a processor's switch
 * over its queue's names is checked for exhaustiveness.
 */
export interface JobRegistry {
  [JobName.RECONCILE]: { queue: typeof REMINDERS_QUEUE; data: NoData; result: { reminders: number; notices: number; emails: number; checkInReminders: number } };
  [JobName.SESSION_REMINDER]: { queue: typeof REMINDERS_QUEUE; data: SessionReminderData; result: NotifyOutcome };
  [JobName.HOMEWORK_DUE]: { queue: typeof REMINDERS_QUEUE; data: HomeworkNoticeData; result: NotifyOutcome };
  [JobName.HOMEWORK_OVERDUE]: { queue: typeof REMINDERS_QUEUE; data: HomeworkNoticeData; result: NotifyOutcome };
  [JobName.WEEKLY_SUMMARIES]: { queue: typeof REMINDERS_QUEUE; data: NoData; result: { cohorts: number; notifications: number } };
  [JobName.WEEKLY_PROMPTS]: { queue: typeof REMINDERS_QUEUE; data: NoData; result: { posted: number } };
  [JobName.COMMUNITY_DIGEST]: { queue: typeof REMINDERS_QUEUE; data: NoData; result: { sent: number } };
  [JobName.SEND_EMAIL]: { queue: typeof EMAIL_QUEUE; data: SendEmailData; result: 'sent' | 'nothing to do' };
  [JobName.BUILD_DATA_EXPORT]: { queue: typeof REMINDERS_QUEUE; data: BuildDataExportData; result: 'built' | 'nothing to do' };
  [JobName.EXPIRE_DATA_EXPORTS]: { queue: typeof REMINDERS_QUEUE; data: NoData; result: { expired: number; requeued: number } };
  [JobName.RETIME_RECIPIENT]: { queue: typeof REMINDERS_QUEUE; data: RetimeRecipientData; result: { emails: number; checkInReminders: number } };
  [JobName.CHECK_IN_REMINDER]: { queue: typeof REMINDERS_QUEUE; data: CheckInReminderData; result: NotifyOutcome };
}

export type JobPayload<N extends JobName> = JobRegistry[N]['data'];
export type JobResult<N extends JobName> = JobRegistry[N]['result'];
/** The names of the jobs that run on queue Q. */
export type JobNameOn<Q extends QueueName> = { [N in JobName]: JobRegistry[N]['queue'] extends Q ? N : never }[JobName];
/** A BullMQ job of one name, its data and return value typed by the registry. */
export type JobOf<N extends JobName> = Job<JobPayload<N>, JobResult<N>, N>;
/** Any job of queue Q, discriminated by `name`. */
export type QueueJob<Q extends QueueName> = { [N in JobNameOn<Q>]: JobOf<N> }[JobNameOn<Q>];
/** A queue that takes only its own jobs (the name brand lets producers infer which queue it is). */
export type JobQueue<Q extends QueueName> = Queue<QueueJob<Q>> & { readonly name: Q };

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
  buildDataExport: (d: BuildDataExportData) => `data-export_${d.exportId}`,
  /** One per change (the moment it was made), so a second change is never swallowed by the first. */
  retimeRecipient: (d: RetimeRecipientData, at: Date) => `retime-recipient_${d.userId}_${at.getTime()}`,
  /** The moment (ms) tells a re-timed reminder from the one it replaces. */
  checkInReminder: (d: CheckInReminderData, at: Date) => `check-in-reminder_${d.userId}_${d.localDate}_${at.getTime()}`,
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

/** A queue's options, the same in the API and the worker (connection aside). */
export function queueOptions(queue: QueueName, settings: QueueSettings): { prefix: string; defaultJobOptions: JobsOptions } {
  const keep = queue === REMINDERS_QUEUE ? keepCompletedSeconds(settings) : 7 * 86_400;
  return { prefix: settings.prefix, defaultJobOptions: defaultJobOptions(keep) };
}
