import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { UserModel } from '../users/models/user.model';
import { BuddiesService } from './buddies.service';
import { BuddyPairModel, BuddyPairPreviewModel, BuddyPairRecord, BuddyWeatherModel } from './models/buddy-pair.model';

async function users(ctx: GqlContext, ids: string[]) {
  const found = await ctx.loaders.userById.loadMany(ids);
  return found.filter((u) => u && !(u instanceof Error));
}

@Resolver(() => BuddyPairModel)
export class BuddiesResolver {
  constructor(private readonly buddies: BuddiesService) {}

  @Requires(Permission.HAVE_BUDDY)
  @Query(() => BuddyPairModel, { nullable: true, description: "A client of the cohort: the caller's current pair, null if none" })
  myBuddy(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.buddies.myBuddy(caller, cohortId, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Query(() => [BuddyPairModel], { description: "The cohort's coaches and admins: its current pairing" })
  buddyPairs(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.buddies.pairsOf(caller, cohortId, ctx.loaders);
  }

  @Requires(Permission.PAIR_BUDDIES)
  @Query(() => [BuddyPairPreviewModel], { description: "The cohort's coaches: the pairing pairBuddies would make now, with each group's shared waking hours; stores nothing" })
  async previewBuddyPairs(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const { result } = await this.buddies.preview(caller, cohortId, ctx.loaders);
    return Promise.all(
      result.groups.map(async (group) => ({ members: await users(ctx, group.memberIds), overlapMinutes: group.overlapMinutes, repeatsPrevious: group.repeatsPrevious })),
    );
  }

  @Requires(Permission.PAIR_BUDDIES)
  @Mutation(() => [BuddyPairModel], {
    description: "The cohort's coaches: every ENROLLED client in a pair (one trio when odd), by overlapping waking hours, no repeat of the last pairing; ends the previous pairing; BUDDY_PAIRED to each",
  })
  pairBuddies(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.buddies.pair(caller, cohortId, ctx.loaders);
  }

  @Requires(Permission.HAVE_BUDDY)
  @Mutation(() => BuddyPairModel, { description: "A member of a current pair: share (or stop sharing) the location and state of one's latest check-in with one's buddy; never the note or the score" })
  shareWeatherWithBuddy(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('share', { type: () => Boolean }) share: boolean,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.buddies.shareWeather(caller, cohortId, share, ctx.loaders);
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() pair: BuddyPairRecord, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(pair.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => [UserModel])
  members(@Parent() pair: BuddyPairRecord, @Context() ctx: GqlContext) {
    return users(ctx, pair.members.map((m) => m.userId));
  }

  @ResolveField(() => Boolean, { nullable: true, description: "Whether the caller shares their daily weather with this pair; null when the caller is not in it" })
  sharingMyWeather(@Parent() pair: BuddyPairRecord, @CurrentUser() caller: AuthUser) {
    return pair.members.find((m) => m.userId === caller.id)?.sharesWeather ?? null;
  }

  @ResolveField(() => [BuddyWeatherModel], { description: "The caller's buddies who share their daily weather (for the pair's own members only; empty for anyone else)" })
  async buddyWeather(@Parent() pair: BuddyPairRecord, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    const rows = await this.buddies.buddyWeather(caller, pair);
    const people = await users(ctx, rows.map((r) => r.userId));
    return rows.map((row, i) => ({ buddy: people[i], localDate: row.localDate, location: row.location, state: row.state }));
  }
}
