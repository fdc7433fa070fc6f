import { describePosition, programWeekAt } from './program-week';

// The calculation itself is libs/domain's programPosition, tested there.
describe('programWeekAt', () => {
  const autumn = { startsOn: '2026-11-09', timezone: 'America/New_York', programWeeks: 26 };

  it('gives the week of an ISO instant in the cohort timezone, or null outside the program', () => {
    // 9 Nov 2026 is the first day in New York; 00:30 UTC on 10 Nov is still 9 Nov there.
    expect(programWeekAt(autumn, '2026-11-10T00:30:00Z')).toBe(1);
    expect(programWeekAt(autumn, '2026-11-23T04:59:00Z')).toBe(2);
    expect(programWeekAt(autumn, '2026-11-09T04:00:00Z')).toBeNull();
    expect(programWeekAt({ ...autumn, programWeeks: 2 }, '2026-11-30T12:00:00Z')).toBeNull();
  });
});

describe('describePosition', () => {
  it('puts it in words', () => {
    expect(describePosition({ phase: 'during', week: 4 }, 26)).toBe('Week 4 of 26');
    expect(describePosition({ phase: 'before', daysUntilStart: 1 }, 26)).toBe('Starts tomorrow');
    expect(describePosition({ phase: 'before', daysUntilStart: 5 }, 26)).toBe('Starts in 5 days');
    expect(describePosition({ phase: 'after' }, 26)).toBe('Program finished');
  });
});
