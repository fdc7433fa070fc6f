import { DateTime } from 'luxon';

/**
 * Every time on screen is shown in the viewer's own timezone (their profile's, set at sign-up),
 * never the browser's guess and never UTC; these helpers are the only place that formats times.
 */
export function formatDateTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat("ccc d LLL yyyy, HH:mm");
}

/** A calendar date (YYYY-MM-DD) as people read it; dates have no timezone. */
export function formatDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('d LLL yyyy');
}

/** "in 3 days", "2 hours ago", relative to now. */
export function formatRelative(iso: string, now: DateTime = DateTime.now()): string {
  return DateTime.fromISO(iso).toRelative({ base: now }) ?? '';
}

/** The short zone name the viewer sees next to times, e.g. "CET" or "EDT". */
export function zoneAbbreviation(zone: string, at: DateTime = DateTime.now()): string {
  return at.setZone(zone).toFormat('ZZZZ');
}

/**
 * A `datetime-local` input's value (wall-clock time, no zone) read in the viewer's timezone,
 * as the UTC instant the API expects. Null when the value is not a valid time.
 */
export function localInputToIso(value: string, zone: string): string | null {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

/** The reverse: a UTC instant as a `datetime-local` value in the viewer's timezone. */
export function isoToLocalInput(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");
}

export function isPast(iso: string, now: DateTime = DateTime.now()): boolean {
  return DateTime.fromISO(iso) < now;
}

/** The browser's timezone, offered as the default at sign-up. */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA timezone the browser knows, with UTC first; a short fallback list for older browsers. */
export function timezoneOptions(supported: () => string[] = () => Intl.supportedValuesOf('timeZone')): string[] {
  let zones: string[] = [];
  try {
    zones = supported();
  } catch {
    zones = [];
  }
  if (!zones.length) zones = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
