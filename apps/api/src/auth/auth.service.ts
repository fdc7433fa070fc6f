import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { InvitationEntity, RefreshTokenEntity, UserEntity } from '@anchored/data';
import { DomainError, ErrorCode, Role } from '@anchored/domain';
import { AccountLinksService } from '../account-links/account-links.service';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { UsersService } from '../users/users.service';
import { JWT_ALGORITHM } from './jwt.strategy';
import { LoginBackoffService } from './login-backoff.service';
import { PasswordService } from './password.service';
import { SignUpLimitService } from './sign-up-limit.service';
import { randomToken, sha256 } from './tokens';
import { storedUserAgent } from './user-agent';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  user: UserEntity;
}

/** One message for every wrong email or password, so it never tells which emails exist. */
export const WRONG_CREDENTIALS = 'The email or password is not correct.';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly backoff: LoginBackoffService,
    private readonly signUpLimit: SignUpLimitService,
    private readonly links: AccountLinksService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async signUp(
    input: { email: string; password: string; name: string; timezone?: string },
    ip?: string,
    userAgent?: string,
  ): Promise<IssuedSession> {
    await this.signUpLimit.assertAllowed(ip);
    try {
      const user = await this.users.create({ ...input, role: Role.CLIENT });
      // The account works at once; the link (sent in the background) proves the address.
      await this.links.sendVerification(user);
      return await this.startSession(user, userAgent);
    } catch (error) {
      // "This address has an account" is what harvesting looks for: each one counts against the IP.
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) {
        await this.signUpLimit.recordTaken(ip);
        // The owner hears that someone tried (at most once an hour per address).
        await this.links.noticeTakenSignUp(input.email);
      }
      throw error;
    }
  }

  /**
   * Used by the passport local strategy. With two-factor sign-in on, the right password alone is
   * not a login: a missing or wrong code is refused like a wrong password (the claim stays counted).
   */
  async verifyCredentials(email: string, password: string, ip?: string, totpCode?: string): Promise<UserEntity> {
    // Counted before the (deliberately slow) password check, so parallel guesses cannot overtake the limit.
    const claim = await this.backoff.claim(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    await this.twoFactor.checkLogin(user.id, totpCode);
    await this.backoff.reset(claim);
    return user;
  }

  async acceptInvitation(
    input: { token: string; name: string; password: string; timezone?: string },
    userAgent?: string,
  ): Promise<IssuedSession> {
    const user = await this.db.transaction(async (manager) => {
      const invitation = await manager.getRepository(InvitationEntity).findOne({
        where: { tokenHash: sha256(input.token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.acceptedAt || invitation.revokedAt) {
        throw DomainError.badInput('token', 'This invitation link is not valid or was already used.');
      }
      if (invitation.expiresAt.getTime() < Date.now()) {
        throw DomainError.badInput('token', 'This invitation has expired. Ask for a new one.');
      }
      const created = await this.users.create(
        { email: invitation.email, name: input.name, password: input.password, role: invitation.role, timezone: input.timezone },
        manager,
      );
      await manager.getRepository(InvitationEntity).update({ id: invitation.id }, { acceptedAt: new Date() });
      // The invitation link went to this address: following it proves the address.
      await this.users.markEmailVerified(created.id, manager);
      created.emailVerifiedAt = new Date();
      return created;
    });
    return this.startSession(user, userAgent);
  }

  /** A new login: a new refresh-token family, remembering the browser (User-Agent) it is for. */
  startSession(user: UserEntity, userAgent?: string): Promise<IssuedSession> {
    return this.issue(user, crypto.randomUUID(), storedUserAgent(userAgent));
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated or revoked means it was
   * copied: the whole family is revoked and every device of that login must log in again.
   */
  async refresh(presented: string | undefined, userAgent?: string): Promise<IssuedSession> {
    const invalid = () => DomainError.unauthenticated('Your session has ended. Please log in again.');
    const [id, secret] = (presented ?? '').split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid();

    const tokens = this.db.getRepository(RefreshTokenEntity);
    const stored = await tokens.findOneBy({ id });
    if (!stored || !safeEqual(stored.tokenHash, sha256(secret))) throw invalid();
    if (stored.revokedAt || stored.rotatedAt) {
      await this.revokeFamily(stored.familyId);
      throw invalid();
    }
    if (stored.expiresAt.getTime() <= Date.now()) throw invalid();

    // Only one caller can rotate a token; a concurrent second use counts as reuse.
    const rotated = await tokens.update({ id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: new Date() });
    if (!rotated.affected) {
      await this.revokeFamily(stored.familyId);
      throw invalid();
    }
    const user = await this.users.findById(stored.userId);
    if (!user) throw invalid();
    return this.issue(user, stored.familyId, stored.userAgent ?? storedUserAgent(userAgent));
  }

  async logOut(caller: AuthUser): Promise<boolean> {
    if (caller.sessionFamilyId) await this.revokeFamily(caller.sessionFamilyId);
    return true;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.db.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(user: UserEntity, familyId: string, userAgent: string | null = null): Promise<IssuedSession> {
    const secret = randomToken();
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    const saved = await this.db
      .getRepository(RefreshTokenEntity)
      .save({ userId: user.id, familyId, tokenHash: sha256(secret), expiresAt, userAgent });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role, sid: familyId },
      {
        algorithm: JWT_ALGORITHM,
        secret: this.config.jwtSecret,
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        expiresIn: this.config.accessTokenTtlSeconds,
      },
    );
    return { accessToken, refreshToken: `${saved.id}.${secret}`, user };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
