import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortEntity } from '@anchored/data';
import { CohortStatus, DomainError, Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';

/**
 * Who may see and who may run a cohort. Admins: every cohort. Coaches: the cohorts they are
 * assigned to. Clients: cohorts open for applications and those they have applied to.
 */
@Injectable()
export class CohortAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isCoachOf(caller: AuthUser, cohortId: string, loaders?: Loaders): Promise<boolean> {
    if (caller.role !== Role.COACH) return false;
    if (loaders) return (await loaders.coachIdsByCohortId.load(cohortId)).includes(caller.id);
    const rows = await this.db.query(`SELECT 1 FROM cohort_coaches WHERE cohort_id = $1 AND coach_id = $2`, [cohortId, caller.id]);
    return rows.length > 0;
  }

  /** Admins and the cohort's coaches: enrollments, sessions, attendance, progress. */
  async canManage(caller: AuthUser, cohortId: string, loaders?: Loaders): Promise<boolean> {
    return caller.role === Role.ADMIN || this.isCoachOf(caller, cohortId, loaders);
  }

  async canView(caller: AuthUser, cohort: CohortEntity, loaders?: Loaders): Promise<boolean> {
    if (await this.canManage(caller, cohort.id, loaders)) return true;
    if (caller.role !== Role.CLIENT) return false;
    if (cohort.status === CohortStatus.ENROLLING) return true;
    const rows = await this.db.query(`SELECT 1 FROM enrollments WHERE cohort_id = $1 AND client_id = $2 LIMIT 1`, [cohort.id, caller.id]);
    return rows.length > 0;
  }

  /**
   * The program itself (sessions, assignments): admins, the cohort's coaches, and clients who hold
   * or held a seat (ENROLLED or GRADUATED).
   */
  async canFollowProgram(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<boolean> {
    if (await this.canManage(caller, cohortId, loaders)) return true;
    return caller.role === Role.CLIENT && (await loaders.seatStatus.load(`${cohortId}:${caller.id}`)) !== undefined;
  }

  async assertCanFollowProgram(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<void> {
    if (!(await this.canFollowProgram(caller, cohortId, loaders))) {
      throw DomainError.forbidden("Only this cohort's clients, its coaches and admins may see its program.");
    }
  }

  async assertCanManage(caller: AuthUser, cohortId: string, loaders?: Loaders): Promise<void> {
    if (!(await this.canManage(caller, cohortId, loaders))) {
      throw DomainError.forbidden("Only admins and this cohort's coaches may do that.");
    }
  }
}
