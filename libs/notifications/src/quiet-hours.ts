import { minutesOfDay } from '@anchored/domain';
import { DateTime } from 'luxon';
import { localDateTime } from './time';

/**
 * A daily window, in the recipient's local wall-clock time, during which nothing is sent.
 * `start` is inclusive and `end` exclusive, both written HH:mm. A window may wrap midnight
 * (22:00 → 07:00). `start === end` means there are no quiet hours.
 */
export interface QuietHours {
  start: string;
  end: string;
}

function parseQuietTime(value: string, field: 'start' | 'end'): number {
  const minutes = minutesOfDay(value);
  if (minutes === null) throw new RangeError(`Quiet hours ${field} must be a time of day written HH:mm, got "${value}"`);
  return minutes;
}

function inWindow(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether `at` falls inside the quiet hours, read on the wall clock of `timezone`. */
export function isQuietAt(at: Date, timezone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = parseQuietTime(quiet.start, 'start');
  const end = parseQuietTime(quiet.end, 'end');
  const local = localDateTime(at, timezone);
  return inWindow(local.hour * 60 + local.minute, start, end);
}

/**
 * When a notification due at `at` may go out: `at` itself outside quiet hours, otherwise the
 * instant the quiet hours end (their local end time, later the same day or the next day).
 *
 * The end is built from the local date and time in `timezone`, so a 07:00 end stays 07:00 on a
 * DST day. Two rare corners are handled too: an end time that does not exist locally (skipped by a
 * spring-forward change) resolves to the first minute after the gap, and an end time that occurs
 * twice (autumn change) resolves to the occurrence that follows `at`.
 */
export function nextSendTime(at: Date, timezone: string, quiet: QuietHours | null): Date {
  if (!quiet || !isQuietAt(at, timezone, quiet)) return at;
  const start = parseQuietTime(quiet.start, 'start');
  const end = parseQuietTime(quiet.end, 'end');
  const local = localDateTime(at, timezone);
  const minute = local.hour * 60 + local.minute;
  // Wrapping window and we are in its evening part: it ends tomorrow morning.
  const endsTomorrow = start > end && minute >= start;
  const day = endsTomorrow ? local.plus({ days: 1 }) : local;
  const [hour, minuteOfHour] = [Math.floor(end / 60), end % 60];

  // The instants whose local time is the end time on that day: usually one, two when the clocks go
  // back through it, none when the clocks jump over it. Each offset in force around that day gives
  // one guess; a guess counts if it really reads as the end time locally.
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minuteOfHour);
  const offsets = new Set([-36, 0, 36].map((hours) => DateTime.fromMillis(wall + hours * 3_600_000, { zone: timezone }).offset));
  const occurrences = [...offsets]
    .map((offset) => DateTime.fromMillis(wall - offset * 60_000, { zone: timezone }))
    .filter((guess) => guess.day === day.day && guess.hour === hour && guess.minute === minuteOfHour)
    .filter((guess) => guess.toMillis() > at.getTime())
    .sort((a, b) => a.toMillis() - b.toMillis());
  if (occurrences.length > 0) return occurrences[0].toJSDate();

  // The end time was skipped by a spring change: luxon moves it past the gap. Step back to the first
  // minute after the gap, the earliest minute that is no longer quiet.
  const pastGap = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute: minuteOfHour }, { zone: timezone });
  let lo = 0; // pastGap itself is not quiet
  let hi = Math.ceil((pastGap.toMillis() - at.getTime()) / 60_000); // at is quiet
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const probe = pastGap.minus({ minutes: mid }).toJSDate();
    if (probe.getTime() > at.getTime() && !isQuietAt(probe, timezone, quiet)) lo = mid;
    else hi = mid;
  }
  return pastGap.minus({ minutes: lo }).toJSDate();
}
