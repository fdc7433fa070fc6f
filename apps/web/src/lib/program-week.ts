import { programWeekOf, type ProgramCalendar, type ProgramPosition } from '@anchored/domain';

/** The program week (libs/domain) an ISO instant falls in, for charts; null outside the program. */
export function programWeekAt(cohort: ProgramCalendar, iso: string): number | null {
  return programWeekOf(new Date(iso), cohort.startsOn, cohort.timezone, cohort.programWeeks);
}

/** The position as words for a card: "Week 4 of 26", "Starts in 5 days", "Program finished". */
export function describePosition(position: ProgramPosition, programWeeks: number): string {
  if (position.phase === 'during') return `Week ${position.week} of ${programWeeks}`;
  if (position.phase === 'after') return 'Program finished';
  if (position.daysUntilStart === 1) return 'Starts tomorrow';
  return `Starts in ${position.daysUntilStart} days`;
}
