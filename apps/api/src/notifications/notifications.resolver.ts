import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { GqlContext } from '../common/gql-context';
import type { NotificationEntity, UserEntity } from '@anchored/data';
import { summarizeLegacyNotification, summarizeNotification, type NotificationLine } from '@anchored/notifications';
import type { AuthUser } from '../common/auth-user';
import { assertPage } from '../common/paging';
import { CurrentUser } from '../common/decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { UserModel } from '../users/models/user.model';
import { NotificationPreferencesInput } from './dto/notification-preferences.input';
import { NotificationModel, NotificationPreferencesModel } from './models/notification.model';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => [NotificationModel], { description: "The caller's notifications, newest first, paged" })
  myNotifications(
    @CurrentUser() caller: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
  ) {
    assertPage(limit, offset);
    return this.notifications.list(caller, unreadOnly ?? false, limit, offset);
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread" })
  unreadNotificationCount(@CurrentUser() caller: AuthUser) {
    return this.notifications.unreadCount(caller);
  }

  @ResolveField(() => String)
  summary(@Parent() notification: NotificationEntity, @CurrentUser() caller: AuthUser): string {
    return lineOf(notification, caller).summary;
  }

  @ResolveField(() => String, { nullable: true })
  link(@Parent() notification: NotificationEntity, @CurrentUser() caller: AuthUser): string | null {
    return lineOf(notification, caller).link;
  }

  @Mutation(() => NotificationModel, { description: 'Marks one of your own notifications read' })
  markNotificationRead(@Args('id', { type: () => ID }, ParseUuidPipe) id: string, @CurrentUser() caller: AuthUser) {
    return this.notifications.markRead(caller, id);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many changed' })
  markAllNotificationsRead(@CurrentUser() caller: AuthUser) {
    return this.notifications.markAllRead(caller);
  }

  @Mutation(() => NotificationPreferencesModel, { description: 'Which kinds reach you by email, and your quiet hours' })
  updateNotificationPreferences(@Args('input') input: NotificationPreferencesInput, @CurrentUser() caller: AuthUser) {
    return this.notifications.updatePreferences(caller, input);
  }
}

@Resolver(() => UserModel)
export class UserNotificationPreferencesResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => NotificationPreferencesModel, { nullable: true, description: 'Your own; null for other users' })
  async notificationPreferences(@Parent() user: UserEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    if (!caller || !(await this.access.can(caller, Permission.READ_OWN_SETTINGS, { userId: user.id }, ctx.loaders))) return null;
    return this.notifications.preferences(user.id);
  }
}

/** Notifications are only ever read by their recipient (the caller), so the caller's role picks the screen. */
function lineOf(notification: NotificationEntity, caller: AuthUser): NotificationLine {
  return notification.about
    ? summarizeNotification(notification.about, caller.role)
    : summarizeLegacyNotification(notification.kind, notification.subject, caller.role);
}
