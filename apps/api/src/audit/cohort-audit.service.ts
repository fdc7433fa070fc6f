import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CohortAuditAction, CohortAuditEntryEntity } from '@anchored/data';

/**
 * The audit log of coach assignments. Only ever inserted into, inside the transaction of the change
 * it records; Postgres refuses UPDATE, DELETE and TRUNCATE on the table (migration 1764400000000).
 */
@Injectable()
export class CohortAuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: { cohortId: string; action: CohortAuditAction; coachId: string; actorId: string }): Promise<CohortAuditEntryEntity> {
    const [row]: { id: string; at: Date }[] = await manager.query(
      `INSERT INTO cohort_audit_log (cohort_id, action, coach_id, actor_id) VALUES ($1, $2, $3, $4) RETURNING id, at`,
      [entry.cohortId, entry.action, entry.coachId, entry.actorId],
    );
    return Object.assign(new CohortAuditEntryEntity(), entry, { id: row.id, at: new Date(row.at) });
  }

  /** One cohort's entries, newest first. */
  forCohort(cohortId: string, limit: number, offset: number): Promise<CohortAuditEntryEntity[]> {
    return this.db.getRepository(CohortAuditEntryEntity).find({ where: { cohortId }, order: { at: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }
}
