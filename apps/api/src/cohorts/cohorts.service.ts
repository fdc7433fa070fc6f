import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CohortAuditAction, CohortEntity, EnrollmentEntity, NotificationDraft, SessionEntity, UserEntity, notificationDraft } from '@anchored/data';
import {
  CohortStatus,
  DEFAULT_PROGRAM_WEEKS,
  DomainError,
  EnrollmentStatus,
  NotificationKind,
  Permission,
  Role,
  assertCohortTransition,
  cohortEndsOn,
  statusOnCohortCompletion,
  weeklyMeetingPattern,
} from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { coachAssignedKey, enrollmentUpdateKey, renderCoachAssigned, renderEnrollmentUpdate } from '@anchored/notifications';
import { AccessService } from '../access/access.service';
import { CohortAuditService } from '../audit/cohort-audit.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';
import type { CreateCohortInput } from './dto/create-cohort.input';
import type { UpdateCohortInput } from './dto/update-cohort.input';
import type { OpenCohortModel } from './models/open-cohort.model';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly outbox: NotificationOutbox,
    private readonly audit: CohortAuditService,
  ) {}

  create(input: CreateCohortInput): Promise<CohortEntity> {
    return this.db.getRepository(CohortEntity).save({
      name: input.name,
      description: input.description || null,
      startsOn: input.startsOn,
      timezone: input.timezone,
      capacity: input.capacity,
      programWeeks: input.programWeeks ?? DEFAULT_PROGRAM_WEEKS,
      status: CohortStatus.DRAFT,
    });
  }

  /**
   * Name, description, capacity (never below the seats taken) and, before anything is planned in
   * it, the timezone. The row is locked so a concurrent acceptance cannot slip under a new capacity.
   */
  async update(cohortId: string, input: UpdateCohortInput): Promise<CohortEntity> {
    return this.db.transaction(async (manager) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw DomainError.notFound('That cohort');
      if (input.capacity != null && input.capacity !== cohort.capacity) {
        const enrolled = await manager.getRepository(EnrollmentEntity).countBy({ cohortId, status: EnrollmentStatus.ENROLLED });
        if (input.capacity < enrolled) {
          throw DomainError.badInput('capacity', `capacity cannot be below the ${enrolled} seats already taken; withdraw someone first.`);
        }
        cohort.capacity = input.capacity;
      }
      if (input.timezone != null && input.timezone !== cohort.timezone) {
        // Sessions are stored as instants planned on the old zone's wall clock, and a running
        // program's weeks and reminders follow it: the zone only moves before either exists.
        if (cohort.status !== CohortStatus.DRAFT && cohort.status !== CohortStatus.ENROLLING) {
          throw DomainError.conflict('The timezone can only change before the program starts.');
        }
        const sessions = await manager.getRepository(SessionEntity).countBy({ cohortId });
        if (sessions > 0) throw DomainError.conflict('Sessions are already scheduled in the current timezone; cancel them before changing it.');
        cohort.timezone = input.timezone;
      }
      if (input.name != null) cohort.name = input.name;
      if (input.description != null) cohort.description = input.description || null;
      return manager.getRepository(CohortEntity).save(cohort);
    });
  }

  /**
   * Every cohort taking applications, as a visitor may see it: three queries whatever the number
   * of cohorts (cohorts with their seat counts, their scheduled sessions, their coaches).
   */
  async openCohorts(now = new Date()): Promise<OpenCohortModel[]> {
    const cohorts: { id: string; name: string; description: string | null; starts_on: string; program_weeks: number; timezone: string; capacity: number; enrolled: number }[] =
      await this.db.query(
        `SELECT c.id, c.name, c.description, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, c.program_weeks, c.timezone, c.capacity,
                (SELECT count(*)::int FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'ENROLLED') AS enrolled
         FROM cohorts c WHERE c.status = $1 ORDER BY c.starts_on, c.name`,
        [CohortStatus.ENROLLING],
      );
    if (cohorts.length === 0) return [];
    const ids = cohorts.map((c) => c.id);
    const sessions: { cohort_id: string; starts_at: Date; duration_minutes: number }[] = await this.db.query(
      `SELECT cohort_id, starts_at, duration_minutes FROM sessions WHERE cohort_id = ANY($1::uuid[]) AND status = 'SCHEDULED'`,
      [ids],
    );
    const coaches: { cohort_id: string; name: string; bio: string | null }[] = await this.db.query(
      `SELECT cc.cohort_id, u.name, u.bio FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id WHERE cc.cohort_id = ANY($1::uuid[]) ORDER BY u.name`,
      [ids],
    );
    return cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      startsOn: c.starts_on,
      endsOn: cohortEndsOn(c.starts_on, c.program_weeks),
      timezone: c.timezone,
      capacity: c.capacity,
      seatsLeft: Math.max(c.capacity - c.enrolled, 0),
      meetings: weeklyMeetingPattern(
        sessions.filter((s) => s.cohort_id === c.id).map((s) => ({ startsAt: s.starts_at, durationMinutes: s.duration_minutes })),
        c.timezone,
        now,
      ),
      coaches: coaches.filter((k) => k.cohort_id === c.id).map(({ name, bio }) => ({ name, bio })),
    }));
  }

  /** The cohorts the caller may see, soonest start first: the VIEW_COHORT rule of the access policy, as a query. */
  async listFor(caller: AuthUser): Promise<CohortEntity[]> {
    const qb = this.db.getRepository(CohortEntity).createQueryBuilder('c').orderBy('c.starts_on', 'ASC').addOrderBy('c.name', 'ASC');
    if (caller.role === Role.COACH) {
      qb.where(`EXISTS (SELECT 1 FROM cohort_coaches cc WHERE cc.cohort_id = c.id AND cc.coach_id = :me)`, { me: caller.id });
    } else if (caller.role === Role.CLIENT) {
      qb.where(`c.status = :enrolling OR EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.client_id = :me)`, {
        enrolling: CohortStatus.ENROLLING,
        me: caller.id,
      });
    }
    return qb.getMany();
  }

  async findVisible(caller: AuthUser, id: string, loaders: Loaders): Promise<CohortEntity> {
    const cohort = await loaders.cohortById.load(id);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.VIEW_COHORT, { cohort }, loaders);
    return cohort;
  }

  /**
   * Moves a cohort one step along DRAFT → ENROLLING → ACTIVE → COMPLETED → ARCHIVED. Completing
   * it graduates the enrolled clients and closes applications still waiting.
   */
  async setStatus(cohortId: string, status: CohortStatus): Promise<CohortEntity> {
    return this.outbox.transaction(async (manager, outbox) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw DomainError.notFound('That cohort');
      assertCohortTransition(cohort.status, status);
      if (status === CohortStatus.COMPLETED) {
        for (const from of [EnrollmentStatus.ENROLLED, EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED]) {
          const [moved]: [{ id: string; client_id: string; updated_at: Date }[], number] = await manager.query(
            `UPDATE enrollments SET status = $3, decided_at = COALESCE(decided_at, now()), updated_at = now()
             WHERE cohort_id = $1 AND status = $2 RETURNING id, client_id, updated_at`,
            [cohortId, from, statusOnCohortCompletion(from)],
          );
          // New alumni hear about it, in the same transaction as their graduation.
          if (from === EnrollmentStatus.ENROLLED && moved.length) await outbox.notify(await this.graduationDrafts(manager, cohort, moved));
        }
      }
      cohort.status = status;
      return manager.getRepository(CohortEntity).save(cohort);
    });
  }

  private async graduationDrafts(
    manager: EntityManager,
    cohort: CohortEntity,
    graduates: { id: string; client_id: string; updated_at: Date }[],
  ): Promise<NotificationDraft[]> {
    const names: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [graduates.map((g) => g.client_id)]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return graduates.map((g) => {
      const message = renderEnrollmentUpdate({
        recipientName: nameOf.get(g.client_id) ?? '',
        cohortName: cohort.name,
        status: EnrollmentStatus.GRADUATED,
        waitlistPosition: null,
        promoted: false,
      });
      const key = enrollmentUpdateKey(g.id, EnrollmentStatus.GRADUATED, new Date(g.updated_at));
      return notificationDraft(g.client_id, NotificationKind.ENROLLMENT_UPDATE, key, message, undefined, {
        kind: 'ENROLLMENT_UPDATE',
        cohortId: cohort.id,
        cohortName: cohort.name,
        status: 'GRADUATED',
        promoted: false,
        waitlistPosition: null,
      });
    });
  }

  /**
   * Adds a coach, who can then read the cohort's homework answers. In one transaction: the
   * assignment, an append-only audit entry naming the admin, and a notification to every ENROLLED
   * client. Assigning a coach who is already assigned changes nothing and records nothing.
   */
  async assignCoach(caller: AuthUser, cohortId: string, coachId: string): Promise<CohortEntity> {
    return this.outbox.transaction(async (manager, outbox) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw DomainError.notFound('That cohort');
      if (cohort.status === CohortStatus.ARCHIVED) throw DomainError.conflict('An archived cohort cannot get new coaches.');
      const coach = await manager.getRepository(UserEntity).findOneBy({ id: coachId });
      if (!coach) throw DomainError.notFound('That coach');
      if (coach.role !== Role.COACH) throw DomainError.badInput('coachId', `${coach.name} is not a coach.`);
      const [added] = await manager.query(
        `INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING coach_id`,
        [cohortId, coachId],
      );
      if (!added) return cohort;
      const entry = await this.audit.record(manager, { cohortId, action: CohortAuditAction.COACH_ASSIGNED, coachId, actorId: caller.id });
      await outbox.notify(await this.coachAssignedDrafts(manager, cohort, coach, entry.id));
      return cohort;
    });
  }

  /** Removes a coach, with an audit entry naming the admin; removing one who is not assigned records nothing. */
  async unassignCoach(caller: AuthUser, cohortId: string, coachId: string): Promise<CohortEntity> {
    return this.db.transaction(async (manager) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw DomainError.notFound('That cohort');
      // TypeORM returns [rows, affected count] for DELETE ... RETURNING.
      const [removed]: [unknown[], number] = await manager.query(`DELETE FROM cohort_coaches WHERE cohort_id = $1 AND coach_id = $2 RETURNING coach_id`, [
        cohortId,
        coachId,
      ]);
      if (removed.length) await this.audit.record(manager, { cohortId, action: CohortAuditAction.COACH_UNASSIGNED, coachId, actorId: caller.id });
      return cohort;
    });
  }

  /** Every ENROLLED client hears who can now read their homework (names only, nothing they wrote). */
  private async coachAssignedDrafts(manager: EntityManager, cohort: CohortEntity, coach: UserEntity, auditEntryId: string): Promise<NotificationDraft[]> {
    const clients: { id: string; name: string }[] = await manager.query(
      `SELECT u.id, u.name FROM enrollments e JOIN users u ON u.id = e.client_id WHERE e.cohort_id = $1 AND e.status = $2`,
      [cohort.id, EnrollmentStatus.ENROLLED],
    );
    return clients.map((client) =>
      notificationDraft(
        client.id,
        NotificationKind.COACH_ASSIGNED,
        coachAssignedKey(auditEntryId, client.id),
        renderCoachAssigned({ recipientName: client.name, coachName: coach.name, cohortName: cohort.name }),
        undefined,
        { kind: 'COACH_ASSIGNED', cohortId: cohort.id, cohortName: cohort.name, coachName: coach.name },
      ),
    );
  }
}
