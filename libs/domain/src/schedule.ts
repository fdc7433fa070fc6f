import { DateTime } from 'luxon';
import { DomainError, ErrorCode } from './errors';

const LOCAL_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface SeriesRule {
  /** First and last-exclusive calendar dates (YYYY-MM-DD) in the cohort's timezone. */
  startsOn: string;
  endsOn: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** HH:mm wall-clock time in `timezone`. */
  localTime: string;
  timezone: string;
}

/**
 * The UTC instants of a weekly series. Each occurrence is built from its local date and local time
 * in the cohort's zone, so a 19:00 session stays at 19:00 local on both sides of a DST change.
 * The day endsOn itself is not included (the program covers startsOn up to endsOn).
 */
export function seriesOccurrences(rule: SeriesRule): Date[] {
  const match = LOCAL_TIME_RE.exec(rule.localTime);
  if (!match) throw DomainError.badInput('localTime', 'localTime must be a time of day written HH:mm, e.g. 19:00.');
  if (rule.weekdays.length === 0) throw DomainError.badInput('weekdays', 'weekdays must name at least one ISO weekday (1 = Monday … 7 = Sunday).');
  if (rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw DomainError.badInput('weekdays', 'weekdays must be ISO weekdays from 1 (Monday) to 7 (Sunday).');
  }
  const weekdays = new Set(rule.weekdays);
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  const first = DateTime.fromISO(rule.startsOn, { zone: rule.timezone });
  const end = DateTime.fromISO(rule.endsOn, { zone: rule.timezone });
  if (!first.isValid || !end.isValid) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The cohort has an invalid start date or timezone.');

  const result: Date[] = [];
  for (let day = first; day < end; day = day.plus({ days: 1 })) {
    if (!weekdays.has(day.weekday)) continue;
    result.push(day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate());
  }
  return result;
}

/** 1-based program week of an instant for a cohort, or null outside the program. */
export function programWeekOf(at: Date, startsOn: string, timezone: string, programWeeks: number): number | null {
  const start = DateTime.fromISO(startsOn, { zone: timezone }).startOf('day');
  const local = DateTime.fromJSDate(at, { zone: timezone }).startOf('day');
  // Calendar days, not hours: a DST week has 167 or 169 hours but still 7 days.
  const days = Math.round(local.diff(start, 'days').days);
  if (days < 0) return null;
  const week = Math.floor(days / 7) + 1;
  return week <= programWeeks ? week : null;
}
