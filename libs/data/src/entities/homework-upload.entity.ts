import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/**
 * A file or voice note a client attached to an UPLOAD field. Its type was read from its bytes
 * (libs/domain uploads.ts); served only to the client, the cohort's coaches and admins.
 */
@Entity('homework_uploads')
@Index('homework_uploads_assignment_client_idx', ['assignmentId', 'clientId'])
@Index('homework_uploads_client_idx', ['clientId'])
@Index('homework_uploads_submission_idx', ['submissionId'])
// data is the encrypted file (PrivateTextCipher.encryptBytes): a little longer than size_bytes.
@Check('homework_uploads_size_check', 'size_bytes > 0 AND size_bytes <= 5242880 AND octet_length(data) > size_bytes')
export class HomeworkUploadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  @ForeignKey(() => HomeworkAssignmentEntity, { name: 'homework_uploads_assignment_id_fkey', onDelete: 'CASCADE' })
  assignmentId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'homework_uploads_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  /** Set when an answer that names it is sent; until then only its client can fetch it. */
  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  @ForeignKey(() => SubmissionEntity, { name: 'homework_uploads_submission_id_fkey', onDelete: 'CASCADE' })
  submissionId: string | null;

  @Column({ name: 'field_key', type: 'text' })
  fieldKey: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  /** The file, encrypted; not loaded with the row: only the download reads it. */
  @Column({ type: 'bytea', select: false })
  data: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
