import type { Role } from '@anchored/domain';
import type { UserModel } from './models/user.model';

/** The nil UUID: no user has it, so lookups by it find nobody. */
export const DELETED_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Who a record names once that person deleted their account (docs/privacy.md): the access log
 * keeps the owner's record of a read, the coach audit log its entry, without pointing back to
 * anyone. The role is what the record implies (readers of private text and coaches are coaches,
 * the audit log's actors admins); nothing else about the person is kept.
 */
export function deletedAccount(role: Role): UserModel {
  return { id: DELETED_ACCOUNT_ID, email: '', name: 'A deleted account', role, timezone: 'UTC', bio: null };
}
