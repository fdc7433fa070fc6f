import { DateTime } from 'luxon';
import { isLocalTime } from '@anchored/domain';
import type { AttendanceStatus } from '../../gql/graphql';

interface SessionLike {
  startsAt: string;
  durationMinutes: number;
}

/** Sessions still to come or under way (soonest first) and those that have ended (latest first). */
export function splitSessions<S extends SessionLike>(sessions: readonly S[], now: Date = new Date()): { upcoming: S[]; past: S[] } {
  const end = (s: S) => new Date(s.startsAt).getTime() + s.durationMinutes * 60_000;
  const start = (s: S) => new Date(s.startsAt).getTime();
  return {
    upcoming: sessions.filter((s) => end(s) > now.getTime()).sort((a, b) => start(a) - start(b)),
    past: sessions.filter((s) => end(s) <= now.getTime()).sort((a, b) => start(b) - start(a)),
  };
}

/** The attendance form's starting point: what was recorded for each enrolled client, else nothing. */
export function initialMarks(clientIds: readonly string[], attendance: readonly { status: AttendanceStatus; client: { id: string } }[]): Record<string, AttendanceStatus | null> {
  const byClient = new Map(attendance.map((a) => [a.client.id, a.status]));
  return Object.fromEntries(clientIds.map((id) => [id, byClient.get(id) ?? null]));
}

/** Only the marks that differ from what is saved, so "Save attendance" sends just those. */
export function changedMarks(marks: Record<string, AttendanceStatus | null>, saved: Record<string, AttendanceStatus | null>): { clientId: string; status: AttendanceStatus }[] {
  return Object.entries(marks)
    .filter((entry): entry is [string, AttendanceStatus] => entry[1] !== null && entry[1] !== saved[entry[0]])
    .map(([clientId, status]) => ({ clientId, status }));
}

export const WEEKDAYS = [
  { value: 1, label: 'Monday' },
  { value: 2, label: 'Tuesday' },
  { value: 3, label: 'Wednesday' },
  { value: 4, label: 'Thursday' },
  { value: 5, label: 'Friday' },
  { value: 6, label: 'Saturday' },
  { value: 7, label: 'Sunday' },
] as const;

export interface SeriesForm {
  title: string;
  weekdays: string[];
  localTime: string;
  durationMinutes: string;
  meetingUrl: string;
}

/** Checks the series form before sending; returns the problems by field, or the input. */
export function checkSeries(form: SeriesForm): { errors: Record<string, string> } | { input: { title: string; weekdays: number[]; localTime: string; durationMinutes: number; meetingUrl: string | null } } {
  const errors: Record<string, string> = {};
  if (!form.title.trim()) errors['title'] = 'Give the sessions a title.';
  if (form.weekdays.length === 0) errors['weekdays'] = 'Pick at least one day of the week.';
  if (!isLocalTime(form.localTime)) errors['localTime'] = 'Enter a time such as 18:30.';
  const duration = checkDuration(form.durationMinutes);
  if (duration.error) errors['durationMinutes'] = duration.error;
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      title: form.title.trim(),
      weekdays: form.weekdays.map(Number).sort((a, b) => a - b),
      localTime: form.localTime,
      durationMinutes: duration.value as number,
      meetingUrl: form.meetingUrl.trim() || null,
    },
  };
}

/** A duration in whole minutes between 5 and 600. */
export function checkDuration(value: string): { value?: number; error?: string } {
  const n = Number(value);
  if (!value.trim() || !Number.isInteger(n) || n < 5 || n > 600) return { error: 'Enter a length in minutes, between 5 and 600.' };
  return { value: n };
}

interface SeriesSessionLike {
  id: string;
  seriesId?: string | null;
  title: string;
  startsAt: string;
  status: string;
}

/** Each series with sessions still to come (scheduled, not started), soonest first, for "skip dates" and "cancel series". */
export function upcomingSeries<S extends SeriesSessionLike>(sessions: readonly S[], now: Date = new Date()): { seriesId: string; title: string; sessions: S[] }[] {
  const bySeries = new Map<string, S[]>();
  for (const s of [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    if (!s.seriesId || s.status !== 'SCHEDULED' || Date.parse(s.startsAt) <= now.getTime()) continue;
    bySeries.set(s.seriesId, [...(bySeries.get(s.seriesId) ?? []), s]);
  }
  return [...bySeries].map(([seriesId, list]) => ({ seriesId, title: list[0].title, sessions: list }));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a timezone: how the API names a series' days. */
export function dayIn(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() as string;
}
