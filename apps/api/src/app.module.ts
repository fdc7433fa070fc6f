import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@anchored/config';
import { MailModule } from '@anchored/mail';
import { AccessModule } from './access/access.module';
import { AccountDeletionModule } from './account-deletion/account-deletion.module';
import { AccountLinksModule } from './account-links/account-links.module';
import { AccountModule } from './account/account.module';
import { AccessLogModule } from './access-log/access-log.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { accountTracker } from './auth/gql-throttler.guard';
import { THROTTLER_STORAGE, ThrottlerStorageModule } from './auth/throttler-storage.module';
import { AdminBootstrapService } from './bootstrap/admin-bootstrap.service';
import { DemoDataService } from './bootstrap/demo-data.service';
import { BuddiesModule } from './buddies/buddies.module';
import { CalendarModule } from './calendar/calendar.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { ConversationsModule } from './conversations/conversations.module';
import { CommunityModule } from './community/community.module';
import { JwtAuthGuard, PermissionGuard } from './common/guards';
import { loggerParams } from './common/logging';
import { AppConfigModule } from './config.module';
import { DatabaseModule } from './database/database.module';
import { CurriculumModule } from './curriculum/curriculum.module';
import { DataExportModule } from './data-export/data-export.module';
import { DraftsModule } from './drafts/drafts.module';
import { EnrollmentModule } from './enrollment/enrollment.module';
import { graphqlOptions } from './graphql/graphql.options';
import { ResponseCache, ResponseCacheModule } from './graphql/response-cache';
import { HealthModule } from './health/health.module';
import { HomeworkModule } from './homework/homework.module';
import { HomeworkTemplatesModule } from './homework-templates/homework-templates.module';
import { InvitationsModule } from './invitations/invitations.module';
import { JobsModule } from './jobs/jobs.module';
import { LoadersFactory } from './loaders/loaders';
import { LoadersModule } from './loaders/loaders.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PrivateTextModule } from './private-text/private-text.module';
import { ProgressModule } from './progress/progress.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { LiveConnectionAuth } from './realtime/live-connection';
import { RealtimeModule } from './realtime/realtime.module';
import { SessionsModule } from './sessions/sessions.module';
import { UsersModule } from './users/users.module';

export interface AppOptions {
  /** Where the logs go instead of stdout (the tests read them). */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        // What is logged and what never is (tokens in URLs, query parameters): common/logging.ts.
        LoggerModule.forRoot(loggerParams(config, options.logStream)),
        DatabaseModule,
        // Live updates (subscriptions, Redis pub/sub between instances): before JobsModule's outbox uses it.
        RealtimeModule,
        JobsModule,
        // Link emails (password reset, verification) go out from the API itself, in the background.
        MailModule.forRoot(config.notifications),
        // Auth mutations only (GqlThrottlerGuard is applied to them): per IP and per account.
        // Counters live in Redis when there is one, so every API instance shares them.
        ThrottlerModule.forRootAsync({
          imports: [ThrottlerStorageModule.forRoot(config)],
          inject: [THROTTLER_STORAGE],
          useFactory: (storage: ThrottlerStorage | null) => ({
            throttlers: [
              { name: 'ip', ttl: 60_000, limit: config.authRateLimitPerMinute },
              { name: 'account', ttl: 60_000, limit: config.authRateLimitPerMinute, getTracker: accountTracker },
            ],
            ...(storage ? { storage } : {}),
          }),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [LoadersModule, RealtimeModule, ResponseCacheModule],
          inject: [LoadersFactory, LiveConnectionAuth, ResponseCache],
          useFactory: (loaders: LoadersFactory, live: LiveConnectionAuth, cache: ResponseCache) => graphqlOptions(config, loaders, live, cache),
        }),
        HealthModule,
        AccessModule,
        PrivateTextModule,
        AccessLogModule,
        AuditModule,
        UsersModule,
        AuthModule,
        AccountLinksModule,
        AccountModule,
        InvitationsModule,
        CohortsModule,
        EnrollmentModule,
        CurriculumModule,
        SessionsModule,
        HomeworkTemplatesModule,
        HomeworkModule,
        CheckInsModule,
        CommunityModule,
        BuddiesModule,
        ProgressModule,
        CalendarModule,
        DataExportModule,
        DraftsModule,
        AccountDeletionModule,
        NotificationsModule,
        ConversationsModule,
        QueueDashboardModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        AdminBootstrapService,
        DemoDataService,
      ],
    };
  }
}
