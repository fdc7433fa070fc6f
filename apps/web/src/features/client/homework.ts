import type { HomeworkFieldKind } from '@anchored/curriculum';
import { DateTime } from 'luxon';

export interface FieldSpec {
  key: string;
  label: string;
  kind: HomeworkFieldKind;
  required: boolean;
  help?: string | null;
  min?: number | null;
  max?: number | null;
  options?: readonly string[] | null;
  /** UPLOAD fields: a document or picture, or a voice note. */
  uploadKind?: 'FILE' | 'VOICE_NOTE' | null;
}

export type HomeworkStatus = 'TODO' | 'SUBMITTED' | 'LATE' | 'REVIEWED';

export const STATUS_LABEL: Record<HomeworkStatus, string> = {
  TODO: 'To do',
  SUBMITTED: 'Submitted',
  LATE: 'Late',
  REVIEWED: 'Reviewed',
};

interface AssignmentLike {
  dueAt: string;
  mySubmission?: { status: 'SUBMITTED' | 'REVIEWED'; late: boolean } | null;
}

/**
 * Where the client stands with one assignment. "Late" is an answer sent after the due time that
 * the coach has not reviewed yet; `overdue` is nothing sent and the due time gone.
 */
export function homeworkStatus(assignment: AssignmentLike, now: Date = new Date()): { status: HomeworkStatus; overdue: boolean; late: boolean } {
  const submission = assignment.mySubmission;
  if (!submission) return { status: 'TODO', overdue: new Date(assignment.dueAt).getTime() < now.getTime(), late: false };
  if (submission.status === 'REVIEWED') return { status: 'REVIEWED', overdue: false, late: submission.late };
  return { status: submission.late ? 'LATE' : 'SUBMITTED', overdue: false, late: submission.late };
}

/** Homework still open (nothing sent, or sent and waiting for the coach), soonest due first. */
export function openHomework<T extends AssignmentLike>(assignments: readonly T[]): T[] {
  return assignments.filter((a) => a.mySubmission?.status !== 'REVIEWED').sort(byDue);
}

/** To do first (soonest due first), then waiting for review, then reviewed (latest due first). */
export function sortForList<T extends AssignmentLike>(assignments: readonly T[]): T[] {
  const rank = (a: T) => (!a.mySubmission ? 0 : a.mySubmission.status === 'SUBMITTED' ? 1 : 2);
  return [...assignments].sort((a, b) => rank(a) - rank(b) || (rank(a) === 2 ? byDue(b, a) : byDue(a, b)));
}

function byDue(a: AssignmentLike, b: AssignmentLike): number {
  return DateTime.fromISO(a.dueAt).toMillis() - DateTime.fromISO(b.dueAt).toMillis();
}

export type Answer = string | number | string[] | null;
export type Answers = Record<string, Answer>;

/** The form's starting values: the earlier answer where it fits the field, else empty. */
export function initialAnswers(fields: readonly FieldSpec[], responses?: Record<string, unknown> | null): Answers {
  const out: Answers = {};
  for (const field of fields) {
    const value = responses?.[field.key];
    switch (field.kind) {
      case 'TEXT':
      case 'LONG_TEXT':
        out[field.key] = typeof value === 'string' ? value : '';
        break;
      case 'SCALE':
        out[field.key] = typeof value === 'number' ? value : null;
        break;
      case 'CHOICE':
        out[field.key] = typeof value === 'string' ? value : null;
        break;
      case 'CHECKLIST':
        out[field.key] = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        break;
      // A day as YYYY-MM-DD; an upload's id.
      case 'DATE':
      case 'UPLOAD':
        out[field.key] = typeof value === 'string' && value ? value : null;
        break;
    }
  }
  return out;
}

/**
 * The answers as the API takes them: `{ fieldKey: value }`. Nothing is checked here (the API
 * validates and names every problem); unanswered scales and choices are simply left out.
 */
export function toResponses(fields: readonly FieldSpec[], answers: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = answers[field.key];
    if (value === null || value === undefined) continue;
    out[field.key] = value;
  }
  return out;
}

/**
 * The API names the field in its messages (`"feeling" (I feel…) is required.`); next to the field
 * itself that is noise, so it becomes "This answer is required."
 */
export function fieldMessage(message: string, field: Pick<FieldSpec, 'key' | 'label'>): string {
  const prefix = `"${field.key}" (${field.label}) `;
  if (message.startsWith(prefix)) return `This answer ${message.slice(prefix.length)}`;
  return message;
}

/** The answer to show read-only. */
export function answerText(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'No answer';
  if (Array.isArray(value)) return value.join(', ');
  if (field.kind === 'SCALE' && typeof value === 'number' && field.max != null) return `${value} out of ${field.max}`;
  if (field.kind === 'UPLOAD') return field.uploadKind === 'VOICE_NOTE' ? 'A voice note is attached' : 'A file is attached';
  if (field.kind === 'DATE' && typeof value === 'string') return DateTime.fromISO(value).toLocaleString(DateTime.DATE_FULL);
  return String(value);
}
