import { nextSession, webcalUrl } from './next-session';

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
