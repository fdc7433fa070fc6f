import { attendanceRates, averageAttendance, heldSessions, programPosition, programWeekOf } from '@anchored/domain';
import type { AttendanceStatus, SessionStatus } from '../../gql/graphql';

export interface ChartInput {
  startsOn: string;
  timezone: string;
  programWeeks: number;
  /** The clients of the progress dashboard: every rate is out of them. */
  clientIds: readonly string[];
  sessions: readonly { id: string; startsAt: string; status: SessionStatus; attendance: readonly { status: AttendanceStatus; client: { id: string } }[] }[];
  assignments: readonly { dueAt: string; submissions: readonly { id: string }[] }[];
  now?: Date;
}

export interface WeekPoint {
  week: number;
  label: string;
  /** The week's attendance in percent (see cohortAttendance); null when no session was held that week. */
  attendance: number | null;
  /** Percent of possible submissions received for homework due that week; null when none was due. */
  submissions: number | null;
  sessionsHeld: number;
  assignmentsDue: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.min(100, Math.round((part / whole) * 100)));
const toPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

function held(input: ChartInput, now: Date) {
  return heldSessions(
    input.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt) })),
    now,
  );
}

/** Attendance over the given held sessions, defined once in libs/domain: the mean of the clients' rates, excused sessions left out. */
function attendanceOver(input: ChartInput, sessions: ReturnType<typeof held>): number | null {
  const marks = sessions.flatMap((s) => s.attendance.map((a) => ({ sessionId: s.id, clientId: a.client.id, status: a.status })));
  return averageAttendance(attendanceRates(input.clientIds, sessions.map((s) => s.id), marks).values());
}

/** The cohort's attendance so far, in percent: the same figure as the progress dashboard's average. */
export function cohortAttendance(input: ChartInput): number | null {
  return toPercent(attendanceOver(input, held(input, input.now ?? new Date())));
}

/**
 * Attendance and homework rates by program week, from week 1 to the current week (or the last week
 * that has a held session or a due assignment).
 */
export function weeklyRates(input: ChartInput): WeekPoint[] {
  const now = input.now ?? new Date();
  const weekOf = (at: Date) => programWeekOf(at, input.startsOn, input.timezone, input.programWeeks);
  const sessions = held(input, now);
  const due = input.assignments.filter((a) => new Date(a.dueAt).getTime() <= now.getTime());

  const position = programPosition(input, now);
  const current = position.phase === 'during' ? position.week : position.phase === 'after' ? input.programWeeks : 0;
  const lastWithData = Math.max(0, ...sessions.map((s) => weekOf(s.startsAt) ?? 0), ...due.map((a) => weekOf(new Date(a.dueAt)) ?? 0));
  const last = Math.min(input.programWeeks, Math.max(current, lastWithData));

  const points: WeekPoint[] = [];
  for (let week = 1; week <= last; week++) {
    const inWeek = sessions.filter((s) => weekOf(s.startsAt) === week);
    const assignments = due.filter((a) => weekOf(new Date(a.dueAt)) === week);
    const received = assignments.reduce((n, a) => n + a.submissions.length, 0);
    points.push({
      week,
      label: `Week ${week}`,
      attendance: toPercent(attendanceOver(input, inWeek)),
      submissions: percent(received, assignments.length * input.clientIds.length),
      sessionsHeld: inWeek.length,
      assignmentsDue: assignments.length,
    });
  }
  return points;
}

/**
 * One sentence summarising a series, for people who cannot see the chart. `average` is the
 * overall figure when it is defined elsewhere (attendance: cohortAttendance); else the weeks' mean.
 */
export function describeSeries(points: readonly WeekPoint[], key: 'attendance' | 'submissions', noun: string, average?: number | null): string {
  const withData = points.filter((p) => p[key] !== null);
  if (withData.length === 0) return `No ${noun} figures yet.`;
  const values = withData.map((p) => p[key] as number);
  const overall = average ?? Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  const latest = withData[withData.length - 1];
  return `${capitalize(noun)} averaged ${overall}% over ${withData.length} week${withData.length === 1 ? '' : 's'}; ${latest.label.toLowerCase()} was ${latest[key]}%.`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
