import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { RefreshTokenEntity } from '@anchored/data';
import { DomainError } from '@anchored/domain';

export interface LoginSession {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

/**
 * A "login" is one refresh-token family: it starts at logIn/signUp and rotates on every refresh.
 * Revoking a family ends that login everywhere: its refresh token stops working, and so do the
 * access tokens issued with it (the JWT strategy asks isLive on every request).
 */
@Injectable()
export class LoginSessionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Whether the login is still live: one indexed lookup (refresh_tokens_family_idx) per request.
   * Expiry of the refresh token does not matter here: the access token's own expiry covers that.
   */
  async isLive(userId: string, familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL LIMIT 1`,
      [familyId, userId],
    );
    return rows.length > 0;
  }

  /** The user's live logins, most recently used first; `current` marks the caller's own. */
  async list(userId: string, currentFamilyId?: string): Promise<LoginSession[]> {
    const rows: { id: string; created_at: Date; last_used_at: Date; user_agent: string | null }[] = await this.db.query(
      `SELECT t.family_id AS id, t.last_used_at, t.user_agent,
              (SELECT min(f.created_at) FROM refresh_tokens f WHERE f.family_id = t.family_id) AS created_at
         FROM refresh_tokens t
        WHERE t.user_id = $1 AND t.revoked_at IS NULL AND t.rotated_at IS NULL AND t.expires_at > now()
        ORDER BY t.last_used_at DESC, t.family_id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      userAgent: r.user_agent,
      current: r.id === currentFamilyId,
    }));
  }

  /** Ends one of the user's own logins; someone else's (or an ended one) is NOT_FOUND and stays as it is. */
  async revokeOwn(userId: string, familyId: string): Promise<boolean> {
    const result = await this.db
      .getRepository(RefreshTokenEntity)
      .update({ userId, familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw DomainError.notFound('Login');
    return true;
  }

  /** Ends one login (a refresh-token family). Returns whether anything was still live. */
  async revokeFamily(familyId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const result = await manager
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Ends every login of the user except `exceptFamilyId` (e.g. the login that just changed the
   * password). Without `exceptFamilyId` it ends every login, like revokeAllFamilies.
   */
  async revokeOtherFamilies(userId: string, exceptFamilyId?: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update(
      exceptFamilyId
        ? { userId, familyId: Not(exceptFamilyId), revokedAt: IsNull() }
        : { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Ends every login of the user (e.g. after a password reset). */
  revokeAllFamilies(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    return this.revokeOtherFamilies(userId, undefined, manager);
  }
}
