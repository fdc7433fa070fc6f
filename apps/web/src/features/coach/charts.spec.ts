import { cohortAttendance, describeSeries, weeklyRates, type ChartInput } from './charts';
import { summarizeProgress } from './progress-rules';

const base: ChartInput = {
  startsOn: '2026-11-09',
  timezone: 'America/New_York',
  programWeeks: 26,
  clientIds: ['a', 'b', 'c'],
  sessions: [],
  assignments: [],
  now: new Date('2026-12-01T19:00:00Z'), // Tuesday of week 4
};
type Mark = 'PRESENT' | 'ABSENT' | 'EXCUSED';
const marks = (...s: Mark[]) => s.map((status, i) => ({ status, client: { id: base.clientIds[i] } }));
const session = (id: string, startsAt: string, attendance = marks(), status: 'COMPLETED' | 'CANCELLED' | 'SCHEDULED' = 'COMPLETED') => ({ id, startsAt, status, attendance });

describe('weeklyRates', () => {
  it('computes attendance per program week out of the clients', () => {
    const points = weeklyRates({
      ...base,
      sessions: [
        // Tuesday 10 Nov 19:00 in New York is Wednesday 00:00 UTC: still week 1 there.
        session('1', '2026-11-11T00:00:00Z', marks('PRESENT', 'PRESENT', 'PRESENT')),
        session('2', '2026-11-18T00:00:00Z', marks('PRESENT', 'PRESENT', 'ABSENT')),
        session('3', '2026-11-19T00:00:00Z', [], 'CANCELLED'),
        session('4', '2026-12-09T00:00:00Z', [], 'SCHEDULED'),
      ],
    });
    expect(points.map((p) => [p.week, p.attendance, p.sessionsHeld])).toEqual([
      [1, 100, 1],
      [2, 67, 1],
      [3, null, 0],
      [4, null, 0],
    ]);
  });

  it('leaves an excused absence out of that client’s count', () => {
    const [week1] = weeklyRates({ ...base, sessions: [session('1', '2026-11-11T00:00:00Z', marks('PRESENT', 'PRESENT', 'EXCUSED'))] });
    // Before: 2 of 3 enrolled present, 67%.
    expect(week1.attendance).toBe(100);
  });

  it('counts a session held from its start, as the dashboard does', () => {
    const startsNow = session('1', base.now!.toISOString(), marks('PRESENT', 'PRESENT', 'PRESENT'), 'SCHEDULED');
    expect(weeklyRates({ ...base, sessions: [startsNow] })[3]).toMatchObject({ week: 4, attendance: 100, sessionsHeld: 1 });
  });

  it('computes submissions for homework already due, by the week it was due', () => {
    const points = weeklyRates({
      ...base,
      assignments: [
        { dueAt: '2026-11-28T19:45:00Z', submissions: [{ id: 'a' }, { id: 'b' }] }, // week 3
        { dueAt: '2026-12-05T19:45:00Z', submissions: [{ id: 'c' }] }, // not due yet
      ],
    });
    expect(points[2]).toMatchObject({ week: 3, submissions: 67, assignmentsDue: 1 });
    expect(points[3]).toMatchObject({ week: 4, submissions: null, assignmentsDue: 0 });
  });

  it('has no weeks before the program starts and stops at the last week', () => {
    expect(weeklyRates({ ...base, startsOn: '2027-01-04' })).toEqual([]);
    expect(weeklyRates({ ...base, startsOn: '2026-01-05' })).toHaveLength(26);
  });

  it('treats an empty cohort as no data rather than dividing by zero', () => {
    const points = weeklyRates({ ...base, clientIds: [], sessions: [session('1', '2026-11-11T00:00:00Z')] });
    expect(points[0].attendance).toBeNull();
  });
});

describe('describeSeries and cohortAttendance', () => {
  const input = {
    ...base,
    sessions: [session('1', '2026-11-11T00:00:00Z', marks('PRESENT', 'PRESENT', 'PRESENT')), session('2', '2026-11-18T00:00:00Z', marks('PRESENT', 'PRESENT', 'ABSENT'))],
  };

  it('gives the same average attendance as the progress dashboard for the same cohort', () => {
    // Clients a, b: 100%; c: 50%. The dashboard showed 83%; the charts averaged the weeks' rounded 100% and 67% to 84%.
    const dashboard = summarizeProgress(
      [1, 1, 0.5].map((attendanceRate, i) => ({ clientId: base.clientIds[i], submitted: 0, missing: 0, late: 0, reviewed: 0, attendanceRate, reachOutReasons: [] })),
    );
    expect(cohortAttendance(input)).toBe(Math.round(dashboard.averageAttendance! * 100));
    expect(describeSeries(weeklyRates(input), 'attendance', 'attendance', cohortAttendance(input))).toBe('Attendance averaged 83% over 2 weeks; week 2 was 67%.');
  });

  it('says when there is nothing to summarise', () => {
    expect(describeSeries(weeklyRates(input), 'submissions', 'homework submission')).toBe('No homework submission figures yet.');
  });
});
