import { changedMarks, checkDuration, checkSeries, dayIn, initialMarks, splitSessions, upcomingSeries } from './sessions';

describe('splitSessions', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const s = (id: string, startsAt: string, durationMinutes = 60) => ({ id, startsAt, durationMinutes });
  it('keeps a session under way with the upcoming ones', () => {
    const { upcoming, past } = splitSessions([s('past', '2026-11-24T12:00:00Z'), s('now', '2026-12-01T11:30:00Z'), s('later', '2026-12-08T12:00:00Z'), s('older', '2026-11-17T12:00:00Z')], now);
    expect(upcoming.map((x) => x.id)).toEqual(['now', 'later']);
    expect(past.map((x) => x.id)).toEqual(['past', 'older']);
  });
});

describe('attendance marks', () => {
  it('pre-selects what was recorded and leaves the rest empty', () => {
    expect(initialMarks(['a', 'b'], [{ status: 'PRESENT', client: { id: 'a' } }, { status: 'ABSENT', client: { id: 'gone' } }])).toEqual({ a: 'PRESENT', b: null });
  });
  it('sends only what changed', () => {
    expect(changedMarks({ a: 'PRESENT', b: 'EXCUSED', c: null }, { a: 'PRESENT', b: 'ABSENT', c: null })).toEqual([{ clientId: 'b', status: 'EXCUSED' }]);
  });
});

describe('checkSeries', () => {
  const form = { title: ' Tuesday circle ', weekdays: ['4', '2'], localTime: '18:30', durationMinutes: '90', meetingUrl: '' };
  it('turns a good form into the API input', () => {
    expect(checkSeries(form)).toEqual({ input: { title: 'Tuesday circle', weekdays: [2, 4], localTime: '18:30', durationMinutes: 90, meetingUrl: null } });
  });
  it('names each problem by its field', () => {
    const result = checkSeries({ title: '', weekdays: [], localTime: '25:00', durationMinutes: 'abc', meetingUrl: '' });
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['durationMinutes', 'localTime', 'title', 'weekdays']);
  });
});

describe('checkDuration', () => {
  it('accepts whole minutes in range only', () => {
    expect(checkDuration('90')).toEqual({ value: 90 });
    expect(checkDuration('2').error).toBeDefined();
    expect(checkDuration('12.5').error).toBeDefined();
    expect(checkDuration('').error).toBeDefined();
  });
});

describe('upcomingSeries and dayIn', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const s = (id: string, seriesId: string | null, startsAt: string, status = 'SCHEDULED') => ({ id, seriesId, title: `T-${seriesId}`, startsAt, status });

  it('groups the sessions still to come by series (the series with the soonest first), leaving out past, cancelled and single ones', () => {
    const groups = upcomingSeries(
      [
        s('b2', 'B', '2026-03-20T17:00:00Z'),
        s('a1', 'A', '2026-03-03T17:00:00Z'),
        s('a2', 'A', '2026-03-17T17:00:00Z'),
        s('a3', 'A', '2026-03-12T17:00:00Z', 'CANCELLED'),
        s('b1', 'B', '2026-03-13T17:00:00Z'),
        s('x', null, '2026-03-14T17:00:00Z'),
      ],
      now,
    );
    expect(groups.map((g) => [g.seriesId, g.sessions.map((x) => x.id)])).toEqual([
      ['B', ['b1', 'b2']],
      ['A', ['a2']],
    ]);
  });

  it("names the day in the cohort's timezone, not UTC", () => {
    expect(dayIn('2026-03-10T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-11');
    expect(dayIn('2026-03-10T23:30:00Z', 'America/New_York')).toBe('2026-03-10');
  });
});
