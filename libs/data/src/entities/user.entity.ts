import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotificationKind, Role } from '@anchored/domain';

/** Local time of day, HH:mm (24 h). */
const HH_MM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

@Entity('users')
@Index('users_email_key', ['email'], { unique: true })
@Index('users_role_idx', ['role'])
// The admin's list of people, by name, optionally of one role.
@Index('users_name_idx', ['name', 'id'])
@Index('users_role_name_idx', ['role', 'name', 'id'])
@Index('users_calendar_token_hash_key', ['calendarTokenHash'], { unique: true })
@Index('users_calendar_token_key', ['legacyCalendarToken'], { unique: true })
@Check('users_email_check', 'email = lower(email)')
@Check('users_name_check', 'length(btrim(name)) > 0')
@Check('users_quiet_hours_start_check', `quiet_hours_start ~ '${HH_MM}'`)
@Check('users_quiet_hours_end_check', `quiet_hours_end ~ '${HH_MM}'`)
@Check('users_check_in_reminder_time_check', `check_in_reminder_time ~ '${HH_MM}'`)
@Index('users_check_in_reminder_idx', ['id'], { where: 'check_in_reminder_time IS NOT NULL' })
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

  /**
   * sha256 (hex) of the secret part of the personal iCal feed URL: feeds are looked up by it, so a
   * copy of the database opens no feed. Rotating the token invalidates old subscriptions.
   */
  @Column({ name: 'calendar_token_hash', type: 'text', nullable: true })
  calendarTokenHash: string | null;

  /** The same secret, encrypted, so the settings screen can show the user their URL again. */
  @Column({ name: 'calendar_token_encrypted', type: 'text', nullable: true })
  calendarTokenEncrypted: string | null;

  /**
   * The secret in the clear, as stored before migration 1764400000000 (and by tools that insert
   * users directly). Never written by the API; at start it seals what is left here and empties it.
   */
  @Column({ name: 'calendar_token', type: 'text', nullable: true })
  legacyCalendarToken: string | null;

  /** Kinds the user wants by email; null means every kind. In-app notifications are always kept. */
  @Column({ name: 'email_kinds', type: 'enum', enum: NotificationKind, enumName: 'notification_kind', array: true, nullable: true })
  emailKinds: NotificationKind[] | null;

  /** Local HH:mm in the user's timezone; no email goes out between start and end. */
  @Column({ name: 'quiet_hours_start', type: 'text', nullable: true })
  quietHoursStart: string | null;

  @Column({ name: 'quiet_hours_end', type: 'text', nullable: true })
  quietHoursEnd: string | null;

  /** Local HH:mm of the daily check-in reminder (CHECK_IN_REMINDER); null: none. */
  @Column({ name: 'check_in_reminder_time', type: 'text', nullable: true })
  checkInReminderTime: string | null;

  /** When the person last proved they read `email` (a link sent to it was followed); null: not yet. */
  /** A coach's short public introduction (shown with the cohorts they run). */
  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
