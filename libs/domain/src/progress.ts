import { AttendanceMark, SessionTime, attendanceRates, heldSessions, missedLastSessions } from './attendance';
import { SubmissionStatus } from './coaching';
import { CheckIn, REACH_OUT, ReachOutReason, reachOutReasons } from './reach-out';

export interface ProgressInput {
  clientIds: string[];
  assignments: { id: string; dueAt: Date }[];
  submissions: { assignmentId: string; clientId: string; late: boolean; status: SubmissionStatus | `${SubmissionStatus}` }[];
  sessions: SessionTime[];
  attendance: AttendanceMark[];
  /**
   * The cohort's clients' check-ins. The check-in reasons are given only once the cohort uses the
   * practice: without this, or while none of its clients has ever checked in, they are never given.
   */
  checkIns?: { programStartedAt: Date; rows: (CheckIn & { clientId: string })[] };
  now: Date;
}

export interface ClientProgressFigures {
  clientId: string;
  submitted: number;
  /** Assignments past their due time with nothing submitted. */
  missing: number;
  late: number;
  reviewed: number;
  /** PRESENT / held sessions the client was not excused from; null before any counts. */
  attendanceRate: number | null;
  reachOutReasons: ReachOutReason[];
}

/** Per-client progress of one cohort, from rows loaded in a fixed number of queries. */
export function computeProgress(input: ProgressInput): ClientProgressFigures[] {
  const { now } = input;
  const held = heldSessions(input.sessions, now);
  const rates = attendanceRates(input.clientIds, held.map((s) => s.id), input.attendance);
  const assignmentIds = new Set(input.assignments.map((a) => a.id));
  const pastDue = input.assignments.filter((a) => a.dueAt.getTime() <= now.getTime());

  return input.clientIds.map((clientId) => {
    const mine = input.submissions.filter((s) => s.clientId === clientId && assignmentIds.has(s.assignmentId));
    const submittedIds = new Set(mine.map((s) => s.assignmentId));
    const missing = pastDue.filter((a) => !submittedIds.has(a.id)).length;
    const attendanceRate = rates.get(clientId) ?? null;
    const checkIns = input.checkIns && input.checkIns.rows.length > 0 && {
      programStartedAt: input.checkIns.programStartedAt,
      checkIns: input.checkIns.rows.filter((c) => c.clientId === clientId),
    };
    return {
      clientId,
      submitted: mine.length,
      missing,
      late: mine.filter((s) => s.late).length,
      reviewed: mine.filter((s) => s.status === SubmissionStatus.REVIEWED).length,
      attendanceRate,
      reachOutReasons: reachOutReasons(
        { missing, attendanceRate, missedLastTwoSessions: missedLastSessions(clientId, held, input.attendance, REACH_OUT.missedInARow), checkIns: checkIns || undefined },
        now,
      ),
    };
  });
}
