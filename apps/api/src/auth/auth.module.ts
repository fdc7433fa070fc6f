import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountLinksModule } from '../account-links/account-links.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginBackoffService } from './login-backoff.service';
import { LoginSessionsResolver } from './login-sessions.resolver';
import { LoginSessionsService } from './login-sessions.service';
import { SignUpLimitService } from './sign-up-limit.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule, AccountLinksModule, TwoFactorModule],
  providers: [AuthService, AuthResolver, JwtStrategy, LocalStrategy, LoginBackoffService, SignUpLimitService, LoginSessionsService, LoginSessionsResolver],
  exports: [AuthService, LoginSessionsService],
})
export class AuthModule {}
