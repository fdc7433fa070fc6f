import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@anchored/domain';
import { sha256 } from './tokens';

/** Free attempts per email and client IP before the backoff starts (1 s, doubling per failure), and its ceiling. */
const FREE_LOGIN_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;
/**
 * Free attempts per email from all addresses together: looser, so that an attacker on one address
 * cannot lock the owner out from theirs (that address stops long before), while an attack spread
 * over many addresses is still slowed down.
 */
const FREE_ACCOUNT_FAILURES = 25;
/** ip_hash of the account-wide row, which counts attempts from every address. */
export const ANY_IP = '*';
/** Rows untouched for this long (and not locked) are deleted now and then. */
const FORGET_AFTER_HOURS = 24;

export interface LoginClaim {
  emailHash: string;
  ipHash: string;
}

/**
 * Failed-login backoff per submitted email and client IP, plus a looser ceiling per email. Kept in
 * Postgres, so every API instance sees the same counters, and keyed by hashes whether or not an
 * account exists.
 *
 * An attempt is counted *before* its password is checked (`claim`), inside one statement per row
 * that also refuses while locked, so twelve parallel guesses cannot all reach argon2: the row lock
 * of the upsert serializes them and the ones past the limit are refused. A correct password then
 * clears the counters (`reset`); a wrong one leaves the claim counted.
 */
@Injectable()
export class LoginBackoffService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private keys(email: string, ip: string | undefined): LoginClaim {
    return { emailHash: sha256(`login:${email.trim().toLowerCase()}`), ipHash: sha256(`login-ip:${ip ?? 'unknown'}`) };
  }

  /** Counts one attempt for this email from this IP, or refuses with TOO_MANY_REQUESTS while locked. */
  async claim(email: string, ip: string | undefined): Promise<LoginClaim> {
    const keys = this.keys(email, ip);
    await this.db.transaction(async (manager) => {
      // Per address first: a locked address does not add to the account-wide count.
      await this.claimRow(manager, keys.emailHash, keys.ipHash, FREE_LOGIN_FAILURES);
      await this.claimRow(manager, keys.emailHash, ANY_IP, FREE_ACCOUNT_FAILURES);
    });
    if (Math.random() < 0.01) void this.forgetOld().catch(() => undefined);
    return keys;
  }

  /** The right password: this address and the account start afresh. */
  async reset(claim: LoginClaim): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE email_hash = $1 AND ip_hash IN ($2, $3)`, [claim.emailHash, claim.ipHash, ANY_IP]);
  }

  private async claimRow(manager: EntityManager, emailHash: string, ipHash: string, free: number): Promise<void> {
    // The conditional DO UPDATE returns no row while the key is locked: nothing is counted then.
    const claimed: unknown[] = await manager.query(
      `INSERT INTO login_attempts AS a (email_hash, ip_hash, failures, last_failure_at, locked_until)
         VALUES ($1, $2, 1, now(), CASE WHEN 1 >= $3::int THEN now() + make_interval(secs => 1) END)
       ON CONFLICT (email_hash, ip_hash) DO UPDATE SET failures = a.failures + 1, last_failure_at = now(),
         locked_until = CASE WHEN a.failures + 1 >= $3::int
           THEN now() + make_interval(secs => LEAST(power(2, a.failures + 1 - $3::int), $4::int)) END
         WHERE a.locked_until IS NULL OR a.locked_until <= now()
       RETURNING 1`,
      [emailHash, ipHash, free, MAX_LOCK_SECONDS],
    );
    if (claimed.length) return;
    const rows: { locked_until: Date }[] = await manager.query(`SELECT locked_until FROM login_attempts WHERE email_hash = $1 AND ip_hash = $2`, [emailHash, ipHash]);
    const seconds = Math.max(1, Math.ceil(((rows[0]?.locked_until?.getTime() ?? Date.now()) - Date.now()) / 1000));
    throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed logins for this email. Try again in ${seconds} seconds.`);
  }

  private async forgetOld(): Promise<void> {
    await this.db.query(
      `DELETE FROM login_attempts WHERE last_failure_at < now() - make_interval(hours => $1::int) AND (locked_until IS NULL OR locked_until < now())`,
      [FORGET_AFTER_HOURS],
    );
  }
}
