/**
 * Live updates: GraphQL subscriptions over graphql-ws on /graphql, delivered by every API instance.
 *
 * How it fits together
 * - Writers (any API instance, the worker) publish small events with ids only (LiveEvent in
 *   libs/jobs/src/live-events.ts) on one Redis pub/sub channel, AFTER their transaction commits.
 * - Each API process holds one Redis subscriber on that channel (LiveEvents) and fans events out in
 *   memory to its open subscriptions; each subscription loads what the event names and checks the
 *   subscriber's access at delivery, with fresh DataLoaders per event, so someone who lost access
 *   stops receiving at once.
 * - Connections authenticate with connectionParams { authorization: "Bearer <accessToken>" }
 *   (LiveConnectionAuth): no valid token, no connection (close 4403); at token expiry the server
 *   closes the socket (4000) and the client reconnects with a fresh token. Only subscription
 *   operations run over the socket. JwtAuthGuard, PermissionGuard (@Requires) and @CurrentUser()
 *   work on @Subscription fields as on queries.
 *
 * Publishing (inject LiveEventsPublisher; never throws):
 *
 *   const post = await this.db.transaction(...);                     // commit first
 *   await this.publisher.publish({ type: 'feed', cohortId, kind: 'POST_CREATED', postId: post.id });
 *
 * Notifications need nothing: NotificationOutbox announces what it stored (notificationAdded).
 *
 * Subscribing (inject LiveEvents; return its iterator from a @Subscription):
 *
 *   @Subscription(() => FeedEventModel)
 *   @Requires(Permission.X)                                            // role check at subscribe
 *   async cohortFeedEvents(@Args('cohortId') cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
 *     await this.access.require(caller, Permission.X, { cohortId }, ctx.loaders);   // refuse at once
 *     return this.live.iterate({
 *       context: ctx,                                                   // gets fresh loaders per event
 *       filter: (e) => e.type === 'feed' && e.cohortId === cohortId,   // cheap, on ids
 *       deliver: async (e, loaders) => {                               // load + check access NOW
 *         if (!(await this.access.can(caller, Permission.X, { cohortId }, loaders))) return null;
 *         return { cohortFeedEvents: { kind: e.kind, post: await ..., reply: ... } };
 *       },
 *     });
 *   }
 *
 * `deliver` returns the payload keyed by the field name, or null to skip; if it throws, the event
 * is skipped for that subscriber. See docs/live-updates.md.
 */
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthModule } from '../auth/auth.module';
import { LoadersModule } from '../loaders/loaders.module';
import { LiveConnectionAuth } from './live-connection';
import { LiveEventsPublisher } from './live-events.publisher';
import { LiveEvents } from './live-events.service';
import { LocalLiveBus } from './local-live-bus';
import { NotificationAddedResolver } from './notification-added.resolver';

@Global()
@Module({
  imports: [JwtModule.register({}), AuthModule, LoadersModule],
  providers: [LocalLiveBus, LiveEventsPublisher, LiveEvents, LiveConnectionAuth, NotificationAddedResolver],
  exports: [LiveEventsPublisher, LiveEvents, LiveConnectionAuth],
})
export class RealtimeModule {}
