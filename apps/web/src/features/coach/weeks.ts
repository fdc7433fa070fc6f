import { DateTime } from 'luxon';

/**
 * The program week (1-based) an instant falls in, counted in calendar days from the cohort's first
 * day in the cohort's timezone (as the API does), or null before the start or after the last week.
 */
export function programWeekOf(iso: string, startsOn: string, timezone: string, programWeeks: number): number | null {
  const start = DateTime.fromISO(startsOn, { zone: timezone }).startOf('day');
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).startOf('day');
  const days = Math.round(local.diff(start, 'days').days);
  if (days < 0) return null;
  const week = Math.floor(days / 7) + 1;
  return week <= programWeeks ? week : null;
}

export type ProgramMoment = { kind: 'before'; daysToGo: number } | { kind: 'during'; week: number } | { kind: 'after' };

/** Where a cohort's program stands today: not started yet, in week n, or finished. */
export function programMoment(startsOn: string, timezone: string, programWeeks: number, now: DateTime = DateTime.now()): ProgramMoment {
  const start = DateTime.fromISO(startsOn, { zone: timezone }).startOf('day');
  const today = now.setZone(timezone).startOf('day');
  const days = Math.round(today.diff(start, 'days').days);
  if (days < 0) return { kind: 'before', daysToGo: -days };
  const week = Math.floor(days / 7) + 1;
  return week <= programWeeks ? { kind: 'during', week } : { kind: 'after' };
}

/** The moment as words for a card: "Week 4 of 26", "Starts in 5 days", "Program finished". */
export function describeMoment(moment: ProgramMoment, programWeeks: number): string {
  if (moment.kind === 'during') return `Week ${moment.week} of ${programWeeks}`;
  if (moment.kind === 'after') return 'Program finished';
  if (moment.daysToGo === 1) return 'Starts tomorrow';
  return `Starts in ${moment.daysToGo} days`;
}

/** "Week 3" or "Weeks 3–5". */
export function weeksLabel(weeks: readonly number[]): string {
  if (weeks.length === 0) return '';
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  return first === last ? `Week ${first}` : `Weeks ${first}–${last}`;
}
