import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import { LoginSessionsService } from './login-sessions.service';

export const JWT_ALGORITHM = 'HS256';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The login (refresh-token family) the token was issued with. */
  sid?: string;
}

/** One check per HTTP request, however many root fields it asks for (the guard runs per field). */
const liveChecks = new WeakMap<Request, Promise<boolean>>();

/**
 * Records that this request's login was already found live for this token (the response cache
 * checks it before execution), so the guard does not look it up a second time.
 */
export function knownLive(req: Request): void {
  liveChecks.set(req, Promise.resolve(true));
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly logins: LoginSessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /**
   * A valid signature is not enough: the token's login must still be live, so "Log out" on one
   * login (or ending every other login) stops its access tokens at once, not when they expire.
   * Returning null makes the guard answer UNAUTHENTICATED.
   */
  async validate(req: Request, claims: AccessTokenClaims): Promise<AuthUser | null> {
    if (!claims.sid) return null;
    let check = liveChecks.get(req);
    if (!check) {
      check = this.logins.isLive(claims.sub, claims.sid);
      liveChecks.set(req, check);
    }
    if (!(await check)) return null;
    return { id: claims.sub, role: claims.role, sessionFamilyId: claims.sid };
  }
}
