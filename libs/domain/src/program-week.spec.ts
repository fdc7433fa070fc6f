import { DateTime } from 'luxon';
import { programPosition, programWeekOf } from './program-week';

const cohort = { startsOn: '2025-03-03', timezone: 'America/New_York', programWeeks: 26 };

describe('programPosition', () => {
  it('counts the first seven days as week 1', () => {
    expect(programPosition(cohort, new Date('2025-03-03T05:00:00Z'))).toEqual({ phase: 'during', week: 1 });
    expect(programPosition(cohort, new Date('2025-03-10T03:59:00Z'))).toEqual({ phase: 'during', week: 1 });
    expect(programPosition(cohort, new Date('2025-03-10T05:00:00Z'))).toEqual({ phase: 'during', week: 2 });
  });

  it('reads the day in the cohort timezone, not UTC', () => {
    // 02:00 UTC on 3 March is still 2 March in New York: the day before the start.
    expect(programPosition(cohort, new Date('2025-03-03T02:00:00Z'))).toEqual({ phase: 'before', daysUntilStart: 1 });
  });

  it('is not shifted by a daylight-saving change (9 March 2025 in New York; 25 Oct 2026 in Berlin)', () => {
    expect(programPosition(cohort, new Date('2025-03-17T04:30:00Z'))).toEqual({ phase: 'during', week: 3 });
    expect(programPosition({ startsOn: '2026-10-19', timezone: 'Europe/Berlin', programWeeks: 26 }, new Date('2026-10-26T08:00:00Z'))).toEqual({ phase: 'during', week: 2 });
  });

  it('says how many days are left before the start, and is over after the last week', () => {
    expect(programPosition(cohort, new Date('2025-02-24T15:00:00Z'))).toEqual({ phase: 'before', daysUntilStart: 7 });
    expect(programPosition(cohort, new Date('2025-08-31T15:00:00Z'))).toEqual({ phase: 'during', week: 26 });
    expect(programPosition(cohort, new Date('2025-09-01T15:00:00Z'))).toEqual({ phase: 'after' });
    expect(programPosition({ ...cohort, programWeeks: 30 }, new Date('2025-09-08T15:00:00Z'))).toEqual({ phase: 'during', week: 28 });
  });
});

describe('programWeekOf', () => {
  it('counts local calendar weeks from the start date', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toJSDate();
    expect(programWeekOf(at('2026-03-01T23:59'), '2026-03-02', 'America/New_York', 26)).toBeNull();
    expect(programWeekOf(at('2026-03-02T00:00'), '2026-03-02', 'America/New_York', 26)).toBe(1);
    expect(programWeekOf(at('2026-03-08T23:59'), '2026-03-02', 'America/New_York', 26)).toBe(1);
    expect(programWeekOf(at('2026-03-09T00:00'), '2026-03-02', 'America/New_York', 26)).toBe(2);
    expect(programWeekOf(at('2026-08-30T12:00'), '2026-03-02', 'America/New_York', 26)).toBe(26);
    expect(programWeekOf(at('2026-08-31T00:00'), '2026-03-02', 'America/New_York', 26)).toBeNull();
  });
});
