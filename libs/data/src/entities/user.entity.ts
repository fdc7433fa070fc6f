import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotificationKind, Role } from '@anchored/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Column({ type: 'text', default: 'UTC' })
  timezone: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Secret part of the personal iCal feed URL; rotating it invalidates old subscriptions. */
  @Column({ name: 'calendar_token', type: 'text' })
  calendarToken: string;

  /** Kinds the user wants by email; null means every kind. In-app notifications are always kept. */
  @Column({ name: 'email_kinds', type: 'enum', enum: NotificationKind, enumName: 'notification_kind', array: true, nullable: true })
  emailKinds: NotificationKind[] | null;

  /** Local HH:mm in the user's timezone; no email goes out between start and end. */
  @Column({ name: 'quiet_hours_start', type: 'text', nullable: true })
  quietHoursStart: string | null;

  @Column({ name: 'quiet_hours_end', type: 'text', nullable: true })
  quietHoursEnd: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
