import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostEntity, PostReplyEntity } from '@anchored/data';
import { DomainError, Permission } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { LiveEvents } from '../realtime/live-events.service';
import { FeedEventModel } from './models/community.model';

@Resolver(() => FeedEventModel)
export class FeedEventsResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly access: AccessService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * A cohort's feed as it changes, for its members and admins. Membership is checked when
   * subscribing and again for every event, with fresh loaders: someone who leaves the cohort (or
   * is withdrawn) stops receiving at once, on whichever API instance they are connected to.
   */
  @Requires(Permission.READ_COMMUNITY)
  @Subscription(() => FeedEventModel, { description: 'Community members of that cohort (and admins)' })
  async cohortFeedEvents(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.READ_COMMUNITY, { cohort }, ctx.loaders);
    return this.live.iterate({
      context: ctx,
      filter: (event) => event.type === 'feed' && event.cohortId === cohortId,
      deliver: async (event, loaders) => {
        if (event.type !== 'feed') return null;
        if (!(await this.access.can(caller, Permission.READ_COMMUNITY, { cohortId }, loaders))) return null;
        const post = await this.db.getRepository(PostEntity).findOneBy({ id: event.postId, cohortId });
        if (!post) return null;
        const reply = event.replyId ? await this.db.getRepository(PostReplyEntity).findOneBy({ id: event.replyId, postId: post.id }) : null;
        return { cohortFeedEvents: { kind: event.kind, post, reply } };
      },
    });
  }
}
