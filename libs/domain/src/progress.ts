import { AttendanceStatus, SessionStatus, SubmissionStatus, isHeld } from './coaching';

export interface ProgressInput {
  clientIds: string[];
  assignments: { id: string; dueAt: Date }[];
  submissions: { assignmentId: string; clientId: string; late: boolean; status: SubmissionStatus }[];
  sessions: { id: string; startsAt: Date; status: SessionStatus }[];
  attendance: { sessionId: string; clientId: string; status: AttendanceStatus }[];
  now?: Date;
}

export interface ClientProgressFigures {
  clientId: string;
  submitted: number;
  /** Assignments past their due time with nothing submitted. */
  missing: number;
  late: number;
  reviewed: number;
  /** PRESENT / sessions held so far; null before any session was held. */
  attendanceRate: number | null;
}

/** Per-client progress of one cohort, from rows loaded in a fixed number of queries. */
export function computeProgress(input: ProgressInput): ClientProgressFigures[] {
  const now = input.now ?? new Date();
  const held = new Set(input.sessions.filter((s) => isHeld(s.status, s.startsAt, now)).map((s) => s.id));
  const assignmentIds = new Set(input.assignments.map((a) => a.id));
  const pastDue = input.assignments.filter((a) => a.dueAt.getTime() <= now.getTime());

  return input.clientIds.map((clientId) => {
    const mine = input.submissions.filter((s) => s.clientId === clientId && assignmentIds.has(s.assignmentId));
    const submittedIds = new Set(mine.map((s) => s.assignmentId));
    const present = input.attendance.filter((a) => a.clientId === clientId && held.has(a.sessionId) && a.status === AttendanceStatus.PRESENT).length;
    return {
      clientId,
      submitted: mine.length,
      missing: pastDue.filter((a) => !submittedIds.has(a.id)).length,
      late: mine.filter((s) => s.late).length,
      reviewed: mine.filter((s) => s.status === SubmissionStatus.REVIEWED).length,
      attendanceRate: held.size === 0 ? null : present / held.size,
    };
  });
}
