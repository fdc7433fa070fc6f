import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EmailStatus, NotificationKind } from '@anchored/domain';
import type { NotificationAbout } from '@anchored/notifications';
import { UserEntity } from './user.entity';

const EMAIL_OUTSTANDING = [EmailStatus.PENDING, EmailStatus.SENDING].map((status) => `'${status}'`).join(', ');

/** An in-app notification; its email columns make the table the email outbox too. */
@Entity('notifications')
// Retries and parallel workers collide here instead of notifying (and emailing) twice.
@Unique('notifications_dedupe_key_unique', ['dedupeKey'])
// The migration orders created_at and id DESC, which TypeORM cannot declare
// (schema-drift.integration-spec.ts allows that one difference for this index).
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', ['userId'], { where: 'read_at IS NULL' })
@Index('notifications_email_due_idx', ['emailNotBefore'], { where: `email_status IN (${EMAIL_OUTSTANDING})` })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notifications_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  /** Identifies the recipient, subject and occurrence; unique. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  subject: string;

  /** Plain text; the in-app body and the email's text part. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  html: string;

  /** What it is about (ids, names, titles; never anyone's text), for the app's short line and link; null on older rows. */
  @Column({ type: 'jsonb', nullable: true })
  about: NotificationAbout | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'email_status', type: 'enum', enum: EmailStatus, enumName: 'email_status' })
  emailStatus: EmailStatus;

  /** Quiet hours push delivery to this instant. */
  @Column({ name: 'email_not_before', type: 'timestamptz', default: () => 'now()' })
  emailNotBefore: Date;

  @Column({ name: 'email_attempts', type: 'int', default: 0 })
  emailAttempts: number;

  @Column({ name: 'email_claimed_at', type: 'timestamptz', nullable: true })
  emailClaimedAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ name: 'email_error', type: 'text', nullable: true })
  emailError: string | null;
}
