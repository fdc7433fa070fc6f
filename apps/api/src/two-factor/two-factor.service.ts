import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { TwoFactorCredentialEntity, TwoFactorRecoveryCodeEntity, UserEntity, notificationDraft } from '@anchored/data';
import { DomainError, ErrorCode, NotificationKind } from '@anchored/domain';
import { NotificationOutbox, OutboxWriter } from '@anchored/jobs';
import { SecurityEvent, renderSecurityNotice, securityKey } from '@anchored/notifications';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { LoginSessionsService } from '../auth/login-sessions.service';
import { PasswordService } from '../auth/password.service';
import type { AuthUser } from '../common/auth-user';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher, twoFactorSecretAad } from '../private-text/private-text-cipher';
import { newTotpSecret, totpStep, totpUri } from './totp';
import {
  RECOVERY_CODE_COUNT,
  SecondFactor,
  newRecoveryCode,
  readSecondFactor,
  recoveryCodeHash,
} from './two-factor-codes';

export const ISSUER = 'Anchored';
export const WRONG_CODE = 'That code is not correct. Use the current code from your authenticator app (or one of your recovery codes).';
export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/**
 * Two-factor sign-in (TOTP) for coaches and admins, on the caller's own account only.
 *
 * Codes: six digits from the authenticator app, accepted one step (30 s) either side of now, each at
 * most once (the step of the last accepted code is kept and only later steps pass, claimed by one
 * conditional UPDATE so two requests cannot both use a code); or one of ten recovery codes, each
 * spent by a conditional UPDATE. Every attempt that checks a code in Settings counts against the
 * login backoff like a password guess, so a stolen access token cannot be used to try codes fast.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly passwords: PasswordService,
    private readonly backoff: LoginBackoffService,
    private readonly logins: LoginSessionsService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** Whether each user has two-factor sign-in on (confirmed), in the order asked. */
  async enabledFor(userIds: readonly string[]): Promise<boolean[]> {
    const rows = await this.db.getRepository(TwoFactorCredentialEntity).find({
      select: { userId: true },
      where: { userId: In([...userIds]), confirmedAt: Not(IsNull()) },
    });
    const on = new Set(rows.map((r) => r.userId));
    return userIds.map((id) => on.has(id));
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.enabledFor([userId]))[0];
  }

  /**
   * A new secret for the caller's authenticator app (replacing a setup not yet confirmed). Nothing
   * changes for logging in until confirmSetup proves the app has it.
   */
  async startSetup(caller: AuthUser): Promise<TwoFactorSetup> {
    const user = await this.requireUser(caller);
    const repo = this.db.getRepository(TwoFactorCredentialEntity);
    const existing = await repo.findOneBy({ userId: user.id });
    if (existing?.confirmedAt) throw DomainError.conflict('Two-factor sign-in is already on. Turn it off first to set up a new authenticator app.');
    const secret = newTotpSecret();
    const secretEncrypted = this.cipher.encrypt(secret, twoFactorSecretAad(user.id));
    await this.db.query(
      `INSERT INTO two_factor_credentials (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, last_used_step = NULL, created_at = now()
         WHERE two_factor_credentials.confirmed_at IS NULL`,
      [user.id, secretEncrypted],
    );
    const otpauthUri = totpUri(ISSUER, user.email, secret);
    const qrCodeDataUrl = await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, otpauthUri, qrCodeDataUrl };
  }

  /**
   * Turns two-factor sign-in on with a current code from the app, and returns ten recovery codes
   * (shown this once; only their hashes are kept). Ends the caller's other logins: they were opened
   * with the password alone. A SECURITY notice tells the person.
   */
  async confirmSetup(caller: AuthUser, code: string, ip?: string): Promise<string[]> {
    const user = await this.requireUser(caller);
    const claim = await this.backoff.claim(user.email, ip);
    const codes = await this.outbox.transaction(async (manager, outbox) => {
      const credential = await this.credentialOf(manager, user.id);
      if (!credential) throw DomainError.badInput('code', 'Start the setup first: there is no authenticator app waiting to be confirmed.');
      if (credential.confirmedAt) throw DomainError.conflict('Two-factor sign-in is already on.');
      const factor = readSecondFactor(code);
      if (factor?.kind !== 'totp' || !(await this.useTotp(manager, credential, factor.code))) throw DomainError.badInput('code', 'That code is not correct. Type the six digits your authenticator app shows now.');
      await manager.getRepository(TwoFactorCredentialEntity).update({ id: credential.id }, { confirmedAt: new Date() });
      const fresh = await this.replaceRecoveryCodes(manager, user.id);
      await this.logins.revokeOtherFamilies(user.id, caller.sessionFamilyId, manager);
      await this.notice(outbox, user, 'TWO_FACTOR_ENABLED');
      return fresh;
    });
    await this.backoff.reset(claim);
    return codes;
  }

  /** Turns it off: needs the current password and a code (or a recovery code). */
  async disable(caller: AuthUser, currentPassword: string, code: string, ip?: string): Promise<boolean> {
    const user = await this.requireUser(caller);
    const claim = await this.backoff.claim(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) throw DomainError.badInput('currentPassword', WRONG_CURRENT_PASSWORD);
    await this.outbox.transaction(async (manager, outbox) => {
      const credential = await this.confirmedCredentialOf(manager, user.id);
      if (!(await this.useSecondFactor(manager, credential, readSecondFactor(code)))) throw DomainError.badInput('code', WRONG_CODE);
      await manager.getRepository(TwoFactorRecoveryCodeEntity).delete({ userId: user.id });
      await manager.getRepository(TwoFactorCredentialEntity).delete({ userId: user.id });
      await this.notice(outbox, user, 'TWO_FACTOR_DISABLED');
    });
    await this.backoff.reset(claim);
    return true;
  }

  /** Ten new recovery codes in place of the old ones (used or not); needs a code. */
  async regenerateRecoveryCodes(caller: AuthUser, code: string, ip?: string): Promise<string[]> {
    const user = await this.requireUser(caller);
    const claim = await this.backoff.claim(user.email, ip);
    const codes = await this.outbox.transaction(async (manager, outbox) => {
      const credential = await this.confirmedCredentialOf(manager, user.id);
      if (!(await this.useSecondFactor(manager, credential, readSecondFactor(code)))) throw DomainError.badInput('code', WRONG_CODE);
      const fresh = await this.replaceRecoveryCodes(manager, user.id);
      await this.notice(outbox, user, 'RECOVERY_CODES_REGENERATED');
      return fresh;
    });
    await this.backoff.reset(claim);
    return codes;
  }

  /**
   * The login's second step, after the right password: nothing to do when two-factor sign-in is off;
   * otherwise TWO_FACTOR_REQUIRED without a code and TWO_FACTOR_INVALID with a wrong, used or stale
   * one. A recovery code is spent here. The caller (AuthService) leaves the backoff claim counted
   * when this throws, exactly as for a wrong password.
   */
  async checkLogin(userId: string, code: string | null | undefined): Promise<void> {
    await this.outbox.transaction(async (manager, outbox) => {
      const credential = await manager.getRepository(TwoFactorCredentialEntity).findOneBy({ userId, confirmedAt: Not(IsNull()) });
      if (!credential) return;
      if (!code?.trim()) {
        throw new DomainError(ErrorCode.TWO_FACTOR_REQUIRED, 'Enter the six-digit code from your authenticator app, or one of your recovery codes.');
      }
      const factor = readSecondFactor(code);
      if (!(await this.useSecondFactor(manager, credential, factor))) {
        throw new DomainError(ErrorCode.TWO_FACTOR_INVALID, 'That code is not correct or was already used. Wait for the next code in your authenticator app, or use a recovery code.');
      }
      if (factor?.kind === 'recovery') {
        // A recovery code is for a lost phone: if it was not them, they hear of it at once.
        const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: userId });
        const left = await manager.getRepository(TwoFactorRecoveryCodeEntity).countBy({ userId, usedAt: IsNull() });
        await this.notice(outbox, user, 'RECOVERY_CODE_USED', left);
      }
    });
  }


  /** How many unused recovery codes the user has left. */
  async recoveryCodesLeft(userId: string): Promise<number> {
    return this.db.getRepository(TwoFactorRecoveryCodeEntity).countBy({ userId, usedAt: IsNull() });
  }

  private async requireUser(caller: AuthUser): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    return user;
  }

  private credentialOf(manager: EntityManager, userId: string): Promise<TwoFactorCredentialEntity | null> {
    return manager.getRepository(TwoFactorCredentialEntity).findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  private async confirmedCredentialOf(manager: EntityManager, userId: string): Promise<TwoFactorCredentialEntity> {
    const credential = await this.credentialOf(manager, userId);
    if (!credential?.confirmedAt) throw DomainError.conflict('Two-factor sign-in is not on for your account.');
    return credential;
  }

  private async useSecondFactor(manager: EntityManager, credential: TwoFactorCredentialEntity, factor: SecondFactor | null): Promise<boolean> {
    if (!factor) return false;
    if (factor.kind === 'totp') return this.useTotp(manager, credential, factor.code);
    const spent = await manager
      .getRepository(TwoFactorRecoveryCodeEntity)
      .update({ userId: credential.userId, codeHash: recoveryCodeHash(credential.userId, factor.code), usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) === 1;
  }

  /** Accepts a code of the previous, current or next step that is later than the last one used, and records its step. */
  private async useTotp(manager: EntityManager, credential: TwoFactorCredentialEntity, token: string): Promise<boolean> {
    const secret = this.cipher.decrypt<string>(credential.secretEncrypted, twoFactorSecretAad(credential.userId));
    const step = await totpStep(secret, token, credential.lastUsedStep);
    if (step == null) return false;
    // Conditional, so two requests with the same code cannot both pass.
    const claimed = await manager
      .createQueryBuilder()
      .update(TwoFactorCredentialEntity)
      .set({ lastUsedStep: step })
      .where('id = :id AND (last_used_step IS NULL OR last_used_step < :step)', { id: credential.id, step })
      .execute();
    return (claimed.affected ?? 0) === 1;
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const repo = manager.getRepository(TwoFactorRecoveryCodeEntity);
    await repo.delete({ userId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await repo.insert(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(userId, code) })));
    return codes;
  }

  private async notice(outbox: OutboxWriter, user: UserEntity, event: SecurityEvent, recoveryCodesLeft?: number): Promise<void> {
    const notice = renderSecurityNotice({ recipientName: user.name, event, recoveryCodesLeft });
    await outbox.notify([notificationDraft(user.id, NotificationKind.SECURITY, securityKey(event, randomUUID()), notice, undefined, { kind: 'SECURITY', line: notice.subject })]);
  }
}
