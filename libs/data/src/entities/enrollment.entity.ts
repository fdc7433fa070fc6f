import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EnrollmentStatus, OPEN_ENROLLMENT_STATUSES } from '@anchored/domain';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

const OPEN = OPEN_ENROLLMENT_STATUSES.map((status) => `'${status}'`).join(', ');

@Entity('enrollments')
// One open application or seat per client and cohort; closed ones stay as history.
@Index('enrollments_one_open_per_client', ['cohortId', 'clientId'], { unique: true, where: `status IN (${OPEN})` })
@Index('enrollments_cohort_status_idx', ['cohortId', 'status'])
@Index('enrollments_client_idx', ['clientId'])
// The admin's list of applications, oldest first, by status or by cohort.
@Index('enrollments_status_applied_idx', ['status', 'appliedAt', 'id'])
@Index('enrollments_cohort_applied_idx', ['cohortId', 'appliedAt', 'id'])
@Index('enrollments_waitlist_idx', ['cohortId', 'waitlistedAt', 'id'], { where: `status = '${EnrollmentStatus.WAITLISTED}'` })
@Index('enrollments_legacy_motivation_idx', ['id'], { where: 'motivation IS NOT NULL' })
@Check('enrollments_check', `status <> '${EnrollmentStatus.WAITLISTED}' OR waitlisted_at IS NOT NULL`)
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'enrollments_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'enrollments_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'enum', enum: EnrollmentStatus, enumName: 'enrollment_status', default: EnrollmentStatus.APPLIED })
  status: EnrollmentStatus;

  /** Why the client applied, encrypted (bound to the client and the cohort). */
  @Column({ name: 'motivation_encrypted', type: 'text', nullable: true })
  motivationEncrypted: string | null;

  /** Stored in the clear before migration 1764400000000; never written now, emptied at start. */
  @Column({ name: 'motivation', type: 'text', nullable: true })
  legacyMotivation: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** When the client joined the waitlist; orders the line (first come, first served). */
  @Column({ name: 'waitlisted_at', type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  /** WITHDRAWN by the program team (an admin), not by the client themself. */
  @Column({ name: 'withdrawn_by_team', type: 'boolean', default: false })
  withdrawnByTeam: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
