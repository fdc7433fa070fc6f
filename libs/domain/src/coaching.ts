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

export enum SubmissionStatus {
  SUBMITTED = 'SUBMITTED',
  REVIEWED = 'REVIEWED',
}

/** A scheduled session whose end has passed counts as held (COMPLETED); the row keeps SCHEDULED. */
export function effectiveSessionStatus(stored: SessionStatus, startsAt: Date, durationMinutes: number, now = new Date()): SessionStatus {
  if (stored !== SessionStatus.SCHEDULED) return stored;
  return startsAt.getTime() + durationMinutes * 60_000 <= now.getTime() ? SessionStatus.COMPLETED : SessionStatus.SCHEDULED;
}

/** Sessions that count for attendance: not cancelled and already started. */
export function isHeld(status: SessionStatus, startsAt: Date, now = new Date()): boolean {
  return status !== SessionStatus.CANCELLED && startsAt.getTime() <= now.getTime();
}
