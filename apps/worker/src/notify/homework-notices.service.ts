import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortEntity, HomeworkAssignmentEntity, NotificationDraft, notificationDraft } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { HomeworkNoticeData, NotificationOutbox, NotifyOutcome } from '@anchored/jobs';
import { homeworkDueKey, homeworkOverdueKey, renderHomeworkDue, renderHomeworkOverdue } from '@anchored/notifications';
import type { Recipient } from './recipients';

/** "Due soon" and "overdue" notices, only to ENROLLED clients who have not submitted. */
@Injectable()
export class HomeworkNoticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
  ) {}

  async notify(kind: NotificationKind.HOMEWORK_DUE | NotificationKind.HOMEWORK_OVERDUE, data: HomeworkNoticeData, now = new Date()): Promise<NotifyOutcome> {
    const assignment = await this.db.getRepository(HomeworkAssignmentEntity).findOneBy({ id: data.assignmentId });
    if (!assignment) return { skipped: 'assignment deleted' };
    if (assignment.dueAt.getTime() !== data.dueAtMs) return { skipped: 'due time changed' };
    if (kind === NotificationKind.HOMEWORK_DUE && now >= assignment.dueAt) return { skipped: 'already due' };

    const stored = await this.outbox.transaction(async (manager, outbox) => {
      const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: assignment.cohortId });
      const waitingOn: Recipient[] = await manager.query(
        `SELECT u.id, u.name, u.email, u.timezone FROM enrollments e JOIN users u ON u.id = e.client_id
         WHERE e.cohort_id = $1 AND e.status = 'ENROLLED'
           AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = $2 AND s.client_id = e.client_id)`,
        [cohort.id, assignment.id],
      );
      const render = kind === NotificationKind.HOMEWORK_DUE ? renderHomeworkDue : renderHomeworkOverdue;
      const key = kind === NotificationKind.HOMEWORK_DUE ? homeworkDueKey : homeworkOverdueKey;
      const drafts: NotificationDraft[] = waitingOn.map((client) => {
        const message = render({
          recipientName: client.name,
          recipientTimezone: client.timezone,
          assignmentTitle: assignment.title,
          cohortName: cohort.name,
          dueAt: assignment.dueAt,
        });
        const deadline = kind === NotificationKind.HOMEWORK_DUE ? assignment.dueAt : undefined;
        return notificationDraft(client.id, kind, key(assignment.id, assignment.dueAt, client.id), message, deadline, {
          kind: kind === NotificationKind.HOMEWORK_DUE ? 'HOMEWORK_DUE' : 'HOMEWORK_OVERDUE',
          assignmentId: assignment.id,
          assignmentTitle: assignment.title,
          cohortName: cohort.name,
        });
      });
      return outbox.notify(drafts, now);
    });
    return { sent: stored.length };
  }
}
