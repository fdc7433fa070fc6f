import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { notificationDraft } from '@anchored/data';
import { NotificationKind, localDateOf } from '@anchored/domain';
import { CheckInReminderData, JobName, JobQueue, JobResult, NotificationOutbox, REMINDERS_QUEUE, enqueuePlanned, horizonEnd, planCheckInReminders } from '@anchored/jobs';
import { checkInReminderKey, isQuietAt, renderCheckInReminder } from '@anchored/notifications';
import { WORKER_CONFIG } from '../worker-config.module';

interface ReminderUser {
  name: string;
  timezone: string;
  check_in_reminder_time: string | null;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  seated: boolean;
  checked_in: boolean;
}

/**
 * The daily check-in reminder (docs/check-ins.md): at the client's chosen local time, on a day they
 * have not checked in yet, once per local day (the dedupe key), never in their quiet hours. Jobs are
 * planned ahead by the reconciler and, after a change of time or timezone, by retime-recipient; a
 * job checks the person as they are now when it runs.
 */
@Injectable()
export class CheckInRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REMINDERS_QUEUE) private readonly reminders: JobQueue<typeof REMINDERS_QUEUE>,
    private readonly outbox: NotificationOutbox,
  ) {}

  async remind(data: CheckInReminderData, now = new Date()): Promise<JobResult<JobName.CHECK_IN_REMINDER>> {
    const [user]: ReminderUser[] = await this.db.query(
      `SELECT u.name, u.timezone, u.check_in_reminder_time, u.quiet_hours_start, u.quiet_hours_end,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.client_id = u.id AND e.status IN ('ENROLLED', 'GRADUATED')) AS seated,
              EXISTS (SELECT 1 FROM check_ins c WHERE c.client_id = u.id AND c.local_date = $2) AS checked_in
       FROM users u WHERE u.id = $1`,
      [data.userId, data.localDate],
    );
    if (!user) return { skipped: 'account deleted' };
    if (user.check_in_reminder_time !== data.localTime || user.timezone !== data.timezone) return { skipped: 'reminder re-timed' };
    if (localDateOf(now, user.timezone) !== data.localDate) return { skipped: 'that day is over' };
    if (!user.seated) return { skipped: 'no seat' };
    if (user.checked_in) return { skipped: 'already checked in' };
    const quiet = user.quiet_hours_start && user.quiet_hours_end ? { start: user.quiet_hours_start, end: user.quiet_hours_end } : null;
    if (isQuietAt(now, user.timezone, quiet)) return { skipped: 'quiet hours' };

    const message = renderCheckInReminder({ recipientName: user.name, checkInUrl: `${this.config.publicUrl}/week` });
    const stored = await this.outbox.transaction((_manager, outbox) =>
      outbox.notify([notificationDraft(data.userId, NotificationKind.CHECK_IN_REMINDER, checkInReminderKey(data.userId, data.localDate), message, undefined, { kind: 'CHECK_IN_REMINDER' })], now),
    );
    return stored.length ? { sent: stored.length } : { skipped: 'already reminded today' };
  }

  /** Plans one person's reminders over the horizon (after their time or timezone changed). */
  async planFor(userId: string, now = new Date()): Promise<number> {
    const [user]: { timezone: string; check_in_reminder_time: string | null }[] = await this.db.query(
      `SELECT timezone, check_in_reminder_time FROM users WHERE id = $1`,
      [userId],
    );
    if (!user) return 0;
    const jobs = planCheckInReminders({ userId, timezone: user.timezone, checkInReminderTime: user.check_in_reminder_time }, now, horizonEnd(now, this.config.notifications.scheduleHorizonHours));
    return enqueuePlanned(this.reminders, jobs, now);
  }
}
