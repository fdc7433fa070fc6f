import { describeSeries, weeklyRates, type ChartInput } from './charts';

const base: ChartInput = {
  startsOn: '2026-11-09',
  timezone: 'America/New_York',
  programWeeks: 26,
  enrolledCount: 3,
  sessions: [],
  assignments: [],
  now: new Date('2026-12-01T19:00:00Z'), // Tuesday of week 4
};
const marks = (...s: ('PRESENT' | 'ABSENT' | 'EXCUSED')[]) => s.map((status) => ({ status }));

describe('weeklyRates', () => {
  it('computes attendance per program week out of the enrolled clients', () => {
    const points = weeklyRates({
      ...base,
      sessions: [
        // Tuesday 10 Nov 19:00 in New York is Wednesday 00:00 UTC: still week 1 there.
        { startsAt: '2026-11-11T00:00:00Z', status: 'COMPLETED', attendance: marks('PRESENT', 'PRESENT', 'PRESENT') },
        { startsAt: '2026-11-18T00:00:00Z', status: 'COMPLETED', attendance: marks('PRESENT', 'PRESENT', 'ABSENT') },
        { startsAt: '2026-11-19T00:00:00Z', status: 'CANCELLED', attendance: [] },
        { startsAt: '2026-12-09T00:00:00Z', status: 'SCHEDULED', attendance: [] },
      ],
    });
    expect(points.map((p) => [p.week, p.attendance, p.sessionsHeld])).toEqual([
      [1, 100, 1],
      [2, 67, 1],
      [3, null, 0],
      [4, null, 0],
    ]);
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
    const points = weeklyRates({ ...base, enrolledCount: 0, sessions: [{ startsAt: '2026-11-11T00:00:00Z', status: 'COMPLETED', attendance: [] }] });
    expect(points[0].attendance).toBeNull();
  });
});

describe('describeSeries', () => {
  it('summarises the average and the latest week', () => {
    const points = weeklyRates({
      ...base,
      sessions: [
        { startsAt: '2026-11-11T00:00:00Z', status: 'COMPLETED', attendance: marks('PRESENT', 'PRESENT', 'PRESENT') },
        { startsAt: '2026-11-18T00:00:00Z', status: 'COMPLETED', attendance: marks('PRESENT', 'PRESENT', 'ABSENT') },
      ],
    });
    expect(describeSeries(points, 'attendance', 'attendance')).toBe('Attendance averaged 84% over 2 weeks; week 2 was 67%.');
    expect(describeSeries(points, 'submissions', 'homework submission')).toBe('No homework submission figures yet.');
  });
});
