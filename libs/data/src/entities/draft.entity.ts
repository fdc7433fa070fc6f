import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/** A client's unsent homework answers (assignment) or a coach's unsent feedback (submission). */
@Entity('drafts')
@Index('drafts_homework_idx', ['assignmentId', 'authorId'], { unique: true, where: 'assignment_id IS NOT NULL' })
@Index('drafts_feedback_idx', ['submissionId', 'authorId'], { unique: true, where: 'submission_id IS NOT NULL' })
@Index('drafts_author_idx', ['authorId'])
@Check('drafts_one_subject', '(assignment_id IS NULL) <> (submission_id IS NULL)')
export class DraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'author_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'drafts_author_id_fkey', onDelete: 'CASCADE' })
  authorId: string;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  @ForeignKey(() => HomeworkAssignmentEntity, { name: 'drafts_assignment_id_fkey', onDelete: 'CASCADE' })
  assignmentId: string | null;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  @ForeignKey(() => SubmissionEntity, { name: 'drafts_submission_id_fkey', onDelete: 'CASCADE' })
  submissionId: string | null;

  /** Encrypted JSON (answers) or text (feedback), bound to the author and the thing. */
  @Column({ name: 'body_encrypted', type: 'text' })
  bodyEncrypted: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
