import { DateTime } from 'luxon';

/** The curriculum has 26 weekly steps; longer programs keep working on the last module. */
export const CURRICULUM_WEEKS = 26;

export interface CohortCalendar {
  startsOn: string;
  timezone: string;
  programWeeks: number;
}

export type ProgramPosition =
  | { phase: 'before'; daysUntilStart: number }
  | { phase: 'during'; week: number; curriculumWeek: number }
  | { phase: 'after' };

/**
 * Where a cohort is in its program at an instant (now by default). Weeks are counted in calendar
 * days in the cohort's own timezone, as the API does, so a daylight-saving change never shifts
 * them: days 0–6 are week 1, 7–13 week 2 … `curriculumWeek` is the week to ask the curriculum for.
 */
export function programPosition(cohort: CohortCalendar, now: Date = new Date()): ProgramPosition {
  const start = DateTime.fromISO(cohort.startsOn, { zone: cohort.timezone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: cohort.timezone }).startOf('day');
  const days = Math.round(today.diff(start, 'days').days);
  if (days < 0) return { phase: 'before', daysUntilStart: -days };
  const week = Math.floor(days / 7) + 1;
  if (week > cohort.programWeeks) return { phase: 'after' };
  return { phase: 'during', week, curriculumWeek: Math.min(week, CURRICULUM_WEEKS) };
}

/** The program week an instant falls in (for charts), or null outside the program. */
export function programWeekAt(cohort: CohortCalendar, iso: string): number | null {
  const position = programPosition(cohort, new Date(iso));
  return position.phase === 'during' ? position.week : null;
}

/** The position as words for a card: "Week 4 of 26", "Starts in 5 days", "Program finished". */
export function describePosition(position: ProgramPosition, programWeeks: number): string {
  if (position.phase === 'during') return `Week ${position.week} of ${programWeeks}`;
  if (position.phase === 'after') return 'Program finished';
  if (position.daysUntilStart === 1) return 'Starts tomorrow';
  return `Starts in ${position.daysUntilStart} days`;
}
