import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findModule } from '@anchored/curriculum';
import { CohortEntity, NotificationDraft, SessionEntity, notificationDraft } from '@anchored/data';
import { NotificationKind, SessionStatus } from '@anchored/domain';
import { JobName, JobResult, NotificationOutbox, SessionReminderData } from '@anchored/jobs';
import { renderSessionReminder, sessionReminderKey } from '@anchored/notifications';
import { cohortCoaches, enrolledClients } from './recipients';

/** One reminder before a session, to each ENROLLED client and each coach of its cohort. */
@Injectable()
export class SessionRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
  ) {}

  async remind(data: SessionReminderData, now = new Date()): Promise<JobResult<JobName.SESSION_REMINDER>> {
    // The job was planned earlier: check the session as it is now.
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id: data.sessionId });
    if (!session) return { skipped: 'session deleted' };
    if (session.status !== SessionStatus.SCHEDULED) return { skipped: `session ${session.status.toLowerCase()}` };
    if (session.startsAt.getTime() !== data.startsAtMs) return { skipped: 'session moved' };
    if (now >= session.startsAt) return { skipped: 'session already started' };
    if (data.startsAtMs - data.offsetSeconds * 1000 < session.scheduledAt.getTime()) return { skipped: 'scheduled after the reminder time' };

    const stored = await this.outbox.transaction(async (manager, outbox) => {
      const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: session.cohortId });
      const recipients = [...(await enrolledClients(manager, cohort.id)), ...(await cohortCoaches(manager, cohort.id))];
      const moduleTitle = session.moduleKey ? (findModule(session.moduleKey)?.title ?? null) : null;
      const drafts: NotificationDraft[] = recipients.map((recipient) => {
        const message = renderSessionReminder({
          recipientName: recipient.name,
          recipientTimezone: recipient.timezone,
          cohortName: cohort.name,
          sessionTitle: session.title,
          startsAt: session.startsAt,
          offsetMinutes: data.offsetSeconds / 60,
          meetingUrl: session.meetingUrl,
          moduleTitle,
        });
        const key = sessionReminderKey(session.id, session.startsAt, data.offsetSeconds, recipient.id);
        return notificationDraft(recipient.id, NotificationKind.SESSION_REMINDER, key, message, session.startsAt, {
          kind: 'SESSION_REMINDER',
          sessionId: session.id,
          sessionTitle: session.title,
          cohortId: cohort.id,
          cohortName: cohort.name,
          offsetMinutes: data.offsetSeconds / 60,
        });
      });
      return outbox.notify(drafts, now);
    });
    return { sent: stored.length };
  }
}
