import { CHECK_IN, type CheckInFigures, type WeatherRow, checkInProblems, checkInTrend, cohortWeather, gentleStreak, localDateOf, programWeekOfDate, weatherWindowStart } from './check-ins';

describe('check-ins', () => {
  describe('localDateOf', () => {
    it('is the calendar day on the person’s wall clock', () => {
      const at = new Date('2027-03-10T23:30:00Z');
      expect(localDateOf(at, 'UTC')).toBe('2027-03-10');
      expect(localDateOf(at, 'Europe/Berlin')).toBe('2027-03-11');
      expect(localDateOf(at, 'America/Los_Angeles')).toBe('2027-03-10');
      expect(localDateOf(new Date('2027-03-10T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2027-03-11');
    });
    it('counts a DST day as one day', () => {
      expect(localDateOf(new Date('2027-03-28T00:30:00Z'), 'Europe/Berlin')).toBe('2027-03-28');
      expect(localDateOf(new Date('2027-03-28T22:30:00Z'), 'Europe/Berlin')).toBe('2027-03-29');
    });
    it('refuses an unknown zone', () => {
      expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    });
  });

  describe('checkInProblems', () => {
    const ok = { location: 'WITH_MYSELF', state: 'SETTLED', anchored: 7 };
    it('accepts 0 to 10 and the four values of each enum', () => {
      expect(checkInProblems(ok)).toEqual([]);
      expect(checkInProblems({ ...ok, anchored: 0 })).toEqual([]);
      expect(checkInProblems({ ...ok, anchored: 10, note: 'x' })).toEqual([]);
    });
    it('reports every problem', () => {
      expect(checkInProblems({ location: 'ON_THE_MOON', state: 'ZEN', anchored: 11 }).map((p) => p.field)).toEqual(['location', 'state', 'anchored']);
      expect(checkInProblems({ ...ok, anchored: -1 }).map((p) => p.field)).toEqual(['anchored']);
      expect(checkInProblems({ ...ok, anchored: 2.5 }).map((p) => p.field)).toEqual(['anchored']);
      expect(checkInProblems({ ...ok, note: 'x'.repeat(CHECK_IN.noteMax + 1) }).map((p) => p.field)).toEqual(['note']);
    });
  });

  it('numbers program weeks from the first day', () => {
    expect(programWeekOfDate('2027-01-04', '2027-01-04')).toBe(1);
    expect(programWeekOfDate('2027-01-10', '2027-01-04')).toBe(1);
    expect(programWeekOfDate('2027-01-11', '2027-01-04')).toBe(2);
    expect(programWeekOfDate('2027-01-03', '2027-01-04')).toBe(0);
  });

  describe('gentleStreak', () => {
    it('counts up to today, or to yesterday while today is still open', () => {
      expect(gentleStreak(['2027-01-08', '2027-01-09', '2027-01-10'], '2027-01-10')).toEqual({ current: 3, longest: 3, daysInLastSeven: 3, totalDays: 3 });
      expect(gentleStreak(['2027-01-08', '2027-01-09'], '2027-01-10').current).toBe(2);
      expect(gentleStreak(['2027-01-07', '2027-01-08'], '2027-01-10').current).toBe(0);
    });
    it('keeps the longest run and what was done in the last 7 days', () => {
      const s = gentleStreak(['2026-12-20', '2026-12-21', '2026-12-22', '2026-12-23', '2027-01-05', '2027-01-09', '2027-01-10', '2027-01-10'], '2027-01-10');
      expect(s).toEqual({ current: 2, longest: 4, daysInLastSeven: 3, totalDays: 7 });
    });
    it('is zero for nobody', () => {
      expect(gentleStreak([], '2027-01-10')).toEqual({ current: 0, longest: 0, daysInLastSeven: 0, totalDays: 0 });
    });
  });

  describe('checkInTrend', () => {
    const row = (localDate: string, anchored: number, location: CheckInFigures['location'] = 'WITH_MYSELF', state: CheckInFigures['state'] = 'SETTLED'): CheckInFigures => ({
      localDate,
      anchored,
      location,
      state,
    });
    it('gives days oldest first, weekly means and counts per program week up to today', () => {
      const trend = checkInTrend(
        [row('2027-01-12', 4, 'IN_THE_PAST', 'ACTIVATED'), row('2027-01-04', 6), row('2027-01-05', 7, 'WITH_OTHERS', 'APPEASING'), row('2027-01-06', 8)],
        '2027-01-04',
        '2027-01-20',
      );
      expect(trend.days.map((d) => [d.localDate, d.week])).toEqual([
        ['2027-01-04', 1],
        ['2027-01-05', 1],
        ['2027-01-06', 1],
        ['2027-01-12', 2],
      ]);
      expect(trend.weeks.map((w) => [w.week, w.startsOn, w.endsOn, w.checkIns, w.meanAnchored])).toEqual([
        [1, '2027-01-04', '2027-01-10', 3, 7],
        [2, '2027-01-11', '2027-01-17', 1, 4],
        [3, '2027-01-18', '2027-01-24', 0, null],
      ]);
      expect(trend.weeks[0].locations).toEqual([
        { location: 'WITH_MYSELF', count: 2 },
        { location: 'WITH_OTHERS', count: 1 },
        { location: 'IN_THE_PAST', count: 0 },
        { location: 'IN_THE_FUTURE', count: 0 },
      ]);
      expect(trend.weeks[1].states).toEqual([
        { state: 'SETTLED', count: 0 },
        { state: 'ACTIVATED', count: 1 },
        { state: 'SHUT_DOWN', count: 0 },
        { state: 'APPEASING', count: 0 },
      ]);
      expect(trend.streak.current).toBe(0);
    });
    it('rounds the mean to one decimal and shows week 1 before the program starts', () => {
      const trend = checkInTrend([row('2027-01-04', 7), row('2027-01-05', 7), row('2027-01-06', 8)], '2027-01-04', '2027-01-06');
      expect(trend.weeks).toHaveLength(1);
      expect(trend.weeks[0].meanAnchored).toBe(7.3);
      expect(checkInTrend([], '2027-02-01', '2027-01-06').weeks.map((w) => w.week)).toEqual([1]);
    });
    it('handles a 26-week program', () => {
      const rows = Array.from({ length: 182 }, (_, i) => row(new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10), i % 11));
      const trend = checkInTrend(rows, '2027-01-04', '2027-07-04');
      expect(trend.weeks).toHaveLength(26);
      expect(trend.weeks.every((w) => w.checkIns === 7)).toBe(true);
      expect(trend.streak.current).toBe(182);
    });
  });

  describe('cohortWeather (k >= 3)', () => {
    const r = (clientId: string, anchored: number, location: WeatherRow['location'] = 'WITH_MYSELF', state: WeatherRow['state'] = 'SETTLED'): WeatherRow => ({ clientId, anchored, location, state });
    it('shows nothing but the number while fewer than 3 distinct clients checked in', () => {
      expect(cohortWeather([])).toEqual({ clientsCheckedIn: 0, locations: null, states: null, averageAnchored: null });
      // Many check-ins from two people are still two people.
      expect(cohortWeather([r('a', 3), r('a', 4), r('b', 5), r('b', 6), r('b', 7)])).toEqual({ clientsCheckedIn: 2, locations: null, states: null, averageAnchored: null });
    });
    it('counts locations and states and averages anchored from 3 clients on', () => {
      const w = cohortWeather([r('a', 3, 'IN_THE_FUTURE', 'ACTIVATED'), r('b', 6), r('c', 8, 'WITH_OTHERS', 'APPEASING'), r('c', 4)]);
      expect(w.clientsCheckedIn).toBe(3);
      expect(w.averageAnchored).toBe(5.3);
      expect(w.locations).toEqual([
        { location: 'WITH_MYSELF', count: 2 },
        { location: 'WITH_OTHERS', count: 1 },
        { location: 'IN_THE_PAST', count: 0 },
        { location: 'IN_THE_FUTURE', count: 1 },
      ]);
      expect(w.states?.find((s) => s.state === 'SETTLED')?.count).toBe(2);
    });
    it('has a window of `days` local days ending today', () => {
      expect(weatherWindowStart('2027-01-10', 7)).toBe('2027-01-04');
      expect(weatherWindowStart('2027-03-01', 1)).toBe('2027-03-01');
    });
  });
});
