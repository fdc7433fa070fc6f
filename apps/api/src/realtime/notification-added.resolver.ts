import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { NotificationEntity } from '@anchored/data';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { NotificationModel } from '../notifications/models/notification.model';
import type { Loaders } from '../loaders/loaders';
import { LiveEvents } from './live-events.service';

/** Notifications by id, per event's loaders: one query however many devices of the owner listen. */
const byLoaders = new WeakMap<Loaders, DataLoader<string, NotificationEntity | undefined>>();

@Resolver(() => NotificationModel)
export class NotificationAddedResolver {
  constructor(
    private readonly live: LiveEvents,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  private notificationById(loaders: Loaders): DataLoader<string, NotificationEntity | undefined> {
    let loader = byLoaders.get(loaders);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.getRepository(NotificationEntity).findBy({ id: In([...ids]) });
        return ids.map((id) => rows.find((r) => r.id === id));
      });
      byLoaders.set(loaders, loader);
    }
    return loader;
  }

  @Subscription(() => NotificationModel, { description: 'Your own notifications, as they are stored' })
  notificationAdded(@CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.live.iterate({
      context: ctx,
      filter: (event) => event.type === 'notification' && event.userId === caller.id,
      // Checked again at delivery on the row itself: only its owner ever receives it.
      deliver: async (event, loaders) => {
        if (event.type !== 'notification') return null;
        const row = await this.notificationById(loaders).load(event.notificationId);
        return row && row.userId === caller.id ? { notificationAdded: row } : null;
      },
    });
  }
}
