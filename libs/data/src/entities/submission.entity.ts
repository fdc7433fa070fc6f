import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SubmissionStatus } from '@anchored/domain';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { UserEntity } from './user.entity';

@Entity('submissions')
@Index('submissions_one_per_client', ['assignmentId', 'clientId'], { unique: true })
// The migration orders submitted_at DESC, which TypeORM cannot declare
// (schema-drift.integration-spec.ts allows that one difference for this index).
@Index('submissions_client_idx', ['clientId', 'submittedAt'])
@Index('submissions_legacy_feedback_idx', ['id'], { where: 'feedback IS NOT NULL' })
@Check('submissions_check', `(status = '${SubmissionStatus.REVIEWED}') = (reviewed_at IS NOT NULL)`)
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  @ForeignKey(() => HomeworkAssignmentEntity, { name: 'submissions_assignment_id_fkey', onDelete: 'CASCADE' })
  assignmentId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'submissions_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  /** Encrypted JSON answers; never stored in the clear. */
  @Column({ name: 'responses_encrypted', type: 'text' })
  responsesEncrypted: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'enum', enum: SubmissionStatus, enumName: 'submission_status', default: SubmissionStatus.SUBMITTED })
  status: SubmissionStatus;

  /** The coach's feedback, encrypted like the answers (bound to the same owner, another column). */
  @Column({ name: 'feedback_encrypted', type: 'text', nullable: true })
  feedbackEncrypted: string | null;

  /**
   * Feedback stored in the clear before migration 1764400000000. Never written now: at start the
   * API encrypts what is left here into feedback_encrypted and empties it.
   */
  @Column({ name: 'feedback', type: 'text', nullable: true })
  legacyFeedback: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** Set when the feedback was changed after it was sent. */
  @Column({ name: 'feedback_edited_at', type: 'timestamptz', nullable: true })
  feedbackEditedAt: Date | null;

  @Column({ name: 'reviewed_by_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'submissions_reviewed_by_id_fkey', onDelete: 'SET NULL' })
  reviewedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
