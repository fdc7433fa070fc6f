import { nextSession, programPosition, programWeekAt, webcalUrl } from './program-week';

const cohort = { startsOn: '2025-03-03', timezone: 'America/New_York', programWeeks: 26 };

describe('programPosition', () => {
  it('counts the first seven days as week 1', () => {
    expect(programPosition(cohort, new Date('2025-03-03T05:00:00Z'))).toEqual({ phase: 'during', week: 1, curriculumWeek: 1 });
    expect(programPosition(cohort, new Date('2025-03-10T03:59:00Z'))).toEqual({ phase: 'during', week: 1, curriculumWeek: 1 });
    expect(programPosition(cohort, new Date('2025-03-10T05:00:00Z'))).toEqual({ phase: 'during', week: 2, curriculumWeek: 2 });
  });

  it('reads today in the cohort timezone, not UTC', () => {
    // 02:00 UTC on 3 March is still 2 March in New York: the day before the start.
    expect(programPosition(cohort, new Date('2025-03-03T02:00:00Z'))).toEqual({ phase: 'before', daysUntilStart: 1 });
  });

  it('is not shifted by a daylight-saving change (9 March 2025 in New York)', () => {
    expect(programPosition(cohort, new Date('2025-03-17T04:30:00Z'))).toEqual({ phase: 'during', week: 3, curriculumWeek: 3 });
  });

  it('says how many days are left before the start', () => {
    expect(programPosition(cohort, new Date('2025-02-24T15:00:00Z'))).toEqual({ phase: 'before', daysUntilStart: 7 });
  });

  it('is over after the last program week', () => {
    expect(programPosition(cohort, new Date('2025-08-31T15:00:00Z'))).toEqual({ phase: 'during', week: 26, curriculumWeek: 26 });
    expect(programPosition(cohort, new Date('2025-09-01T15:00:00Z'))).toEqual({ phase: 'after' });
  });

  it('keeps teaching the last module in programs longer than the curriculum', () => {
    const long = { ...cohort, programWeeks: 30 };
    expect(programPosition(long, new Date('2025-09-08T15:00:00Z'))).toEqual({ phase: 'during', week: 28, curriculumWeek: 26 });
  });
});

describe('programWeekAt', () => {
  it('gives the week of an instant, or null outside the program', () => {
    expect(programWeekAt(cohort, '2025-03-20T12:00:00Z')).toBe(3);
    expect(programWeekAt(cohort, '2025-01-01T12:00:00Z')).toBeNull();
  });
});

describe('webcalUrl', () => {
  it('swaps the scheme and keeps the rest', () => {
    expect(webcalUrl('https://anchored.example/calendar/abc.ics')).toBe('webcal://anchored.example/calendar/abc.ics');
    expect(webcalUrl('http://localhost:3100/calendar/x.ics')).toBe('webcal://localhost:3100/calendar/x.ics');
  });
});

describe('nextSession', () => {
  const now = new Date('2025-03-11T23:30:00Z');
  const s = (id: string, startsAt: string, status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' = 'SCHEDULED') => ({ id, startsAt, durationMinutes: 90, status });

  it('picks the soonest scheduled session that has not ended, including one under way', () => {
    const sessions = [s('later', '2025-03-18T23:00:00Z'), s('now', '2025-03-11T23:00:00Z'), s('past', '2025-03-04T23:00:00Z')];
    expect(nextSession(sessions, now)?.id).toBe('now');
  });

  it('skips cancelled sessions and ended ones', () => {
    const sessions = [s('cancelled', '2025-03-12T23:00:00Z', 'CANCELLED'), s('ended', '2025-03-11T21:00:00Z'), s('next', '2025-03-18T23:00:00Z')];
    expect(nextSession(sessions, now)?.id).toBe('next');
    expect(nextSession([s('cancelled', '2025-03-12T23:00:00Z', 'CANCELLED')], now)).toBeNull();
  });
});
