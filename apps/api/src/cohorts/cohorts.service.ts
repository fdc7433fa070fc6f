import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortEntity, UserEntity } from '@anchored/data';
import {
  CohortStatus,
  DEFAULT_PROGRAM_WEEKS,
  DomainError,
  EnrollmentStatus,
  Role,
  assertCohortTransition,
  statusOnCohortCompletion,
} from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';
import { CohortAccessService } from './cohort-access.service';
import type { CreateCohortInput } from './dto/create-cohort.input';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CohortAccessService,
  ) {}

  create(input: CreateCohortInput): Promise<CohortEntity> {
    return this.db.getRepository(CohortEntity).save({
      name: input.name,
      startsOn: input.startsOn,
      timezone: input.timezone,
      capacity: input.capacity,
      programWeeks: input.programWeeks ?? DEFAULT_PROGRAM_WEEKS,
      status: CohortStatus.DRAFT,
    });
  }

  /** The cohorts the caller may see, soonest start first. */
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

  async findVisible(caller: AuthUser, id: string, loaders?: Loaders): Promise<CohortEntity> {
    const cohort = loaders ? await loaders.cohortById.load(id) : await this.db.getRepository(CohortEntity).findOneBy({ id });
    if (!cohort) throw DomainError.notFound('That cohort');
    if (!(await this.access.canView(caller, cohort, loaders))) throw DomainError.forbidden('You do not have access to that cohort.');
    return cohort;
  }

  /**
   * Moves a cohort one step along DRAFT → ENROLLING → ACTIVE → COMPLETED → ARCHIVED. Completing
   * it graduates the enrolled clients and closes applications still waiting.
   */
  setStatus(cohortId: string, status: CohortStatus): Promise<CohortEntity> {
    return this.db.transaction(async (manager) => {
      const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw DomainError.notFound('That cohort');
      assertCohortTransition(cohort.status, status);
      if (status === CohortStatus.COMPLETED) {
        for (const from of [EnrollmentStatus.ENROLLED, EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED]) {
          await manager.query(
            `UPDATE enrollments SET status = $3, decided_at = COALESCE(decided_at, now()), updated_at = now()
             WHERE cohort_id = $1 AND status = $2`,
            [cohortId, from, statusOnCohortCompletion(from)],
          );
        }
      }
      cohort.status = status;
      return manager.getRepository(CohortEntity).save(cohort);
    });
  }

  async assignCoach(cohortId: string, coachId: string): Promise<CohortEntity> {
    const cohort = await this.db.getRepository(CohortEntity).findOneBy({ id: cohortId });
    if (!cohort) throw DomainError.notFound('That cohort');
    if (cohort.status === CohortStatus.ARCHIVED) throw DomainError.conflict('An archived cohort cannot get new coaches.');
    const coach = await this.db.getRepository(UserEntity).findOneBy({ id: coachId });
    if (!coach) throw DomainError.notFound('That coach');
    if (coach.role !== Role.COACH) throw DomainError.badInput('coachId', `${coach.name} is not a coach.`);
    await this.db.query(`INSERT INTO cohort_coaches (cohort_id, coach_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [cohortId, coachId]);
    return cohort;
  }

  async unassignCoach(cohortId: string, coachId: string): Promise<CohortEntity> {
    const cohort = await this.db.getRepository(CohortEntity).findOneBy({ id: cohortId });
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.db.query(`DELETE FROM cohort_coaches WHERE cohort_id = $1 AND coach_id = $2`, [cohortId, coachId]);
    return cohort;
  }
}
