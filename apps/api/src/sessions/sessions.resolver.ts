import { Args, Context, GraphQLISODateTime, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { CohortEntity, SessionEntity } from '@anchored/data';
import { DomainError, Permission, effectiveSessionStatus } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { Requires } from '../access/requires.decorator';
import { CohortModel } from '../cohorts/models/cohort.model';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { withClient } from '../loaders/loaders';
import { AttendanceStatus, SessionStatus } from '../graphql/enums';
import { CreateSessionInput, ScheduleSeriesInput, UpdateSessionInput } from './dto/session.inputs';
import { AttendanceModel, SessionModel } from './models/session.model';
import { SessionsService } from './sessions.service';

@Resolver(() => SessionModel)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => SessionModel, { description: "The cohort's COACH or ADMIN" })
  createSession(@Args('input') input: CreateSessionInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.sessions.create(caller, input, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => [SessionModel], { description: 'One session per matching weekday from startsOn to endsOn, at localTime in the cohort timezone' })
  scheduleSessionSeries(@Args('input') input: ScheduleSeriesInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.sessions.scheduleSeries(caller, input, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => SessionModel)
  rescheduleSession(
    @Args('sessionId', { type: () => ID }, ParseUuidPipe) sessionId: string,
    @Args('startsAt', { type: () => GraphQLISODateTime }) startsAt: Date,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.sessions.reschedule(caller, sessionId, startsAt, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => SessionModel)
  cancelSession(@Args('sessionId', { type: () => ID }, ParseUuidPipe) sessionId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.sessions.cancel(caller, sessionId, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => SessionModel, { description: "The cohort's COACH or ADMIN: corrects the title or meeting link" })
  updateSession(@Args('input') input: UpdateSessionInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.sessions.update(caller, input, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => [SessionModel], { description: 'Cancels every session of the series still to come; returns them' })
  cancelSessionSeries(@Args('seriesId', { type: () => ID }, ParseUuidPipe) seriesId: string, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.sessions.cancelSeries(caller, seriesId, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => [SessionModel], { description: "Cancels the series' upcoming sessions on these days (YYYY-MM-DD in the cohort's timezone), e.g. holidays" })
  skipSeriesDates(
    @Args('seriesId', { type: () => ID }, ParseUuidPipe) seriesId: string,
    @Args('dates', { type: () => [String] }) dates: string[],
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    return this.sessions.skipSeriesDates(caller, seriesId, dates, ctx.loaders);
  }

  @Requires(Permission.MANAGE_COHORT)
  @Mutation(() => AttendanceModel, { description: 'Only for clients ENROLLED in the cohort' })
  async recordAttendance(
    @Args('sessionId', { type: () => ID }, ParseUuidPipe) sessionId: string,
    @Args('clientId', { type: () => ID }, ParseUuidPipe) clientId: string,
    @Args('status', { type: () => AttendanceStatus }) status: AttendanceStatus,
    @CurrentUser() caller: AuthUser,
    @Context() ctx: GqlContext,
  ) {
    const row = await this.sessions.recordAttendance(caller, sessionId, clientId, status, ctx.loaders);
    return (await withClient(ctx.loaders, [row]))[0];
  }

  @ResolveField(() => SessionStatus, { description: 'COMPLETED once a scheduled session has ended' })
  status(@Parent() session: SessionEntity) {
    return effectiveSessionStatus(session.status, session.startsAt, session.durationMinutes);
  }

  @ResolveField(() => CohortModel)
  async cohort(@Parent() session: SessionEntity, @Context() ctx: GqlContext) {
    const cohort = await ctx.loaders.cohortById.load(session.cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  @ResolveField(() => [AttendanceModel], { description: "Coaches and admins of the session's cohort" })
  async attendance(@Parent() session: SessionEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: session.cohortId }, ctx.loaders);
    return ctx.loaders.attendanceBySessionId.load(session.id);
  }
}

/** Cohort.sessions: for the cohort's clients, coaches and admins. */
@Resolver(() => CohortModel)
export class CohortSessionsResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => [SessionModel], { description: 'Ordered by startsAt' })
  async sessions(@Parent() cohort: CohortEntity, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohort }, ctx.loaders);
    return ctx.loaders.sessionsByCohortId.load(cohort.id);
  }
}
