import { DateTime } from 'luxon';
import { DomainError, ErrorCode } from './errors';
import { LOCAL_TIME_PATTERN } from './time-of-day';

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
  const match = LOCAL_TIME_PATTERN.exec(rule.localTime);
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
