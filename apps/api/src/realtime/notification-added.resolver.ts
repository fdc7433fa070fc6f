import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '@anchored/data';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { NotificationModel } from '../notifications/models/notification.model';
import { LiveEvents } from './live-events.service';

@Resolver(() => NotificationModel)
export class NotificationAddedResolver {
  constructor(
    private readonly live: LiveEvents,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Subscription(() => NotificationModel, { description: 'Your own notifications, as they are stored' })
  notificationAdded(@CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.live.iterate({
      context: ctx,
      filter: (event) => event.type === 'notification' && event.userId === caller.id,
      // Checked again at delivery on the row itself: only its owner ever receives it.
      deliver: async (event) => {
        if (event.type !== 'notification') return null;
        const row = await this.db.getRepository(NotificationEntity).findOneBy({ id: event.notificationId, userId: caller.id });
        return row ? { notificationAdded: row } : null;
      },
    });
  }
}
