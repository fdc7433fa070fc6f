import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import type { UserEntity } from '@anchored/data';
import { AuthService } from './auth.service';

/** Email + password login; the GraphQL guard hands the mutation's input to passport as the body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string): Promise<UserEntity> {
    const totpCode: unknown = req.body?.totpCode;
    return this.auth.verifyCredentials(email, password, req.ip, typeof totpCode === 'string' ? totpCode : undefined);
  }
}
