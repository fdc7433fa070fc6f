import { DateTime } from 'luxon';

/** The curriculum has 26 weekly steps; longer programs keep working on the last module. */
export const CURRICULUM_WEEKS = 26;

export type ProgramPosition =
  | { phase: 'before'; daysUntilStart: number }
  | { phase: 'during'; week: number; curriculumWeek: number }
  | { phase: 'after' };

/**
 * Where a cohort is in its program today. Weeks are counted in calendar days in the cohort's own
 * timezone (so a daylight-saving change never shifts them): days 0–6 are week 1, 7–13 week 2 …
 * `curriculumWeek` is the week to ask the curriculum for (1 to 26).
 */
export function programPosition(
  cohort: { startsOn: string; timezone: string; programWeeks: number },
  now: Date = new Date(),
): ProgramPosition {
  const start = DateTime.fromISO(cohort.startsOn, { zone: cohort.timezone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: cohort.timezone }).startOf('day');
  const days = Math.round(today.diff(start, 'days').days);
  if (days < 0) return { phase: 'before', daysUntilStart: -days };
  const week = Math.floor(days / 7) + 1;
  if (week > cohort.programWeeks) return { phase: 'after' };
  return { phase: 'during', week, curriculumWeek: Math.min(week, CURRICULUM_WEEKS) };
}

/** The program week an instant falls in (for charts), or null outside the program. */
export function programWeekAt(cohort: { startsOn: string; timezone: string; programWeeks: number }, iso: string): number | null {
  const position = programPosition(cohort, new Date(iso));
  return position.phase === 'during' ? position.week : null;
}

/** The same iCal feed as a `webcal://` address, which calendar apps open as a subscription. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}

interface SessionLike {
  startsAt: string;
  durationMinutes: number;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
}

/** The session happening now or next (cancelled ones skipped); null when none is planned. */
export function nextSession<T extends SessionLike>(sessions: readonly T[], now: Date = new Date()): T | null {
  const upcoming = sessions
    .filter((s) => s.status === 'SCHEDULED' && new Date(s.startsAt).getTime() + s.durationMinutes * 60_000 > now.getTime())
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return upcoming[0] ?? null;
}
