import { DateTime } from 'luxon';
import { weeklyMeetingPattern } from './meeting-pattern';

const NY = 'America/New_York';
const at = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toJSDate();

describe('weeklyMeetingPattern', () => {
  // A Tuesday/Thursday 19:00 New York series across the March 2027 daylight-saving change.
  const series = ['2027-03-02T19:00', '2027-03-04T19:00', '2027-03-09T19:00', '2027-03-11T19:00', '2027-03-16T19:00', '2027-03-18T19:00'].map((iso) => ({
    startsAt: at(iso),
    durationMinutes: 90,
  }));

  it('reads the weekly slots in the cohort zone, keeping a slot across a daylight-saving change', () => {
    const pattern = weeklyMeetingPattern(series, NY, at('2027-03-01T00:00'));
    expect(pattern.map(({ weekday, startTime, durationMinutes, count }) => ({ weekday, startTime, durationMinutes, count }))).toEqual([
      { weekday: 2, startTime: '19:00', durationMinutes: 90, count: 3 },
      { weekday: 4, startTime: '19:00', durationMinutes: 90, count: 3 },
    ]);
  });

  it('points each slot at its next meeting, or at its last once all are past', () => {
    const midway = weeklyMeetingPattern(series, NY, at('2027-03-10T12:00'));
    expect(midway.map((s) => s.nextStartsAt)).toEqual([at('2027-03-16T19:00'), at('2027-03-11T19:00')]);
    const after = weeklyMeetingPattern(series, NY, at('2027-04-01T00:00'));
    expect(after.map((s) => s.nextStartsAt)).toEqual([at('2027-03-16T19:00'), at('2027-03-18T19:00')]);
  });

  it('leaves a one-off session out when a series recurs, and keeps one-offs when nothing does', () => {
    const withOneOff = [...series, { startsAt: at('2027-03-06T10:00'), durationMinutes: 60 }];
    expect(weeklyMeetingPattern(withOneOff, NY, at('2027-03-01T00:00')).map((s) => s.weekday)).toEqual([2, 4]);
    const oneOff = weeklyMeetingPattern([{ startsAt: at('2027-03-06T10:00'), durationMinutes: 60 }], NY, at('2027-03-01T00:00'));
    expect(oneOff).toEqual([{ weekday: 6, startTime: '10:00', durationMinutes: 60, nextStartsAt: at('2027-03-06T10:00'), count: 1 }]);
  });

  it('reads weekday and time in the given zone, not the machine one', () => {
    // 01:30 UTC on a Wednesday is Tuesday evening in New York.
    const pattern = weeklyMeetingPattern([{ startsAt: new Date('2027-01-06T01:30:00Z'), durationMinutes: 60 }], NY, new Date('2027-01-01T00:00:00Z'));
    expect(pattern[0]).toMatchObject({ weekday: 2, startTime: '20:30' });
  });

  it('has nothing to say without sessions', () => {
    expect(weeklyMeetingPattern([], NY, new Date())).toEqual([]);
  });
});
