import { DateTime } from 'luxon';
import type { PlannedJob } from './planner';
import { JobName, jobIds } from './queues';

export interface CheckInReminderPlan {
  userId: string;
  timezone: string;
  /** HH:mm on the person's wall clock; null: no reminder. */
  checkInReminderTime: string | null;
}

/**
 * The daily check-in reminder jobs of one person within [now, horizonEnd]: one per local day at
 * their chosen local time (a time skipped by a spring clock change moves past the gap). Moments
 * already past are not planned (a reminder is never sent late because it was planned late); a job
 * already in Redis still runs after a worker restart, and checks the day, time and zone itself.
 */
export function planCheckInReminders(person: CheckInReminderPlan, now: Date, horizonEnd: Date): PlannedJob<JobName.CHECK_IN_REMINDER>[] {
  const time = person.checkInReminderTime;
  if (!time) return [];
  const [hour, minute] = time.split(':').map(Number);
  const jobs: PlannedJob<JobName.CHECK_IN_REMINDER>[] = [];
  let day = DateTime.fromJSDate(now, { zone: person.timezone }).startOf('day');
  if (!day.isValid) return [];
  const last = DateTime.fromJSDate(horizonEnd, { zone: person.timezone }).startOf('day');
  for (; day <= last; day = day.plus({ days: 1 })) {
    const moment = day.set({ hour, minute, second: 0, millisecond: 0 });
    const runAt = moment.toJSDate();
    if (runAt < now || runAt > horizonEnd) continue;
    const data = { userId: person.userId, localDate: day.toFormat('yyyy-MM-dd'), localTime: time, timezone: person.timezone };
    jobs.push({ name: JobName.CHECK_IN_REMINDER, jobId: jobIds.checkInReminder(data, runAt), data, runAt });
  }
  return jobs;
}
