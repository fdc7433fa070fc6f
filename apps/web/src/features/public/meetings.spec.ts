import { meetingLines } from './meetings';

describe('meetingLines', () => {
  // Tuesday and Thursday 19:00 in New York (EST, UTC-5), 90 minutes.
  const tueThu = [
    { nextStartsAt: '2027-01-06T00:00:00Z', durationMinutes: 90 },
    { nextStartsAt: '2027-01-08T00:00:00Z', durationMinutes: 90 },
  ];

  it('joins the days that share a time, in the viewer’s zone', () => {
    expect(meetingLines(tueThu, 'America/New_York')).toEqual(['Tuesdays and Thursdays, 19:00–20:30']);
  });

  it('moves a meeting to the day it falls on for the viewer', () => {
    expect(meetingLines(tueThu, 'Europe/Berlin')).toEqual(['Wednesdays and Fridays, 01:00–02:30']);
    expect(meetingLines(tueThu, 'Pacific/Auckland')).toEqual(['Wednesdays and Fridays, 13:00–14:30']);
  });

  it('keeps different times apart, Monday first', () => {
    const lines = meetingLines(
      [
        { nextStartsAt: '2027-01-09T15:00:00Z', durationMinutes: 60 },
        { nextStartsAt: '2027-01-04T18:00:00Z', durationMinutes: 60 },
        { nextStartsAt: '2027-01-06T18:00:00Z', durationMinutes: 60 },
      ],
      'UTC',
    );
    expect(lines).toEqual(['Mondays and Wednesdays, 18:00–19:00', 'Saturdays, 15:00–16:00']);
  });

  it('says nothing without meetings', () => {
    expect(meetingLines([], 'UTC')).toEqual([]);
  });
});
