import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { PROGRAM_WEEKS, findModule, moduleForWeek } from '@anchored/curriculum';
import { AttendanceEntity, CohortEntity, SessionEntity } from '@anchored/data';
import {
  AttendanceStatus,
  CohortStatus,
  DomainError,
  EnrollmentStatus,
  Permission,
  SessionStatus,
  cohortEndsOn,
  programWeekOf,
  seriesOccurrences,
} from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { JobsProducer } from '../jobs/jobs-producer.service';
import type { Loaders } from '../loaders/loaders';
import type { AuthUser } from '../common/auth-user';
import type { CreateSessionInput, ScheduleSeriesInput, UpdateSessionInput } from './dto/session.inputs';

/** Sessions can be planned until the program is over. */
const PLANNABLE = [CohortStatus.DRAFT, CohortStatus.ENROLLING, CohortStatus.ACTIVE];

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly jobs: JobsProducer,
  ) {}

  async create(caller: AuthUser, input: CreateSessionInput, loaders: Loaders): Promise<SessionEntity> {
    const cohort = await this.plannableCohort(caller, input.cohortId.toLowerCase(), loaders);
    const startsAt = validInstant(input.startsAt, 'startsAt');
    const session = await this.db.getRepository(SessionEntity).save({
      cohortId: cohort.id,
      title: input.title,
      startsAt,
      durationMinutes: input.durationMinutes,
      meetingUrl: input.meetingUrl ?? null,
      moduleKey: this.moduleKeyFor(cohort, startsAt, input.moduleKey),
      status: SessionStatus.SCHEDULED,
    });
    await this.jobs.sessionsChanged([session]);
    return session;
  }

  /** One session per matching weekday from the cohort's first day up to its end, in its timezone. */
  async scheduleSeries(caller: AuthUser, input: ScheduleSeriesInput, loaders: Loaders): Promise<SessionEntity[]> {
    const cohort = await this.plannableCohort(caller, input.cohortId.toLowerCase(), loaders);
    const occurrences = seriesOccurrences({
      startsOn: cohort.startsOn,
      endsOn: cohortEndsOn(cohort.startsOn, cohort.programWeeks),
      weekdays: input.weekdays,
      localTime: input.localTime,
      timezone: cohort.timezone,
    });
    const seriesId = randomUUID();
    const rows = occurrences.map((startsAt) => ({
      cohortId: cohort.id,
      seriesId,
      title: input.title,
      startsAt,
      durationMinutes: input.durationMinutes,
      meetingUrl: input.meetingUrl ?? null,
      moduleKey: this.moduleKeyFor(cohort, startsAt),
      status: SessionStatus.SCHEDULED,
    }));
    const saved = await this.db.transaction((manager) => manager.getRepository(SessionEntity).save(rows, { chunk: 200 }));
    await this.jobs.sessionsChanged(saved);
    return saved.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  async reschedule(caller: AuthUser, sessionId: string, startsAt: Date, loaders: Loaders): Promise<SessionEntity> {
    const when = validInstant(startsAt, 'startsAt');
    return this.changeSession(caller, sessionId, loaders, (session) => {
      if (session.status === SessionStatus.CANCELLED) throw DomainError.conflict('A cancelled session cannot be rescheduled.');
      session.startsAt = when;
      session.scheduledAt = new Date();
    });
  }

  async cancel(caller: AuthUser, sessionId: string, loaders: Loaders): Promise<SessionEntity> {
    return this.changeSession(caller, sessionId, loaders, (session) => {
      if (session.status === SessionStatus.CANCELLED) throw DomainError.conflict('This session is already cancelled.');
      session.status = SessionStatus.CANCELLED;
    });
  }

  /** Corrects the title or the meeting link; calendars pick the change up like a move. */
  async update(caller: AuthUser, input: UpdateSessionInput, loaders: Loaders): Promise<SessionEntity> {
    return this.changeSession(caller, input.sessionId.toLowerCase(), loaders, (session) => {
      if (input.title != null) session.title = input.title;
      if (input.meetingUrl != null) session.meetingUrl = input.meetingUrl || null;
    });
  }

  /** Cancels every session of a series still to come, each the way cancelSession does. */
  async cancelSeries(caller: AuthUser, seriesId: string, loaders: Loaders): Promise<SessionEntity[]> {
    return this.changeSessions(caller, loaders, (manager) => this.upcomingOfSeries(manager, seriesId), (upcoming) => {
      if (upcoming.length === 0) throw DomainError.conflict('No session of this series is still to come, so there is nothing to cancel.');
      for (const session of upcoming) session.status = SessionStatus.CANCELLED;
    });
  }

  /** Cancels the series' sessions on the given days (YYYY-MM-DD in the cohort's timezone), e.g. holidays. */
  async skipSeriesDates(caller: AuthUser, seriesId: string, dates: string[], loaders: Loaders): Promise<SessionEntity[]> {
    if (dates.length === 0) throw DomainError.badInput('dates', 'Choose at least one day to skip.');
    const wanted = new Set<string>();
    for (const date of dates) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) throw DomainError.badInput('dates', `"${date}" is not a day written YYYY-MM-DD.`);
      wanted.add(date);
    }
    return this.changeSessions(caller, loaders, (manager) => this.upcomingOfSeries(manager, seriesId), async (upcoming, cohortId) => {
      // The access check has just loaded the cohort; its timezone is fixed once sessions exist.
      const cohort = (await loaders.cohortById.load(cohortId)) as CohortEntity;
      const dayOf = (s: SessionEntity) => DateTime.fromJSDate(s.startsAt, { zone: cohort.timezone }).toISODate() as string;
      const chosen = upcoming.filter((s) => wanted.has(dayOf(s)));
      const matched = new Set(chosen.map(dayOf));
      const missing = [...wanted].filter((d) => !matched.has(d));
      if (missing.length) throw DomainError.badInput('dates', `This series has no upcoming session on ${missing.join(', ')}.`);
      for (const session of chosen) session.status = SessionStatus.CANCELLED;
      return chosen;
    });
  }

  async recordAttendance(caller: AuthUser, sessionId: string, clientId: string, status: AttendanceStatus, loaders: Loaders): Promise<AttendanceEntity> {
    const session = await this.requireSession(sessionId);
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: session.cohortId }, loaders);
    if (session.status === SessionStatus.CANCELLED) throw DomainError.conflict('Attendance cannot be recorded for a cancelled session.');
    const seat: { status: EnrollmentStatus }[] = await this.db.query(
      `SELECT status FROM enrollments WHERE cohort_id = $1 AND client_id = $2 AND status = 'ENROLLED'`,
      [session.cohortId, clientId],
    );
    if (seat.length === 0) throw DomainError.badInput('clientId', 'Attendance can only be recorded for clients enrolled in this cohort.');
    const row = { sessionId, clientId, status, recordedById: caller.id, recordedAt: new Date() };
    await this.db.getRepository(AttendanceEntity).upsert(row, ['sessionId', 'clientId']);
    return row as AttendanceEntity;
  }

  async requireSession(sessionId: string): Promise<SessionEntity> {
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id: sessionId });
    if (!session) throw DomainError.notFound('That session');
    return session;
  }

  /** Moves, edits or cancels under a row lock, and bumps the iCalendar SEQUENCE so calendars update. */
  private async changeSession(caller: AuthUser, sessionId: string, loaders: Loaders, change: (s: SessionEntity) => void): Promise<SessionEntity> {
    const [after] = await this.changeSessions(
      caller,
      loaders,
      async (manager) => {
        const session = await manager.getRepository(SessionEntity).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
        if (!session) throw DomainError.notFound('That session');
        return { cohortId: session.cohortId, sessions: [session] };
      },
      ([session]) => change(session),
    );
    return after;
  }

  /**
   * The one way sessions change after planning: rows locked, the caller checked against their
   * cohort, `change` applied (it may return the subset it changed), SEQUENCE bumped, and after
   * commit the reminders moved or dropped.
   */
  private async changeSessions(
    caller: AuthUser,
    loaders: Loaders,
    load: (manager: EntityManager) => Promise<{ cohortId: string; sessions: SessionEntity[] }>,
    change: (sessions: SessionEntity[], cohortId: string) => void | SessionEntity[] | Promise<void | SessionEntity[]>,
  ): Promise<SessionEntity[]> {
    let before: SessionEntity[] = [];
    const after = await this.db.transaction(async (manager: EntityManager) => {
      const { cohortId, sessions } = await load(manager);
      await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId }, loaders);
      const snapshot = new Map(sessions.map((s) => [s.id, { ...s }]));
      const changed = (await change(sessions, cohortId)) ?? sessions;
      before = changed.map((s) => snapshot.get(s.id) as SessionEntity);
      for (const session of changed) session.sequence += 1;
      return manager.getRepository(SessionEntity).save(changed);
    });
    // After commit: move or drop the reminders (a running one re-checks the session anyway).
    await this.jobs.sessionsChanged(after, before);
    return after.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  /** The series' sessions still to come and not cancelled, locked; NOT_FOUND for an unknown series. */
  private async upcomingOfSeries(manager: EntityManager, seriesId: string): Promise<{ cohortId: string; sessions: SessionEntity[] }> {
    const repo = manager.getRepository(SessionEntity);
    const any = await repo.findOne({ where: { seriesId }, select: { id: true, cohortId: true } });
    if (!any) throw DomainError.notFound('That series');
    const sessions = await repo.find({
      where: { seriesId, status: SessionStatus.SCHEDULED, startsAt: MoreThan(new Date()) },
      order: { startsAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return { cohortId: any.cohortId, sessions };
  }

  private async plannableCohort(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<CohortEntity> {
    const cohort = await this.db.getRepository(CohortEntity).findOneBy({ id: cohortId });
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohort }, loaders);
    if (!PLANNABLE.includes(cohort.status)) throw DomainError.conflict(`The cohort is ${cohort.status}; sessions can no longer be planned.`);
    return cohort;
  }

  /** The chosen module, or by default the module of the program week the session falls in. */
  private moduleKeyFor(cohort: CohortEntity, startsAt: Date, chosen?: string): string | null {
    if (chosen) {
      if (!findModule(chosen)) throw DomainError.badInput('moduleKey', `moduleKey "${chosen}" is not a module of the curriculum.`);
      return chosen;
    }
    const week = programWeekOf(startsAt, cohort.startsOn, cohort.timezone, cohort.programWeeks);
    if (week === null) return null;
    // Programs longer than the curriculum repeat its last module for the extra weeks.
    return moduleForWeek(Math.min(week, PROGRAM_WEEKS)).key;
  }
}

function validInstant(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw DomainError.badInput(field, `${field} must be a date and time with an offset.`);
  return value;
}
