import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EMAIL_QUEUE, JobName, JobQueue, JobResult, RetimeRecipientData, emailJobs, enqueuePlanned, jobIds, removeJobs } from '@anchored/jobs';
import { nextSendTime } from '@anchored/notifications';
import { CheckInRemindersService } from './check-in-reminders.service';

/**
 * A user changed their timezone or quiet hours. Emails already stored for them and still PENDING
 * were timed on the old wall clock (held until the old quiet hours ended): each is timed again on
 * the user's current settings and its email job moved. Reminders not yet stored need nothing: they
 * read the user's timezone and quiet hours when they are written. The daily check-in reminder is
 * planned again at the new local time (the jobs planned for the old one find it changed and stop).
 */
@Injectable()
export class RecipientRetimeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(EMAIL_QUEUE) private readonly email: JobQueue<typeof EMAIL_QUEUE>,
    private readonly checkInReminders: CheckInRemindersService,
  ) {}

  async retime(data: RetimeRecipientData, now = new Date()): Promise<JobResult<JobName.RETIME_RECIPIENT>> {
    const [user]: { timezone: string; quiet_hours_start: string | null; quiet_hours_end: string | null }[] = await this.db.query(
      `SELECT timezone, quiet_hours_start, quiet_hours_end FROM users WHERE id = $1`,
      [data.userId],
    );
    if (!user) return { emails: 0, checkInReminders: 0 };
    const checkInReminders = await this.checkInReminders.planFor(data.userId, now);
    const quiet = user.quiet_hours_start && user.quiet_hours_end ? { start: user.quiet_hours_start, end: user.quiet_hours_end } : null;
    const notBefore = nextSendTime(now, user.timezone, quiet);
    // Only rows nobody is sending right now; a row being sent goes out as it was timed.
    const [rows]: [{ id: string; email_not_before: Date }[], number] = await this.db.query(
      `UPDATE notifications SET email_not_before = $2
       WHERE user_id = $1 AND email_status = 'PENDING'
       RETURNING id, email_not_before`,
      [data.userId, notBefore],
    );
    if (rows.length === 0) return { emails: 0, checkInReminders };
    // A delayed job cannot be re-timed in place reliably across BullMQ states: drop it and add it
    // again under the same id (a job already running cannot be removed, and sends as planned).
    await removeJobs(this.email, rows.map((r) => jobIds.sendEmail({ notificationId: r.id })));
    await enqueuePlanned(this.email, emailJobs(rows.map((r) => ({ id: r.id, emailNotBefore: new Date(r.email_not_before) }))), now);
    return { emails: rows.length, checkInReminders };
  }
}
