import type { AttendanceStatus, SessionStatus } from '../../gql/graphql';
import { programPosition, programWeekAt } from '../../lib/program-week';

export interface ChartInput {
  startsOn: string;
  timezone: string;
  programWeeks: number;
  enrolledCount: number;
  sessions: readonly { startsAt: string; status: SessionStatus; attendance: readonly { status: AttendanceStatus }[] }[];
  assignments: readonly { dueAt: string; submissions: readonly { id: string }[] }[];
  now?: Date;
}

export interface WeekPoint {
  week: number;
  label: string;
  /** Percent of possible attendances that were PRESENT; null when no session was held that week. */
  attendance: number | null;
  /** Percent of possible submissions received for homework due that week; null when none was due. */
  submissions: number | null;
  sessionsHeld: number;
  assignmentsDue: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.min(100, Math.round((part / whole) * 100)));

/**
 * Attendance and homework rates by program week, from week 1 to the current week (or the last week
 * that has a held session or a due assignment). Both rates are out of the currently enrolled clients.
 */
export function weeklyRates(input: ChartInput): WeekPoint[] {
  const now = input.now ?? new Date();
  const weekOf = (iso: string) => programWeekAt(input, iso);
  const held = input.sessions.filter((s) => s.status !== 'CANCELLED' && new Date(s.startsAt).getTime() <= now.getTime());
  const due = input.assignments.filter((a) => new Date(a.dueAt).getTime() <= now.getTime());

  const position = programPosition(input, now);
  const current = position.phase === 'during' ? position.week : position.phase === 'after' ? input.programWeeks : 0;
  const lastWithData = Math.max(0, ...held.map((s) => weekOf(s.startsAt) ?? 0), ...due.map((a) => weekOf(a.dueAt) ?? 0));
  const last = Math.min(input.programWeeks, Math.max(current, lastWithData));

  const points: WeekPoint[] = [];
  for (let week = 1; week <= last; week++) {
    const sessions = held.filter((s) => weekOf(s.startsAt) === week);
    const assignments = due.filter((a) => weekOf(a.dueAt) === week);
    const present = sessions.reduce((n, s) => n + s.attendance.filter((a) => a.status === 'PRESENT').length, 0);
    const received = assignments.reduce((n, a) => n + a.submissions.length, 0);
    points.push({
      week,
      label: `Week ${week}`,
      attendance: percent(present, sessions.length * input.enrolledCount),
      submissions: percent(received, assignments.length * input.enrolledCount),
      sessionsHeld: sessions.length,
      assignmentsDue: assignments.length,
    });
  }
  return points;
}

/** One sentence summarising a series, for people who cannot see the chart. */
export function describeSeries(points: readonly WeekPoint[], key: 'attendance' | 'submissions', noun: string): string {
  const withData = points.filter((p) => p[key] !== null);
  if (withData.length === 0) return `No ${noun} figures yet.`;
  const values = withData.map((p) => p[key] as number);
  const average = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  const latest = withData[withData.length - 1];
  return `${capitalize(noun)} averaged ${average}% over ${withData.length} week${withData.length === 1 ? '' : 's'}; ${latest.label.toLowerCase()} was ${latest[key]}%.`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
