import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { AccountTokenPurpose, UserEntity, notificationDraft } from '@anchored/data';
import { DomainError, ErrorCode, NotificationKind } from '@anchored/domain';
import { NotificationOutbox, OutboxWriter } from '@anchored/jobs';
import { Mailer, linkTo } from '@anchored/mail';
import {
  SecurityEvent,
  renderEmailChangeLink,
  renderPasswordResetLink,
  renderSecurityNotice,
  renderSignUpAttempt,
  renderVerifyEmailLink,
  securityKey,
} from '@anchored/notifications';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { PasswordService } from '../auth/password.service';
import { randomToken, sha256 } from '../auth/tokens';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import { isUniqueViolation } from '../database/pg-errors';
import { AccountLimitsService } from './account-limits.service';

/** How long each kind of link works. */
export const RESET_TTL_SECONDS = 60 * 60;
export const VERIFY_TTL_SECONDS = 24 * 60 * 60;
export const CHANGE_TTL_SECONDS = 24 * 60 * 60;

/** Rate limits, per hour: reset requests per client IP and per address, and the rest per account or address. */
export const LIMITS = {
  resetPerIp: 10,
  resetPerEmail: 3,
  resendPerUser: 3,
  emailChangePerUser: 5,
  /** The "someone tried to sign up with your address" email. */
  signUpNoticePerAddress: 1,
} as const;
const HOUR = 60 * 60;

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';
const TAKEN = 'An account with this email already exists.';

interface TokenRow {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  new_email: string | null;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count] and anything else with rows. */
function rowsOf<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as T[];
}

function normalize(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One-time account links by email: password reset, address verification, address change. The
 * tokens are random, stored only as sha256, used up atomically and expire. Link emails are sent by
 * the API itself, in the background (never awaited by the request, retried a few times); security
 * notices are SECURITY notifications, stored through the outbox and emailed by the worker.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly mailer: Mailer,
    private readonly passwords: PasswordService,
    private readonly backoff: LoginBackoffService,
    private readonly limits: AccountLimitsService,
  ) {}

  private link(path: string, token: string): string {
    return linkTo(this.config.publicUrl, path, token);
  }

  private async limit(key: string, limit: number, message: string): Promise<void> {
    if (!(await this.limits.hit(key, limit, HOUR))) throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, message);
  }

  /**
   * Always true, in the same time whether or not the address has an account: only the rate limits
   * run before the answer. The token (inserted only for an existing user, one statement) and the
   * email are made after it, in the background: a write and an email would otherwise make the
   * answer for a real account measurably slower (npm run bench, password-reset).
   */
  async requestPasswordReset(email: string, ip: string | undefined): Promise<boolean> {
    const address = normalize(email);
    const wait = 'Too many password reset requests. Please wait an hour and try again.';
    await this.limit(`reset-ip:${ip ?? 'unknown'}`, LIMITS.resetPerIp, wait);
    await this.limit(`reset-email:${sha256(address)}`, LIMITS.resetPerEmail, wait);
    this.mailer.deliverLater(async () => {
      const token = randomToken();
      const rows = rowsOf<{ name: string; email: string }>(
        await this.db.query(
          `WITH u AS (SELECT id, name, email FROM users WHERE email = $1),
                t AS (INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
                      SELECT id, 'RESET_PASSWORD', $2, now() + make_interval(secs => $3) FROM u RETURNING user_id)
           SELECT u.name, u.email FROM u JOIN t ON t.user_id = u.id`,
          [address, sha256(token), RESET_TTL_SECONDS],
        ),
      );
      const user = rows[0];
      return user ? { to: user.email, ...renderPasswordResetLink({ recipientName: user.name, link: this.link('/reset-password', token) }) } : null;
    });
    return true;
  }

  /** Sets the new password with a reset link, once; ends every login of the user. */
  async resetPassword(token: string, newPassword: string): Promise<boolean> {
    const passwordHash = await this.passwords.hash(newPassword);
    await this.outbox.transaction(async (manager, outbox) => {
      const row = await this.consume(manager, token, [AccountTokenPurpose.RESET_PASSWORD]);
      const [user] = rowsOf<{ name: string }>(
        await manager.query(
          `UPDATE users SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1 RETURNING name`,
          [row.user_id, passwordHash],
        ),
      );
      if (!user) throw this.invalidLink();
      await this.useUp(manager, row.user_id, [AccountTokenPurpose.RESET_PASSWORD]);
      await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [row.user_id]);
      await this.securityNotice(outbox, row.user_id, user.name, 'PASSWORD_RESET', row.id);
    });
    return true;
  }

  /** Follows a verification or email-change link. A taken address is a CONFLICT and uses up nothing. */
  async confirmEmail(token: string): Promise<boolean> {
    try {
      await this.outbox.transaction(async (manager, outbox) => {
        const row = await this.consume(manager, token, [AccountTokenPurpose.VERIFY_EMAIL, AccountTokenPurpose.CHANGE_EMAIL]);
        if (row.purpose === AccountTokenPurpose.VERIFY_EMAIL) {
          const [, count] = (await manager.query(
            `UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1 AND email = $2`,
            [row.user_id, row.new_email],
          )) as [unknown, number];
          if (!count) throw DomainError.badInput('token', 'This link was for an email address your account no longer uses.');
          return;
        }
        const [user] = rowsOf<{ name: string }>(
          await manager.query(`UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1 RETURNING name`, [row.user_id, row.new_email]),
        );
        if (!user) throw this.invalidLink();
        // Links sent to the old address (resets, verification) and other pending changes end here.
        await this.useUp(manager, row.user_id, [AccountTokenPurpose.RESET_PASSWORD, AccountTokenPurpose.VERIFY_EMAIL, AccountTokenPurpose.CHANGE_EMAIL]);
        await this.securityNotice(outbox, row.user_id, user.name, 'EMAIL_CHANGED', row.id, row.new_email ?? undefined);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw DomainError.conflict(`${TAKEN} Your address was not changed.`);
      throw error;
    }
    return true;
  }

  /** Sends a link to the new address and a SECURITY notice to the current one; nothing changes yet. */
  async requestEmailChange(caller: AuthUser, newEmail: string, currentPassword: string, ip: string | undefined): Promise<boolean> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    await this.limit(`email-change:${user.id}`, LIMITS.emailChangePerUser, 'Too many email change requests. Please wait an hour and try again.');
    // Checked like a login: a stolen access token cannot be used to guess the password quickly.
    const claim = await this.backoff.claim(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) throw DomainError.badInput('currentPassword', WRONG_CURRENT_PASSWORD);
    await this.backoff.reset(claim);
    const address = normalize(newEmail);
    if (address === user.email) throw DomainError.badInput('newEmail', 'This is already your email address.');
    if (await this.db.getRepository(UserEntity).existsBy({ email: address })) throw DomainError.conflict(TAKEN);
    const token = randomToken();
    await this.outbox.transaction(async (manager, outbox) => {
      const [row] = rowsOf<{ id: string }>(
        await manager.query(
          `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, 'CHANGE_EMAIL', $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
          [user.id, sha256(token), address, CHANGE_TTL_SECONDS],
        ),
      );
      await this.securityNotice(outbox, user.id, user.name, 'EMAIL_CHANGE_REQUESTED', row.id, address);
    });
    this.mailer.deliver({ to: address, ...renderEmailChangeLink({ recipientName: user.name, link: this.link('/verify-email', token) }) });
    return true;
  }

  /** Another verification link for the caller's address; true without sending when it is verified already. */
  async resendVerification(caller: AuthUser): Promise<boolean> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    if (user.emailVerifiedAt) return true;
    await this.limit(`verify-resend:${user.id}`, LIMITS.resendPerUser, 'We have sent several links already. Please check your inbox (and spam folder), or try again in an hour.');
    await this.sendVerification(user);
    return true;
  }

  /** The verification link for a new account (or again). */
  async sendVerification(user: Pick<UserEntity, 'id' | 'email' | 'name'>): Promise<void> {
    const token = randomToken();
    await this.db.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, 'VERIFY_EMAIL', $2, $3, now() + make_interval(secs => $4))`,
      [user.id, sha256(token), user.email, VERIFY_TTL_SECONDS],
    );
    this.mailer.deliver({ to: user.email, ...renderVerifyEmailLink({ recipientName: user.name, link: this.link('/verify-email', token) }) });
  }

  /** signUp with a taken address: tells the address's owner, at most once an hour per address. */
  async noticeTakenSignUp(email: string): Promise<void> {
    const address = normalize(email);
    if (!(await this.limits.hit(`signup-notice:${sha256(address)}`, LIMITS.signUpNoticePerAddress, HOUR))) return;
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: address });
    if (!user) return;
    const base = this.config.publicUrl;
    this.mailer.deliver({ to: user.email, ...renderSignUpAttempt({ recipientName: user.name, loginUrl: `${base}/login`, resetUrl: `${base}/forgot-password` }) });
  }

  /** Uses the token up, atomically; a token that is not usable says why and changes nothing. */
  private async consume(manager: EntityManager, token: string, purposes: AccountTokenPurpose[]): Promise<TokenRow> {
    const hash = sha256(token);
    const [row] = rowsOf<TokenRow>(
      await manager.query(
        `UPDATE account_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = ANY($2::account_token_purpose[]) AND used_at IS NULL AND expires_at > now()
          RETURNING id, user_id, purpose, new_email`,
        [hash, purposes],
      ),
    );
    if (row) return row;
    const [found] = rowsOf<{ used: boolean; expired: boolean }>(
      await manager.query(`SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM account_tokens WHERE token_hash = $1 AND purpose = ANY($2::account_token_purpose[])`, [hash, purposes]),
    );
    if (found?.used) throw DomainError.badInput('token', 'This link was already used. Each link works only once; please ask for a new one.');
    if (found?.expired) throw DomainError.badInput('token', 'This link has expired. Please ask for a new one.');
    throw this.invalidLink();
  }

  private invalidLink(): DomainError {
    return DomainError.badInput('token', 'This link is not valid. Please use the newest link we emailed you, or ask for a new one.');
  }

  private async useUp(manager: EntityManager, userId: string, purposes: AccountTokenPurpose[]): Promise<void> {
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = ANY($2::account_token_purpose[]) AND used_at IS NULL`, [userId, purposes]);
  }

  private async securityNotice(outbox: OutboxWriter, userId: string, name: string, event: SecurityEvent, tokenId: string, newEmail?: string): Promise<void> {
    const notice = renderSecurityNotice({ recipientName: name, event, newEmail });
    await outbox.notify([notificationDraft(userId, NotificationKind.SECURITY, securityKey(event, tokenId), notice, undefined, { kind: 'SECURITY', line: notice.subject })]);
  }
}
