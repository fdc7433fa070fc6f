import { DateTime } from 'luxon';

export interface ScheduledMeeting {
  startsAt: Date;
  durationMinutes: number;
}

/** One recurring weekly slot of a cohort, in the cohort's own zone. */
export interface WeeklyMeeting {
  /** ISO weekday in the cohort's zone: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:mm in the cohort's zone. */
  startTime: string;
  durationMinutes: number;
  /**
   * The next meeting in this slot (or the last one, once all are past): a real instant, so a
   * visitor's screen can show the day and time in the visitor's own zone, daylight saving included.
   */
  nextStartsAt: Date;
  /** How many scheduled meetings fall in this slot. */
  count: number;
}

/**
 * The weekly rhythm a visitor cares about ("Tuesdays and Thursdays at 19:00"), read from the
 * scheduled sessions: grouped by weekday, local start time and length in the cohort's zone, so a
 * series keeps its slot across daylight-saving changes. One-off sessions count as a slot only when
 * nothing recurs. Ordered Monday first, then by time.
 */
export function weeklyMeetingPattern(sessions: readonly ScheduledMeeting[], timezone: string, now: Date): WeeklyMeeting[] {
  const slots = new Map<string, WeeklyMeeting>();
  const nowMs = now.getTime();
  for (const session of sessions) {
    const local = DateTime.fromJSDate(session.startsAt, { zone: timezone });
    const startTime = local.toFormat('HH:mm');
    const key = `${local.weekday}|${startTime}|${session.durationMinutes}`;
    const slot = slots.get(key);
    if (!slot) {
      slots.set(key, { weekday: local.weekday, startTime, durationMinutes: session.durationMinutes, nextStartsAt: session.startsAt, count: 1 });
      continue;
    }
    slot.count += 1;
    slot.nextStartsAt = closerToNext(slot.nextStartsAt, session.startsAt, nowMs);
  }
  const all = [...slots.values()];
  const recurring = all.filter((s) => s.count > 1);
  return (recurring.length > 0 ? recurring : all).sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
}

/** The earliest meeting still to come; when both are past, the later one. */
function closerToNext(a: Date, b: Date, nowMs: number): Date {
  const aFuture = a.getTime() >= nowMs;
  const bFuture = b.getTime() >= nowMs;
  if (aFuture && bFuture) return a <= b ? a : b;
  if (aFuture !== bFuture) return aFuture ? a : b;
  return a >= b ? a : b;
}
