import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EmailStatus, NotificationKind } from '@anchored/domain';

/** An in-app notification; its email columns make the table the email outbox too. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'email_status', type: 'enum', enum: EmailStatus, enumName: 'email_status' })
  emailStatus: EmailStatus;

  @Column({ name: 'email_not_before', type: 'timestamptz' })
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
