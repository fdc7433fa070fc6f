export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}

/** A status as its enum or its plain value, the way SQL rows and GraphQL clients carry it. */
export type SessionStatusValue = SessionStatus | `${SessionStatus}`;
export type AttendanceStatusValue = AttendanceStatus | `${AttendanceStatus}`;

export enum SubmissionStatus {
  SUBMITTED = 'SUBMITTED',
  REVIEWED = 'REVIEWED',
}

/** A scheduled session whose end has passed counts as held (COMPLETED); the row keeps SCHEDULED. */
export function effectiveSessionStatus(stored: SessionStatus, startsAt: Date, durationMinutes: number, now = new Date()): SessionStatus {
  if (stored !== SessionStatus.SCHEDULED) return stored;
  return startsAt.getTime() + durationMinutes * 60_000 <= now.getTime() ? SessionStatus.COMPLETED : SessionStatus.SCHEDULED;
}

/** A session was held, and counts for attendance, once it has started (at `now` included) unless cancelled. */
export function isHeld(status: SessionStatusValue, startsAt: Date, now: Date): boolean {
  return status !== SessionStatus.CANCELLED && startsAt.getTime() <= now.getTime();
}
