import type { AttendanceStatus, SessionStatus } from '../../gql/graphql';

export interface ProgressRow {
  clientId: string;
  submitted: number;
  missing: number;
  late: number;
  reviewed: number;
  /** PRESENT / sessions held, null before any was held. */
  attendanceRate: number | null;
}

export interface SessionForProgress {
  id: string;
  startsAt: string;
  status: SessionStatus;
  attendance: { status: AttendanceStatus; client: { id: string } }[];
}

/** Thresholds of the reach-out rule, in one place so the screen can explain them. */
export const REACH_OUT = { missingAtLeast: 2, attendanceBelow: 0.6, missedInARow: 2 } as const;

/** Sessions that took place (not cancelled, already started), most recent first. */
export function heldSessions<S extends { startsAt: string; status: SessionStatus }>(sessions: readonly S[], now: Date = new Date()): S[] {
  return sessions
    .filter((s) => s.status !== 'CANCELLED' && new Date(s.startsAt).getTime() <= now.getTime())
    .sort((a, b) => new Date(b.startsAt).getTime() - new Date(a.startsAt).getTime());
}

/** True when the client was marked ABSENT at each of the last `count` sessions held. */
export function missedLastSessions(clientId: string, sessions: readonly SessionForProgress[], now: Date = new Date(), count: number = REACH_OUT.missedInARow): boolean {
  const recent = heldSessions(sessions, now).slice(0, count);
  if (recent.length < count) return false;
  return recent.every((s) => s.attendance.find((a) => a.client.id === clientId)?.status === 'ABSENT');
}

/**
 * Why a coach might want to check in with a client; empty when all looks fine. Each reason is a
 * short phrase for a badge: "2 missing assignments", "Attendance 50%", "Missed the last 2 sessions".
 */
export function reachOutReasons(row: ProgressRow, sessions: readonly SessionForProgress[], now: Date = new Date()): string[] {
  const reasons: string[] = [];
  if (row.missing >= REACH_OUT.missingAtLeast) reasons.push(`${row.missing} missing assignments`);
  if (row.attendanceRate !== null && row.attendanceRate < REACH_OUT.attendanceBelow) reasons.push(`Attendance ${formatPercent(row.attendanceRate)}`);
  if (missedLastSessions(row.clientId, sessions, now)) reasons.push(`Missed the last ${REACH_OUT.missedInARow} sessions`);
  return reasons;
}

/** 0.666… → "67%"; null → "No sessions yet". */
export function formatPercent(rate: number | null): string {
  if (rate === null) return 'No sessions yet';
  return `${Math.round(rate * 100)}%`;
}

export interface ProgressSummary {
  clients: number;
  averageAttendance: number | null;
  missing: number;
  awaitingReview: number;
  toReachOut: number;
}

/** The figures above the table: averages over clients who have a rate, totals otherwise. */
export function summarizeProgress(rows: readonly ProgressRow[], reasons: readonly string[][]): ProgressSummary {
  const rates = rows.map((r) => r.attendanceRate).filter((r): r is number => r !== null);
  return {
    clients: rows.length,
    averageAttendance: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
    missing: rows.reduce((a, r) => a + r.missing, 0),
    awaitingReview: rows.reduce((a, r) => a + (r.submitted - r.reviewed), 0),
    toReachOut: reasons.filter((r) => r.length > 0).length,
  };
}
