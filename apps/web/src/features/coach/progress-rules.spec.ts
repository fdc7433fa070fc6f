import { formatPercent, heldSessions, missedLastSessions, reachOutReasons, summarizeProgress, type ProgressRow, type SessionForProgress } from './progress-rules';

const now = new Date('2026-12-01T12:00:00Z');
const session = (id: string, startsAt: string, marks: Record<string, 'PRESENT' | 'ABSENT' | 'EXCUSED'>, status: SessionForProgress['status'] = 'COMPLETED'): SessionForProgress => ({
  id,
  startsAt,
  status,
  attendance: Object.entries(marks).map(([client, s]) => ({ status: s, client: { id: client } })),
});
const row = (over: Partial<ProgressRow> = {}): ProgressRow => ({ clientId: 'sam', submitted: 1, missing: 0, late: 0, reviewed: 0, attendanceRate: 1, ...over });

describe('heldSessions', () => {
  it('keeps started, not cancelled sessions, newest first', () => {
    const sessions = [
      session('a', '2026-11-10T00:00:00Z', {}),
      session('b', '2026-11-17T00:00:00Z', {}, 'CANCELLED'),
      session('c', '2026-11-24T00:00:00Z', {}),
      session('d', '2026-12-08T00:00:00Z', {}, 'SCHEDULED'),
    ];
    expect(heldSessions(sessions, now).map((s) => s.id)).toEqual(['c', 'a']);
  });
});

describe('missedLastSessions', () => {
  const sessions = [
    session('1', '2026-11-10T00:00:00Z', { sam: 'PRESENT', noor: 'PRESENT' }),
    session('2', '2026-11-17T00:00:00Z', { sam: 'ABSENT', noor: 'EXCUSED' }),
    session('3', '2026-11-24T00:00:00Z', { sam: 'ABSENT', noor: 'ABSENT' }),
    session('4', '2026-12-08T00:00:00Z', {}, 'SCHEDULED'),
  ];
  it('is true when both of the last two held sessions were missed', () => {
    expect(missedLastSessions('sam', sessions, now)).toBe(true);
  });
  it('does not count an excused absence as missed', () => {
    expect(missedLastSessions('noor', sessions, now)).toBe(false);
  });
  it('needs two held sessions', () => {
    expect(missedLastSessions('sam', sessions.slice(2), now)).toBe(false);
  });
});

describe('reachOutReasons', () => {
  it('flags two or more missing assignments', () => {
    expect(reachOutReasons(row({ missing: 2 }), [], now)).toEqual(['2 missing assignments']);
    expect(reachOutReasons(row({ missing: 1 }), [], now)).toEqual([]);
  });
  it('flags attendance below 60% once sessions have been held', () => {
    expect(reachOutReasons(row({ attendanceRate: 0.5 }), [], now)).toEqual(['Attendance 50%']);
    expect(reachOutReasons(row({ attendanceRate: 0.6 }), [], now)).toEqual([]);
    expect(reachOutReasons(row({ attendanceRate: null }), [], now)).toEqual([]);
  });
  it('flags missing the last two sessions, with every reason that applies', () => {
    const sessions = [session('1', '2026-11-17T00:00:00Z', { sam: 'ABSENT' }), session('2', '2026-11-24T00:00:00Z', { sam: 'ABSENT' })];
    expect(reachOutReasons(row({ missing: 3, attendanceRate: 0 }), sessions, now)).toEqual(['3 missing assignments', 'Attendance 0%', 'Missed the last 2 sessions']);
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percent and names the empty case', () => {
    expect(formatPercent(2 / 3)).toBe('67%');
    expect(formatPercent(null)).toBe('No sessions yet');
  });
});

describe('summarizeProgress', () => {
  it('averages attendance over clients with a rate and totals the rest', () => {
    const rows = [row({ clientId: 'a', attendanceRate: 1, submitted: 3, reviewed: 1, missing: 0 }), row({ clientId: 'b', attendanceRate: 0.5, submitted: 1, reviewed: 1, missing: 2 }), row({ clientId: 'c', attendanceRate: null, submitted: 0, reviewed: 0 })];
    expect(summarizeProgress(rows, [[], ['2 missing assignments'], []])).toEqual({ clients: 3, averageAttendance: 0.75, missing: 2, awaitingReview: 2, toReachOut: 1 });
  });
  it('has no average before any session', () => {
    expect(summarizeProgress([], []).averageAttendance).toBeNull();
  });
});
