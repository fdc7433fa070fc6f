import { registerEnumType } from '@nestjs/graphql';

/** Where an invitation stands, for the admin's list. */
export enum InvitationStatus {
  /** Neither accepted nor revoked (its link may have expired). */
  PENDING = 'PENDING',
  /** Pending, but past its expiry: the link no longer works. */
  EXPIRED = 'EXPIRED',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}

registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
