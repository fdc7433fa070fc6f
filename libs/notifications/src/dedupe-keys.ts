import { localDateTime } from './time';

/*
 * Deterministic keys naming one notification occurrence. They are stored in a unique column, so
 * scheduling the same occurrence twice (a retried job, two workers) inserts at most one row.
 * Instants are written as epoch milliseconds so the key does not depend on formatting or zones;
 * a moved session or due date is a new occurrence and gets a new key.
 */

function part(value: string, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(`${name} must be a non-empty string`);
  if (value.includes(':')) throw new RangeError(`${name} must not contain ":" (it separates key parts), got "${value}"`);
  return value;
}

function epoch(at: Date, name: string): number {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`${name} must be a valid Date`);
  return at.getTime();
}

const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** `session-reminder:<sessionId>:<startsAt ms>:<offset>s:<userId>` (offsets may be shorter than a minute). */
export function sessionReminderKey(sessionId: string, startsAt: Date, offsetSeconds: number, userId: string): string {
  if (!Number.isInteger(offsetSeconds) || offsetSeconds < 0) {
    throw new RangeError(`offsetSeconds must be a whole number of seconds, 0 or more, got ${offsetSeconds}`);
  }
  return `session-reminder:${part(sessionId, 'sessionId')}:${epoch(startsAt, 'startsAt')}:${offsetSeconds}s:${part(userId, 'userId')}`;
}

/** `homework-due:<assignmentId>:<dueAt ms>:<userId>` */
export function homeworkDueKey(assignmentId: string, dueAt: Date, userId: string): string {
  return `homework-due:${part(assignmentId, 'assignmentId')}:${epoch(dueAt, 'dueAt')}:${part(userId, 'userId')}`;
}

/** `homework-overdue:<assignmentId>:<dueAt ms>:<userId>` */
export function homeworkOverdueKey(assignmentId: string, dueAt: Date, userId: string): string {
  return `homework-overdue:${part(assignmentId, 'assignmentId')}:${epoch(dueAt, 'dueAt')}:${part(userId, 'userId')}`;
}

/** `feedback-ready:<submissionId>:<reviewedAt ms>`; a second review of the same submission is a new occurrence. */
export function feedbackReadyKey(submissionId: string, reviewedAt: Date): string {
  return `feedback-ready:${part(submissionId, 'submissionId')}:${epoch(reviewedAt, 'reviewedAt')}`;
}

/** `enrollment-update:<enrollmentId>:<status>:<at ms>` */
export function enrollmentUpdateKey(enrollmentId: string, status: string, at: Date): string {
  return `enrollment-update:${part(enrollmentId, 'enrollmentId')}:${part(status, 'status')}:${epoch(at, 'at')}`;
}

/** `coach-assigned:<auditEntryId>:<userId>`: one per assignment (its audit entry) and client. */
export function coachAssignedKey(auditEntryId: string, userId: string): string {
  return `coach-assigned:${part(auditEntryId, 'auditEntryId')}:${part(userId, 'userId')}`;
}

/** `data-export-ready:<exportId>`: one per export. */
export function dataExportReadyKey(exportId: string): string {
  return `data-export-ready:${part(exportId, 'exportId')}`;
}

/** `weekly-summary:<cohortId>:<isoWeek>:<userId>`, isoWeek as returned by isoWeekOf, e.g. 2027-W09. */
export function weeklySummaryKey(cohortId: string, isoWeek: string, userId: string): string {
  if (!ISO_WEEK.test(isoWeek)) throw new RangeError(`isoWeek must look like 2027-W09, got "${isoWeek}"`);
  return `weekly-summary:${part(cohortId, 'cohortId')}:${isoWeek}:${part(userId, 'userId')}`;
}

/** The ISO week (ISO week-year and week number) of `at` in `timezone`, e.g. "2027-W09" or "2026-W53". */
export function isoWeekOf(at: Date, timezone: string): string {
  return localDateTime(at, timezone).toFormat("kkkk-'W'WW");
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `check-in-reminder:<userId>:<local date>`: at most one check-in reminder per person and local day, whatever its time. */
export function checkInReminderKey(userId: string, localDate: string): string {
  if (!LOCAL_DATE.test(localDate)) throw new RangeError(`localDate must look like 2027-03-01, got "${localDate}"`);
  return `check-in-reminder:${part(userId, 'userId')}:${localDate}`;
}
