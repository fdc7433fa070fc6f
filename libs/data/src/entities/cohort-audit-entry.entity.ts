import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

/** What an admin did to a cohort's coaches (the GraphQL enum CohortAuditAction). */
export enum CohortAuditAction {
  COACH_ASSIGNED = 'COACH_ASSIGNED',
  COACH_UNASSIGNED = 'COACH_UNASSIGNED',
}

/**
 * Append-only record of coach assignments and removals: who did it, to whom, in which cohort,
 * when. The API only inserts; a trigger refuses UPDATE, DELETE and TRUNCATE, and the foreign keys
 * keep the cohort and the people it names from being deleted under it.
 */
@Entity('cohort_audit_log')
@Index('cohort_audit_log_cohort_at_idx', ['cohortId', 'at'])
export class CohortAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'cohort_audit_log_cohort_fk' })
  cohort?: CohortEntity;

  @Column({ type: 'enum', enum: CohortAuditAction, enumName: 'cohort_audit_action' })
  action: CohortAuditAction;

  @Column({ name: 'coach_id', type: 'uuid' })
  coachId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'coach_id', foreignKeyConstraintName: 'cohort_audit_log_coach_fk' })
  coach?: UserEntity;

  /** The admin who did it. */
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'cohort_audit_log_actor_fk' })
  actor?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
