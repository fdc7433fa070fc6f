import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CheckInEntity } from '@anchored/data';
import { DomainError, Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DateScalar } from '../graphql/date.scalar';
import { UserModel } from '../users/models/user.model';
import { CheckInsService } from './check-ins.service';
import { CheckInInput } from './dto/check-in.input';
import { CheckInModel, CheckInTrendModel, CohortWeatherModel } from './models/check-in.model';

@Resolver(() => CheckInModel)
export class CheckInsResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @Requires(Permission.CHECK_IN)
  @Mutation(() => CheckInModel, { description: 'An ENROLLED or GRADUATED client; a second check-in on the same local day replaces it' })
  checkIn(@Args('input') input: CheckInInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.checkIns.checkIn(caller, input, ctx.loaders);
  }

  @Query(() => [CheckInModel], { description: "The caller's, oldest first; from and to are local dates, both included" })
  myCheckIns(
    @CurrentUser() caller: AuthUser,
    @Args('from', { type: () => DateScalar, nullable: true }) from?: string | null,
    @Args('to', { type: () => DateScalar, nullable: true }) to?: string | null,
  ) {
    return this.checkIns.mine(caller, from, to);
  }

  @Requires(Permission.READ_CHECK_INS)
  @Query(() => [CheckInModel], { description: "The cohort's coaches: note is null; each read is logged in the client's access log" })
  clientCheckIns(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @Args('clientId', { type: () => ID }, ParseUuidPipe) clientId: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
    @Args('from', { type: () => DateScalar, nullable: true }) from?: string | null,
    @Args('to', { type: () => DateScalar, nullable: true }) to?: string | null,
  ) {
    return this.checkIns.ofClient(caller, cohortId, clientId, from, to, ctx.loaders);
  }

  @Requires(Permission.FOLLOW_PROGRAM)
  @Query(() => CohortWeatherModel, { description: 'Community members: how the circle is doing over the last days (null figures below 3 clients)' })
  cohortWeather(
    @Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 7 }) days: number,
  ) {
    return this.checkIns.weather(caller, cohortId, days, ctx.loaders);
  }

  @Requires(Permission.FOLLOW_PROGRAM)
  @Query(() => CheckInTrendModel, { description: "The caller's own check-ins over the cohort's program: by day, per program week, and a gentle streak" })
  myCheckInTrend(@Args('cohortId', { type: () => ID }, ParseUuidPipe) cohortId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.checkIns.trend(caller, cohortId, ctx.loaders);
  }

  @ResolveField(() => UserModel)
  async client(@Parent() row: CheckInEntity, @Context() ctx: GqlContext) {
    const user = await ctx.loaders.userById.load(row.clientId);
    if (!user) throw DomainError.notFound('That client');
    return user;
  }

  @ResolveField(() => String, { nullable: true, description: 'Private: the client alone, never coaches' })
  note(@Parent() row: CheckInEntity, @CurrentUser() caller: AuthUser) {
    return this.checkIns.readNote(caller, row);
  }
}
