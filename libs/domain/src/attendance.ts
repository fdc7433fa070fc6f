import { AttendanceStatus, AttendanceStatusValue, SessionStatusValue, isHeld } from './coaching';

export interface AttendanceMark {
  sessionId: string;
  clientId: string;
  status: AttendanceStatusValue;
}

export interface SessionTime {
  id: string;
  startsAt: Date;
  status: SessionStatusValue;
}

/** The sessions held by `now` (see isHeld), most recent first. */
export function heldSessions<S extends SessionTime>(sessions: readonly S[], now: Date): S[] {
  return sessions
    .filter((s) => isHeld(s.status, s.startsAt, now))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Each client's attendance rate over the given held sessions: PRESENT marks out of the sessions
 * that count for them. A session the client was EXCUSED from is left out of their count; one
 * with no mark counts as not attended. Null while no session counts.
 */
export function attendanceRates(clientIds: readonly string[], heldSessionIds: readonly string[], marks: readonly AttendanceMark[]): Map<string, number | null> {
  const held = new Set(heldSessionIds);
  const present = new Map<string, number>();
  const excused = new Map<string, number>();
  const seen = new Set<string>();
  for (const mark of marks) {
    const key = `${mark.sessionId}:${mark.clientId}`;
    if (!held.has(mark.sessionId) || seen.has(key)) continue;
    seen.add(key);
    const tally = mark.status === AttendanceStatus.PRESENT ? present : mark.status === AttendanceStatus.EXCUSED ? excused : null;
    tally?.set(mark.clientId, (tally.get(mark.clientId) ?? 0) + 1);
  }
  return new Map(
    clientIds.map((clientId) => {
      const counted = held.size - (excused.get(clientId) ?? 0);
      return [clientId, counted === 0 ? null : (present.get(clientId) ?? 0) / counted];
    }),
  );
}

/**
 * A group's attendance: the mean of its clients' rates, each client weighing the same, over the
 * clients who have a rate. The dashboard's average and the charts both use it, unrounded.
 */
export function averageAttendance(rates: Iterable<number | null>): number | null {
  const known = [...rates].filter((rate): rate is number => rate !== null);
  return known.length === 0 ? null : known.reduce((sum, rate) => sum + rate, 0) / known.length;
}

/** Whether the client was marked ABSENT at each of the last `count` held sessions (EXCUSED is not missed). */
export function missedLastSessions(clientId: string, heldNewestFirst: readonly SessionTime[], marks: readonly AttendanceMark[], count: number): boolean {
  const recent = heldNewestFirst.slice(0, count);
  if (recent.length < count) return false;
  return recent.every((session) => marks.some((m) => m.sessionId === session.id && m.clientId === clientId && m.status === AttendanceStatus.ABSENT));
}
