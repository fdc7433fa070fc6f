import { DateTime } from 'luxon';

export interface MeetingSlot {
  /** An instant of this weekly slot (the API's nextStartsAt). */
  nextStartsAt: string;
  durationMinutes: number;
}

const PLURAL_DAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

function joinDays(days: string[]): string {
  return days.length <= 1 ? (days[0] ?? '') : `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`;
}

/**
 * A cohort's weekly meetings as the viewer reads them in their own timezone, e.g.
 * "Tuesdays and Thursdays, 19:00–20:30". Each slot is converted from a real instant, so a meeting
 * that falls on another day in the viewer's zone (Tuesday evening in New York is Wednesday
 * morning in Berlin) shows on that day. Slots sharing a time are joined; Monday first.
 */
export function meetingLines(meetings: readonly MeetingSlot[], viewerZone: string): string[] {
  const byTime = new Map<string, number[]>();
  for (const m of meetings) {
    const start = DateTime.fromISO(m.nextStartsAt, { zone: 'utc' }).setZone(viewerZone);
    const range = `${start.toFormat('HH:mm')}–${start.plus({ minutes: m.durationMinutes }).toFormat('HH:mm')}`;
    byTime.set(range, [...(byTime.get(range) ?? []), start.weekday]);
  }
  return [...byTime.entries()]
    .map(([range, weekdays]) => ({ range, weekdays: [...new Set(weekdays)].sort((a, b) => a - b) }))
    .sort((a, b) => a.weekdays[0] - b.weekdays[0] || a.range.localeCompare(b.range))
    .map(({ range, weekdays }) => `${joinDays(weekdays.map((d) => PLURAL_DAYS[d - 1]))}, ${range}`);
}
