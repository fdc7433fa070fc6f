import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SubmissionStatus } from '@anchored/domain';

@Entity('submissions')
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** Encrypted JSON answers; never stored in the clear. */
  @Column({ name: 'responses_encrypted', type: 'text' })
  responsesEncrypted: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'enum', enum: SubmissionStatus, enumName: 'submission_status', default: SubmissionStatus.SUBMITTED })
  status: SubmissionStatus;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by_id', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
