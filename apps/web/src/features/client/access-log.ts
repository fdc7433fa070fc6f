/** What the "Who has read my writing" screen says about each read of the client's private text. */

export interface AccessRead {
  at: string;
  subject: 'SUBMISSION' | 'CHECK_IN';
  subjectId: string;
  reader: { id: string; name: string; role: string };
}

/** The client's own submissions, enough to name the homework a read was about. */
export interface OwnSubmission {
  id: string;
  assignment: { id: string; title: string };
}

export type ReadSubject = { text: string; assignmentId?: string };

/** One read, as a stable key: the API keeps one row per reader, item and hour, so these never repeat. */
export function readKey(read: AccessRead): string {
  return `${read.reader.id}:${read.subject}:${read.subjectId}:${read.at}`;
}

/** "Coach" or "Admin": why this person could read it. */
export function readerRole(role: string): string {
  switch (role) {
    case 'COACH':
      return 'Coach';
    case 'ADMIN':
      return 'Admin';
    case 'CLIENT':
      return 'Client';
    default:
      return role.charAt(0) + role.slice(1).toLowerCase();
  }
}

/** Submission id → its homework, from the client's own list. */
export function submissionIndex(submissions: readonly OwnSubmission[]): Map<string, OwnSubmission['assignment']> {
  return new Map(submissions.map((s) => [s.id, s.assignment]));
}

/**
 * What was read: the homework's title (with its assignment, to link to) when the client's own list
 * has that answer; otherwise a plain description, never an id.
 */
export function readSubject(read: Pick<AccessRead, 'subject' | 'subjectId'>, homework: ReadonlyMap<string, OwnSubmission['assignment']>): ReadSubject {
  if (read.subject === 'CHECK_IN') return { text: 'A check-in note' };
  const assignment = homework.get(read.subjectId);
  return assignment ? { text: assignment.title, assignmentId: assignment.id } : { text: 'A homework answer' };
}
