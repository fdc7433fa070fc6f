import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

/** What an admin did to a cohort's coaches (the GraphQL enum CohortAuditAction). */
export enum CohortAuditAction {
  COACH_ASSIGNED = 'COACH_ASSIGNED',
  COACH_UNASSIGNED = 'COACH_UNASSIGNED',
}

/**
 * Append-only record of coach assignments and removals: who did it, to whom, in which cohort,
 * when. The API only inserts; a trigger refuses UPDATE, DELETE and TRUNCATE, except that a person
 * who deletes their account is forgotten (their id becomes null); the cohort cannot be deleted under it.
 */
@Entity('cohort_audit_log')
@Index('cohort_audit_log_cohort_at_idx', ['cohortId', 'at'])
export class CohortAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'cohort_audit_log_cohort_fk', onDelete: 'NO ACTION' })
  cohortId: string;

  @Column({ type: 'enum', enum: CohortAuditAction, enumName: 'cohort_audit_action' })
  action: CohortAuditAction;

  /** Null once the coach deleted their account ("a deleted account"); the entry stays. */
  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'cohort_audit_log_coach_fk', onDelete: 'SET NULL' })
  coachId: string | null;

  /** The admin who did it; null once they deleted their account. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'cohort_audit_log_actor_fk', onDelete: 'SET NULL' })
  actorId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
