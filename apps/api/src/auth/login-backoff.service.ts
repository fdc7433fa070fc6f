import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@anchored/domain';
import { sha256 } from './tokens';

/** Free failures before the backoff starts, and its ceiling. */
export const FREE_LOGIN_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;

/** Seconds an email stays locked after its n-th consecutive failure: 1, 2, 4 … up to 15 minutes. */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOCK_SECONDS);
}

/**
 * Failed-login backoff per submitted email. It is kept in Postgres, so every API instance sees the
 * same counters, and keyed by the email's hash whether or not an account exists.
 */
@Injectable()
export class LoginBackoffService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private key(email: string): string {
    return sha256(`login:${email.trim().toLowerCase()}`);
  }

  async assertNotLocked(email: string): Promise<void> {
    const rows: { locked_until: Date }[] = await this.db.query(
      `SELECT locked_until FROM login_attempts WHERE email_hash = $1 AND locked_until > now()`,
      [this.key(email)],
    );
    if (rows.length) {
      const seconds = Math.max(1, Math.ceil((rows[0].locked_until.getTime() - Date.now()) / 1000));
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed logins for this email. Try again in ${seconds} seconds.`);
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.db.query(
      `INSERT INTO login_attempts (email_hash, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (email_hash) DO UPDATE SET failures = login_attempts.failures + 1, last_failure_at = now(),
         locked_until = CASE WHEN login_attempts.failures + 1 >= $2
           THEN now() + make_interval(secs => LEAST(power(2, login_attempts.failures + 1 - $2), $3)) END`,
      [this.key(email), FREE_LOGIN_FAILURES, MAX_LOCK_SECONDS],
    );
  }

  async reset(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE email_hash = $1`, [this.key(email)]);
  }
}
