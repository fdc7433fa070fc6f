import type { HomeworkFieldKind, SubmissionStatus } from '../../gql/graphql';

export interface FieldForAnswer {
  key: string;
  label: string;
  kind: HomeworkFieldKind;
  min?: number | null;
  max?: number | null;
}

interface SubmissionLike {
  id: string;
  status: SubmissionStatus;
  submittedAt: string;
  reviewedAt?: string | null;
}

interface AssignmentLike<S extends SubmissionLike> {
  id: string;
  submissions: readonly S[];
}

export type QueueItem<A, S> = { assignment: A; submission: S };

/**
 * Every submission of the cohort's assignments, split into those awaiting review (oldest first,
 * so no one waits longest) and those already reviewed (most recently reviewed first).
 */
export function reviewQueue<S extends SubmissionLike, A extends AssignmentLike<S>>(assignments: readonly A[]): { waiting: QueueItem<A, S>[]; reviewed: QueueItem<A, S>[] } {
  const all = assignments.flatMap((assignment) => assignment.submissions.map((submission) => ({ assignment, submission })));
  const time = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : 0);
  return {
    waiting: all.filter((i) => i.submission.status === 'SUBMITTED').sort((a, b) => time(a.submission.submittedAt) - time(b.submission.submittedAt)),
    reviewed: all
      .filter((i) => i.submission.status === 'REVIEWED')
      .sort((a, b) => time(b.submission.reviewedAt ?? b.submission.submittedAt) - time(a.submission.reviewedAt ?? a.submission.submittedAt)),
  };
}

/** A client's answer to one field as text a coach reads: lists joined, scales with their range. */
export function formatAnswer(field: FieldForAnswer, value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'No answer';
  switch (field.kind) {
    case 'SCALE': {
      const range = field.min != null && field.max != null ? ` (on a scale of ${field.min} to ${field.max})` : '';
      return `${String(value)}${range}`;
    }
    case 'CHECKLIST':
      return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    // The answer is the upload's id: the review shows a download button for it.
    case 'UPLOAD':
      return 'A file is attached';
    default:
      return Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The template's fields with the client's answers, in the template's order. */
export function answersFor(
  fields: readonly FieldForAnswer[],
  responses: Record<string, unknown>,
): { key: string; label: string; kind: HomeworkFieldKind; text: string; answered: boolean; uploadId: string | null }[] {
  return fields.map((f) => {
    const value = responses[f.key];
    const text = formatAnswer(f, value);
    const uploadId = f.kind === 'UPLOAD' && typeof value === 'string' ? value : null;
    return { key: f.key, label: f.label, kind: f.kind, text, answered: text !== 'No answer', uploadId };
  });
}
