import { Module } from '@nestjs/common';
import { NotificationsResolver, UserNotificationPreferencesResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationsService, NotificationsResolver, UserNotificationPreferencesResolver] })
export class NotificationsModule {}
