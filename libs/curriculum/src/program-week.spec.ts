import { curriculumWeekOf, programWeekAt } from './program-week';

describe('programWeekAt', () => {
  // A New York cohort starting Monday 2 March 2026; clocks spring forward on Sunday 8 March.
  const cohort = { startsOn: '2026-03-02', timezone: 'America/New_York' };

  it('is null before the first local day', () => {
    // 23:30 on 1 March in New York is already 2 March in UTC.
    expect(programWeekAt(cohort, new Date('2026-03-02T04:30:00Z'))).toBeNull();
  });

  it('counts weeks in the cohort\'s local calendar, across a daylight-saving change', () => {
    expect(programWeekAt(cohort, new Date('2026-03-02T05:00:00Z'))?.week).toBe(1);
    // Sunday 8 March 23:30 EDT is still week 1; Monday 9 March 00:30 EDT is week 2.
    expect(programWeekAt(cohort, new Date('2026-03-09T03:30:00Z'))?.week).toBe(1);
    expect(programWeekAt(cohort, new Date('2026-03-09T04:30:00Z'))?.week).toBe(2);
  });

  it('gives the module taught that week', () => {
    const weekFive = programWeekAt(cohort, new Date('2026-04-01T15:00:00Z'));
    expect(weekFive).toMatchObject({ week: 5, module: { key: 'where-am-i-located' } });
  });

  it('keeps the last module for longer programs and is null after the program', () => {
    const long = { ...cohort, programWeeks: 30 };
    expect(programWeekAt(long, new Date('2026-09-21T15:00:00Z'))).toMatchObject({ week: 30, module: { key: 'integration-and-graduation' } });
    expect(programWeekAt(cohort, new Date('2026-09-21T15:00:00Z'))).toBeNull();
  });
});

describe('curriculumWeekOf', () => {
  it('follows the program week up to the curriculum\'s last week', () => {
    expect(curriculumWeekOf(1)).toBe(1);
    expect(curriculumWeekOf(26)).toBe(26);
    expect(curriculumWeekOf(28)).toBe(26);
  });
});
