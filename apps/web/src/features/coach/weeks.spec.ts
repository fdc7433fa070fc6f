import { DateTime } from 'luxon';
import { describeMoment, programMoment, programWeekOf, weeksLabel } from './weeks';

describe('programWeekOf', () => {
  it('counts weeks from the first day in the cohort timezone', () => {
    // 9 Nov 2026 is the first day in New York; 00:30 UTC on 10 Nov is still 9 Nov there.
    expect(programWeekOf('2026-11-10T00:30:00Z', '2026-11-09', 'America/New_York', 26)).toBe(1);
    expect(programWeekOf('2026-11-16T05:00:00Z', '2026-11-09', 'America/New_York', 26)).toBe(2);
    expect(programWeekOf('2026-11-23T04:59:00Z', '2026-11-09', 'America/New_York', 26)).toBe(2);
  });

  it('is null before the start and after the last week', () => {
    expect(programWeekOf('2026-11-09T04:00:00Z', '2026-11-09', 'America/New_York', 26)).toBeNull();
    expect(programWeekOf('2026-11-30T12:00:00Z', '2026-11-09', 'America/New_York', 2)).toBeNull();
  });

  it('keeps whole days across a DST change', () => {
    // Europe/Berlin leaves summer time on 25 Oct 2026; the next Monday is still week 2.
    expect(programWeekOf('2026-10-26T08:00:00Z', '2026-10-19', 'Europe/Berlin', 26)).toBe(2);
  });
});

describe('programMoment', () => {
  const now = DateTime.fromISO('2026-12-01T19:00:00Z');
  it('says how far along a running program is', () => {
    expect(programMoment('2026-11-09', 'America/New_York', 26, now)).toEqual({ kind: 'during', week: 4 });
  });
  it('counts down to a start and notices the end', () => {
    expect(programMoment('2026-12-06', 'America/New_York', 26, now)).toEqual({ kind: 'before', daysToGo: 5 });
    expect(programMoment('2026-01-05', 'America/New_York', 26, now)).toEqual({ kind: 'after' });
  });
  it('puts it in words', () => {
    expect(describeMoment({ kind: 'during', week: 4 }, 26)).toBe('Week 4 of 26');
    expect(describeMoment({ kind: 'before', daysToGo: 1 }, 26)).toBe('Starts tomorrow');
    expect(describeMoment({ kind: 'before', daysToGo: 5 }, 26)).toBe('Starts in 5 days');
    expect(describeMoment({ kind: 'after' }, 26)).toBe('Program finished');
  });
});

describe('weeksLabel', () => {
  it('names one week or a span', () => {
    expect(weeksLabel([3])).toBe('Week 3');
    expect(weeksLabel([3, 4, 5])).toBe('Weeks 3–5');
    expect(weeksLabel([])).toBe('');
  });
});
