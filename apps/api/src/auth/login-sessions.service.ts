import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { RefreshTokenEntity } from '@anchored/data';

/**
 * A "login" is one refresh-token family: it starts at logIn/signUp and rotates on every refresh.
 * Revoking a family ends that login everywhere: its refresh token stops working, and so do the
 * access tokens issued with it (the JWT strategy checks the family on every request).
 */
@Injectable()
export class LoginSessionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
