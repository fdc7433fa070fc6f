import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { NotificationEntity, UserEntity } from '@anchored/data';
import { ALL_NOTIFICATION_KINDS, DomainError } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { JobsProducer } from '../jobs/jobs-producer.service';
import type { NotificationPreferencesInput } from './dto/notification-preferences.input';
import type { NotificationPreferencesModel } from './models/notification.model';

/** A user's own notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsProducer,
  ) {}

  list(caller: AuthUser, unreadOnly: boolean, limit: number, offset: number): Promise<NotificationEntity[]> {
    return this.db.getRepository(NotificationEntity).find({
      where: unreadOnly ? { userId: caller.id, readAt: IsNull() } : { userId: caller.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  unreadCount(caller: AuthUser): Promise<number> {
    return this.db.getRepository(NotificationEntity).countBy({ userId: caller.id, readAt: IsNull() });
  }

  async markRead(caller: AuthUser, id: string): Promise<NotificationEntity> {
    const repo = this.db.getRepository(NotificationEntity);
    // Someone else's notification is reported as missing, not forbidden: its existence is private.
    const notification = await repo.findOneBy({ id, userId: caller.id });
    if (!notification) throw DomainError.notFound('That notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await repo.update({ id, readAt: IsNull() }, { readAt: notification.readAt });
    }
    return notification;
  }

  async markAllRead(caller: AuthUser): Promise<number> {
    const result = await this.db.getRepository(NotificationEntity).update({ userId: caller.id, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }

  async preferences(userId: string): Promise<NotificationPreferencesModel> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return toPreferences(user);
  }

  async updatePreferences(caller: AuthUser, input: NotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOneByOrFail({ id: caller.id });
    const quietBefore = `${user.quietHoursStart}-${user.quietHoursEnd}`;
    const reminderBefore = user.checkInReminderTime;
    if (input.emailKinds !== undefined) user.emailKinds = input.emailKinds;
    if (input.quietHoursStart !== undefined) user.quietHoursStart = input.quietHoursStart;
    if (input.quietHoursEnd !== undefined) user.quietHoursEnd = input.quietHoursEnd;
    if (input.checkInReminderTime !== undefined) user.checkInReminderTime = input.checkInReminderTime;
    if ((user.quietHoursStart === null) !== (user.quietHoursEnd === null)) {
      throw DomainError.badInput('quietHoursEnd', 'Quiet hours need both quietHoursStart and quietHoursEnd (or neither).');
    }
    await repo.update(
      { id: caller.id },
      { emailKinds: user.emailKinds, quietHoursStart: user.quietHoursStart, quietHoursEnd: user.quietHoursEnd, checkInReminderTime: user.checkInReminderTime },
    );
    // Emails already held for the old quiet hours are timed again by the worker, and the check-in
    // reminder planned at its new time (the same retime-recipient job).
    if (`${user.quietHoursStart}-${user.quietHoursEnd}` !== quietBefore || user.checkInReminderTime !== reminderBefore) await this.jobs.recipientChanged(caller.id);
    return toPreferences(user);
  }
}

function toPreferences(user: UserEntity): NotificationPreferencesModel {
  return {
    emailKinds: user.emailKinds ?? [...ALL_NOTIFICATION_KINDS],
    quietHoursStart: user.quietHoursStart,
    quietHoursEnd: user.quietHoursEnd,
    checkInReminderTime: user.checkInReminderTime,
  };
}
