import { DateTime } from 'luxon';

export interface ProgramCalendar {
  /** First day of the program, YYYY-MM-DD in the cohort's timezone. */
  startsOn: string;
  /** IANA timezone of the cohort. */
  timezone: string;
  programWeeks: number;
}

export type ProgramPosition =
  | { phase: 'before'; daysUntilStart: number }
  | { phase: 'during'; week: number }
  | { phase: 'after' };

/**
 * Where a cohort is in its program at an instant. Weeks are counted in calendar days in the
 * cohort's own timezone (a DST week has 167 or 169 hours but still 7 days): days 0–6 are week 1,
 * 7–13 week 2 …
 */
export function programPosition(cohort: ProgramCalendar, at: Date = new Date()): ProgramPosition {
  const start = DateTime.fromISO(cohort.startsOn, { zone: cohort.timezone }).startOf('day');
  const day = DateTime.fromJSDate(at, { zone: cohort.timezone }).startOf('day');
  const days = Math.round(day.diff(start, 'days').days);
  if (days < 0) return { phase: 'before', daysUntilStart: -days };
  const week = Math.floor(days / 7) + 1;
  return week <= cohort.programWeeks ? { phase: 'during', week } : { phase: 'after' };
}

/** 1-based program week of an instant for a cohort, or null outside the program. */
export function programWeekOf(at: Date, startsOn: string, timezone: string, programWeeks: number): number | null {
  const position = programPosition({ startsOn, timezone, programWeeks }, at);
  return position.phase === 'during' ? position.week : null;
}
