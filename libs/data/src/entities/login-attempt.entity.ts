import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per submitted email (hashed) and client IP (hashed), whether or not an account has
 * that email, so the backoff itself does not reveal which emails exist. Each email also has one
 * account-wide row (ip_hash '*') with a looser limit, for attacks spread over many addresses.
 */
@Entity('login_attempts')
@Index('login_attempts_last_failure_at_idx', ['lastFailureAt'])
@Check('login_attempts_failures_check', 'failures >= 0')
export class LoginAttemptEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'text', primaryKeyConstraintName: 'login_attempts_pkey' })
  emailHash: string;

  /** sha256 of the client IP, or '*' for the account-wide row. */
  @PrimaryColumn({ name: 'ip_hash', type: 'text', primaryKeyConstraintName: 'login_attempts_pkey' })
  ipHash: string;

  /** Attempts counted since the last successful login, including ones still being checked. */
  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz', default: () => 'now()' })
  lastFailureAt: Date;
}
