import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
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
import type { CreateSessionInput, ScheduleSeriesInput } from './dto/session.inputs';

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

  /** Moves or cancels under a row lock, and bumps the iCalendar SEQUENCE so calendars update. */
  private async changeSession(caller: AuthUser, sessionId: string, loaders: Loaders, change: (s: SessionEntity) => void): Promise<SessionEntity> {
    let before: SessionEntity | undefined;
    const after = await this.db.transaction(async (manager: EntityManager) => {
      const session = await manager.getRepository(SessionEntity).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw DomainError.notFound('That session');
      await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: session.cohortId }, loaders);
      before = { ...session };
      change(session);
      session.sequence += 1;
      return manager.getRepository(SessionEntity).save(session);
    });
    // After commit: move or drop the reminders (a running one re-checks the session anyway).
    await this.jobs.sessionsChanged([after], before ? [before] : []);
    return after;
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
