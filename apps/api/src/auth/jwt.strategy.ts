import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';

export const JWT_ALGORITHM = 'HS256';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid?: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser {
    return { id: claims.sub, role: claims.role, sessionFamilyId: claims.sid };
  }
}
