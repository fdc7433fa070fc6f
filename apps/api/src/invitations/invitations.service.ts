import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { InvitationEntity } from '@anchored/data';
import { DomainError, Role } from '@anchored/domain';
import { randomToken, sha256 } from '../auth/tokens';
import { UsersService } from '../users/users.service';

export const INVITATION_TTL_DAYS = 14;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    private readonly users: UsersService,
  ) {}

  /** Creates an invitation; the plain token is returned once and only its hash is stored. */
  async invite(email: string, role: Role, invitedById: string): Promise<InvitationEntity & { token: string }> {
    if (await this.users.findByEmail(email)) {
      throw DomainError.conflict('Someone with this email already has an account.');
    }
    const token = randomToken();
    const saved = await this.invitations.save({
      email: email.toLowerCase(),
      role,
      tokenHash: sha256(token),
      invitedById,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      acceptedAt: null,
    });
    return { ...saved, token };
  }

  listOpen(): Promise<InvitationEntity[]> {
    return this.invitations.find({ where: { acceptedAt: IsNull() }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
