import { AttendanceStatus, SessionStatus, SubmissionStatus } from './coaching';
import { computeProgress } from './progress';
import { ReachOutReason } from './reach-out';

const now = new Date('2026-05-01T12:00:00Z');
const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
const after = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('computeProgress', () => {
  const base = {
    clientIds: ['ana', 'ben'],
    assignments: [
      { id: 'a1', dueAt: before(7) },
      { id: 'a2', dueAt: before(1) },
      { id: 'a3', dueAt: after(3) },
    ],
    submissions: [
      { assignmentId: 'a1', clientId: 'ana', late: false, status: SubmissionStatus.REVIEWED },
      { assignmentId: 'a2', clientId: 'ana', late: true, status: SubmissionStatus.SUBMITTED },
      { assignmentId: 'a3', clientId: 'ben', late: false, status: SubmissionStatus.SUBMITTED },
      { assignmentId: 'other-cohort', clientId: 'ben', late: true, status: SubmissionStatus.SUBMITTED },
    ],
    sessions: [
      { id: 's1', startsAt: before(6), status: SessionStatus.SCHEDULED },
      { id: 's2', startsAt: before(3), status: SessionStatus.COMPLETED },
      { id: 's3', startsAt: before(2), status: SessionStatus.CANCELLED },
      { id: 's4', startsAt: after(1), status: SessionStatus.SCHEDULED },
    ],
    attendance: [
      { sessionId: 's1', clientId: 'ana', status: AttendanceStatus.PRESENT },
      { sessionId: 's2', clientId: 'ana', status: AttendanceStatus.PRESENT },
      { sessionId: 's1', clientId: 'ben', status: AttendanceStatus.ABSENT },
      { sessionId: 's2', clientId: 'ben', status: AttendanceStatus.PRESENT },
      { sessionId: 's3', clientId: 'ben', status: AttendanceStatus.PRESENT },
    ],
    now,
  };

  it('counts submitted, missing, late, reviewed and the attendance rate per client', () => {
    expect(computeProgress(base)).toEqual([
      { clientId: 'ana', submitted: 2, missing: 0, late: 1, reviewed: 1, attendanceRate: 1, reachOutReasons: [] },
      // a1 and a2 are past due without an answer; a3 is answered early; only s1 and s2 were held.
      { clientId: 'ben', submitted: 1, missing: 2, late: 0, reviewed: 0, attendanceRate: 0.5, reachOutReasons: [ReachOutReason.LOW_ATTENDANCE, ReachOutReason.MISSING_HOMEWORK] },
    ]);
  });

  it('has no attendance rate before any session was held', () => {
    const [ana] = computeProgress({ ...base, sessions: [{ id: 's4', startsAt: after(1), status: SessionStatus.SCHEDULED }] });
    expect(ana.attendanceRate).toBeNull();
  });

  it('lists a client with nothing yet as all zeros', () => {
    expect(computeProgress({ ...base, clientIds: ['cy'], assignments: [], sessions: [] })).toEqual([
      { clientId: 'cy', submitted: 0, missing: 0, late: 0, reviewed: 0, attendanceRate: null, reachOutReasons: [] },
    ]);
  });

  it('leaves an excused session out of the attendance rate', () => {
    const excused = { ...base, attendance: [...base.attendance.filter((a) => !(a.clientId === 'ben' && a.sessionId === 's1')), { sessionId: 's1', clientId: 'ben', status: AttendanceStatus.EXCUSED }] };
    expect(computeProgress(excused)[1]).toMatchObject({ clientId: 'ben', attendanceRate: 1, reachOutReasons: [ReachOutReason.MISSING_HOMEWORK] });
  });

  it('flags missing the last two held sessions, from the same rows', () => {
    const absent = { ...base, attendance: base.attendance.map((a) => (a.clientId === 'ben' ? { ...a, status: AttendanceStatus.ABSENT } : a)) };
    expect(computeProgress(absent)[1].reachOutReasons).toEqual([ReachOutReason.MISSED_LAST_TWO_SESSIONS, ReachOutReason.LOW_ATTENDANCE, ReachOutReason.MISSING_HOMEWORK]);
  });

  it('gives the check-in reasons only when check-ins are passed in', () => {
    const checkIns = { programStartedAt: before(30), rows: [{ clientId: 'ana', at: before(2), anchored: 7 }] };
    const [ana, ben] = computeProgress({ ...base, checkIns });
    expect(ana.reachOutReasons).toEqual([]);
    expect(ben.reachOutReasons).toContain(ReachOutReason.NO_RECENT_CHECK_IN);
    expect(computeProgress(base)[1].reachOutReasons).not.toContain(ReachOutReason.NO_RECENT_CHECK_IN);
  });

  it('gives no check-in reason while none of the cohort’s clients has ever checked in', () => {
    const none = computeProgress({ ...base, checkIns: { programStartedAt: before(30), rows: [] } });
    expect(none.flatMap((p) => p.reachOutReasons)).not.toContain(ReachOutReason.NO_RECENT_CHECK_IN);
  });
});
