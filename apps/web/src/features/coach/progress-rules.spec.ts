import { formatPercent, reasonLabel, summarizeProgress, type ProgressRow } from './progress-rules';

const row = (over: Partial<ProgressRow> = {}): ProgressRow => ({ clientId: 'sam', submitted: 1, missing: 0, late: 0, reviewed: 0, attendanceRate: 1, reachOutReasons: [], ...over });

describe('reasonLabel', () => {
  it("puts each of the API's reasons into badge text", () => {
    const r = row({ missing: 3, attendanceRate: 0.5 });
    expect(reasonLabel('MISSING_HOMEWORK', r)).toBe('3 missing assignments');
    expect(reasonLabel('LOW_ATTENDANCE', r)).toBe('Attendance 50%');
    expect(reasonLabel('MISSED_LAST_TWO_SESSIONS', r)).toBe('Missed the last 2 sessions');
    expect(reasonLabel('NO_RECENT_CHECK_IN', r)).toBe('No check-in for 7 days');
    expect(reasonLabel('ANCHORED_DROPPING', r)).toBe('Feeling less anchored');
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percent and names the empty case', () => {
    expect(formatPercent(2 / 3)).toBe('67%');
    expect(formatPercent(null)).toBe('No sessions yet');
  });
});

describe('summarizeProgress', () => {
  it('averages attendance over clients with a rate, totals the rest, and counts who the API flags', () => {
    const rows = [
      row({ clientId: 'a', attendanceRate: 1, submitted: 3, reviewed: 1, missing: 0 }),
      row({ clientId: 'b', attendanceRate: 0.5, submitted: 1, reviewed: 1, missing: 2, reachOutReasons: ['MISSING_HOMEWORK', 'LOW_ATTENDANCE'] }),
      row({ clientId: 'c', attendanceRate: null, submitted: 0, reviewed: 0 }),
    ];
    expect(summarizeProgress(rows)).toEqual({ clients: 3, averageAttendance: 0.75, missing: 2, awaitingReview: 2, toReachOut: 1 });
  });
  it('has no average before any session', () => {
    expect(summarizeProgress([]).averageAttendance).toBeNull();
  });
});
