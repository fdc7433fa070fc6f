import { Role } from '@anchored/domain';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  /** The login family of the refresh token this access token came with (for logOut). */
  sessionFamilyId?: string;
}
