import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per submitted email (hashed), whether or not an account has that email, so the
 * backoff itself does not reveal which emails exist.
 */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'text' })
  emailHash: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
