import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { InvitationEntity } from '@anchored/data';
import { DomainError, Role } from '@anchored/domain';
import { Mailer, linkTo } from '@anchored/mail';
import { renderInvitation } from '@anchored/notifications';
import { randomToken, sha256 } from '../auth/tokens';
import { likePattern } from '../common/paging';
import { APP_CONFIG } from '../config.module';
import { InvitationStatus } from './dto/invitation-status';
import { UsersService } from '../users/users.service';

export const INVITATION_TTL_DAYS = 14;

/** The web app's page that accepts an invitation; the token rides as `token=`. */
export const INVITATION_PATH = '/invite';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an invitation and emails its link. The plain token is returned once (the admin may
   * also pass the link on themselves) and only its hash is stored.
   */
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
      expiresAt: this.expiry(),
      acceptedAt: null,
      revokedAt: null,
    });
    await this.email(saved, token);
    return { ...saved, token };
  }

  /** A new link for an open invitation: the old one dies, the clock starts again, and it is emailed. */
  async resend(id: string, invitedById: string): Promise<InvitationEntity> {
    const invitation = await this.open(id);
    const token = randomToken();
    const changes = { tokenHash: sha256(token), expiresAt: this.expiry(), invitedById };
    // Only while still open: an acceptance racing this one wins, and nothing is sent.
    const result = await this.invitations.update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, changes);
    if (!result.affected) throw DomainError.conflict('This invitation was accepted or revoked meanwhile.');
    const updated = { ...invitation, ...changes };
    await this.email(updated, token);
    return updated;
  }

  /** The link stops working at once; the invitation stays listed as revoked. */
  async revoke(id: string): Promise<InvitationEntity> {
    const invitation = await this.open(id);
    const revokedAt = new Date();
    const result = await this.invitations.update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt });
    if (!result.affected) throw DomainError.conflict('This invitation was accepted or revoked meanwhile.');
    return { ...invitation, revokedAt };
  }

  list(status: InvitationStatus, search: string | undefined, limit: number, offset: number): Promise<InvitationEntity[]> {
    const query = this.invitations.createQueryBuilder('i');
    if (status === InvitationStatus.ACCEPTED) query.where('i.accepted_at IS NOT NULL');
    else if (status === InvitationStatus.REVOKED) query.where('i.revoked_at IS NOT NULL');
    else {
      query.where('i.accepted_at IS NULL AND i.revoked_at IS NULL');
      if (status === InvitationStatus.EXPIRED) query.andWhere('i.expires_at <= :now', { now: new Date() });
    }
    const text = search?.trim();
    if (text) query.andWhere('i.email ILIKE :search', { search: likePattern(text.toLowerCase()) });
    return query.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').limit(limit).offset(offset).getMany();
  }

  private async open(id: string): Promise<InvitationEntity> {
    const invitation = await this.invitations.findOneBy({ id });
    if (!invitation) throw DomainError.notFound('That invitation');
    if (invitation.acceptedAt) throw DomainError.conflict('This invitation was already accepted.');
    if (invitation.revokedAt) throw DomainError.conflict('This invitation was revoked. Invite the person again instead.');
    return invitation;
  }

  private expiry(): Date {
    return new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  }

  /** Sent in the background (retried a few times): a slow mail server never holds up the admin. */
  private async email(invitation: InvitationEntity, token: string): Promise<void> {
    const inviter = invitation.invitedById ? await this.users.findById(invitation.invitedById) : null;
    const message = renderInvitation({
      role: invitation.role,
      inviterName: inviter?.name ?? null,
      link: linkTo(this.config.publicUrl, INVITATION_PATH, token),
      expiresAt: invitation.expiresAt,
    });
    this.mailer.deliver({ to: invitation.email, ...message });
  }
}
