import { AttendanceMark, attendanceRates, averageAttendance, heldSessions, missedLastSessions } from './attendance';
import { AttendanceStatus, SessionStatus } from './coaching';

const now = new Date('2026-05-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const mark = (sessionId: string, clientId: string, status: AttendanceStatus): AttendanceMark => ({ sessionId, clientId, status });
const { PRESENT, ABSENT, EXCUSED } = AttendanceStatus;

describe('heldSessions', () => {
  it('keeps sessions not cancelled whose start has come, including one starting right now, newest first', () => {
    const sessions = [
      { id: 'old', startsAt: daysAgo(7), status: SessionStatus.COMPLETED },
      { id: 'cancelled', startsAt: daysAgo(3), status: SessionStatus.CANCELLED },
      // The row still says SCHEDULED; the time has come, so it counts.
      { id: 'recent', startsAt: daysAgo(1), status: SessionStatus.SCHEDULED },
      { id: 'starting', startsAt: now, status: SessionStatus.SCHEDULED },
      { id: 'later', startsAt: new Date(now.getTime() + 1), status: SessionStatus.SCHEDULED },
    ];
    expect(heldSessions(sessions, now).map((s) => s.id)).toEqual(['starting', 'recent', 'old']);
  });
});

describe('attendanceRates', () => {
  it('leaves an excused session out of that client only', () => {
    const marks = [mark('s1', 'ana', PRESENT), mark('s2', 'ana', EXCUSED), mark('s1', 'ben', PRESENT), mark('s2', 'ben', ABSENT)];
    const rates = attendanceRates(['ana', 'ben'], ['s1', 's2'], marks);
    // Before: Ana's excused absence gave her 50%, the same as Ben who did not come.
    expect(rates.get('ana')).toBe(1);
    expect(rates.get('ben')).toBe(0.5);
  });

  it('counts an unmarked held session as not attended, ignores other sessions, and is null while nothing counts', () => {
    const marks = [mark('s1', 'ana', PRESENT), mark('future', 'ana', PRESENT), mark('s1', 'cy', EXCUSED)];
    const rates = attendanceRates(['ana', 'ben', 'cy'], ['s1', 's2'], marks);
    expect(rates.get('ana')).toBe(0.5);
    expect(rates.get('ben')).toBe(0);
    expect(attendanceRates(['cy'], ['s1'], marks).get('cy')).toBeNull();
    expect(attendanceRates(['ana'], [], marks).get('ana')).toBeNull();
  });
});

describe('averageAttendance', () => {
  it('is the unrounded mean of the clients who have a rate', () => {
    // The cohort the dashboard showed as 83% and the charts as 84% (two weeks of 100% and 67%, rounded, then averaged).
    expect(averageAttendance([1, 1, 0.5, null])).toBeCloseTo(5 / 6);
    expect(Math.round(averageAttendance([1, 1, 0.5])! * 100)).toBe(83);
    expect(averageAttendance([null])).toBeNull();
    expect(averageAttendance([])).toBeNull();
  });
});

describe('missedLastSessions', () => {
  const held = [
    { id: 's3', startsAt: daysAgo(1), status: SessionStatus.COMPLETED },
    { id: 's2', startsAt: daysAgo(8), status: SessionStatus.COMPLETED },
    { id: 's1', startsAt: daysAgo(15), status: SessionStatus.COMPLETED },
  ];
  const marks = [mark('s2', 'sam', ABSENT), mark('s3', 'sam', ABSENT), mark('s2', 'noor', EXCUSED), mark('s3', 'noor', ABSENT), mark('s3', 'kim', ABSENT)];
  it('is true only when marked ABSENT at each of the last sessions; excused or unmarked is not missed', () => {
    expect(missedLastSessions('sam', held, marks, 2)).toBe(true);
    expect(missedLastSessions('noor', held, marks, 2)).toBe(false);
    expect(missedLastSessions('kim', held, marks, 2)).toBe(false);
    expect(missedLastSessions('sam', held.slice(0, 1), marks, 2)).toBe(false);
  });
});
