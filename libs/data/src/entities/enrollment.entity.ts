import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EnrollmentStatus } from '@anchored/domain';

@Entity('enrollments')
@Index('enrollments_legacy_motivation_idx', ['id'], { where: 'motivation IS NOT NULL' })
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ name: 'client_id', type: 'uuid' })
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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
