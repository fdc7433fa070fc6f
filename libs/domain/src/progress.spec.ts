import { AttendanceStatus, SessionStatus, SubmissionStatus } from './coaching';
import { computeProgress } from './progress';

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
      { clientId: 'ana', submitted: 2, missing: 0, late: 1, reviewed: 1, attendanceRate: 1 },
      // a1 and a2 are past due without an answer; a3 is answered early; only s1 and s2 were held.
      { clientId: 'ben', submitted: 1, missing: 2, late: 0, reviewed: 0, attendanceRate: 0.5 },
    ]);
  });

  it('has no attendance rate before any session was held', () => {
    const [ana] = computeProgress({ ...base, sessions: [{ id: 's4', startsAt: after(1), status: SessionStatus.SCHEDULED }] });
    expect(ana.attendanceRate).toBeNull();
  });

  it('lists a client with nothing yet as all zeros', () => {
    expect(computeProgress({ ...base, clientIds: ['cy'], assignments: [], sessions: [] })).toEqual([
      { clientId: 'cy', submitted: 0, missing: 0, late: 0, reviewed: 0, attendanceRate: null },
    ]);
  });
});
