import { describePosition, programPosition, programWeekAt } from './program-week';

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
    expect(programPosition({ startsOn: '2026-12-06', timezone: 'America/New_York', programWeeks: 26 }, new Date('2026-12-01T19:00:00Z'))).toEqual({
      phase: 'before',
      daysUntilStart: 5,
    });
  });

  it('is over after the last program week', () => {
    expect(programPosition(cohort, new Date('2025-08-31T15:00:00Z'))).toEqual({ phase: 'during', week: 26, curriculumWeek: 26 });
    expect(programPosition(cohort, new Date('2025-09-01T15:00:00Z'))).toEqual({ phase: 'after' });
    expect(programPosition({ startsOn: '2026-01-05', timezone: 'America/New_York', programWeeks: 26 }, new Date('2026-12-01T19:00:00Z'))).toEqual({ phase: 'after' });
  });

  it('keeps teaching the last module in programs longer than the curriculum', () => {
    const long = { ...cohort, programWeeks: 30 };
    expect(programPosition(long, new Date('2025-09-08T15:00:00Z'))).toEqual({ phase: 'during', week: 28, curriculumWeek: 26 });
  });
});

describe('programWeekAt', () => {
  const autumn = { startsOn: '2026-11-09', timezone: 'America/New_York', programWeeks: 26 };

  it('gives the week of an instant, or null outside the program', () => {
    expect(programWeekAt(cohort, '2025-03-20T12:00:00Z')).toBe(3);
    expect(programWeekAt(cohort, '2025-01-01T12:00:00Z')).toBeNull();
  });

  it('counts weeks from the first day in the cohort timezone', () => {
    // 9 Nov 2026 is the first day in New York; 00:30 UTC on 10 Nov is still 9 Nov there.
    expect(programWeekAt(autumn, '2026-11-10T00:30:00Z')).toBe(1);
    expect(programWeekAt(autumn, '2026-11-16T05:00:00Z')).toBe(2);
    expect(programWeekAt(autumn, '2026-11-23T04:59:00Z')).toBe(2);
  });

  it('is null before the start and after the last week', () => {
    expect(programWeekAt(autumn, '2026-11-09T04:00:00Z')).toBeNull();
    expect(programWeekAt({ ...autumn, programWeeks: 2 }, '2026-11-30T12:00:00Z')).toBeNull();
  });

  it('keeps whole days across a DST change', () => {
    // Europe/Berlin leaves summer time on 25 Oct 2026; the next Monday is still week 2.
    expect(programWeekAt({ startsOn: '2026-10-19', timezone: 'Europe/Berlin', programWeeks: 26 }, '2026-10-26T08:00:00Z')).toBe(2);
  });
});

describe('describePosition', () => {
  it('says how far along a running program is', () => {
    expect(programPosition({ startsOn: '2026-11-09', timezone: 'America/New_York', programWeeks: 26 }, new Date('2026-12-01T19:00:00Z'))).toEqual({
      phase: 'during',
      week: 4,
      curriculumWeek: 4,
    });
  });

  it('puts it in words', () => {
    expect(describePosition({ phase: 'during', week: 4, curriculumWeek: 4 }, 26)).toBe('Week 4 of 26');
    expect(describePosition({ phase: 'before', daysUntilStart: 1 }, 26)).toBe('Starts tomorrow');
    expect(describePosition({ phase: 'before', daysUntilStart: 5 }, 26)).toBe('Starts in 5 days');
    expect(describePosition({ phase: 'after' }, 26)).toBe('Program finished');
  });
});
