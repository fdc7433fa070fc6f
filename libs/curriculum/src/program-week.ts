import { programWeekOf } from '@anchored/domain';
import { PROGRAM_WEEKS, moduleForWeek } from './program';
import type { CurriculumModule } from './types';

export interface CohortCalendar {
  /** First day of the program, YYYY-MM-DD in the cohort's timezone. */
  startsOn: string;
  /** IANA timezone of the cohort. */
  timezone: string;
  /** Length of the cohort's program; 26 by default. */
  programWeeks?: number;
}

/**
 * Where a cohort is in the program at an instant: its program week (counted in calendar days in
 * the cohort's own timezone, so daylight-saving changes never shift it) and the module taught.
 * Programs longer than the curriculum keep teaching its last module. Null before the first day
 * and after the last week.
 */
export function programWeekAt(cohort: CohortCalendar, at: Date = new Date()): { week: number; module: CurriculumModule } | null {
  const week = programWeekOf(at, cohort.startsOn, cohort.timezone, cohort.programWeeks ?? PROGRAM_WEEKS);
  if (week === null) return null;
  return { week, module: moduleForWeek(curriculumWeekOf(week)) };
}

/** The curriculum week taught in a program week: programs longer than the curriculum stay on its last week. */
export function curriculumWeekOf(programWeek: number): number {
  return Math.min(programWeek, PROGRAM_WEEKS);
}
