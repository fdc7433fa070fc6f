import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { LoginSessionsService } from '../auth/login-sessions.service';
import { UsersModule } from '../users/users.module';
import { TwoFactorSetupGuard } from './two-factor-setup.guard';
import { TwoFactorResolver } from './two-factor.resolver';
import { TwoFactorService } from './two-factor.service';

/**
 * Two-factor sign-in for staff. Imported by AuthModule (logIn asks TwoFactorService for the second
 * step), so it takes the small stateless auth services it needs as its own providers instead of
 * importing AuthModule back; the password hasher comes from UsersModule, one instance for the app.
 */
@Module({
  imports: [UsersModule],
  providers: [TwoFactorService, TwoFactorResolver, LoginBackoffService, LoginSessionsService, { provide: APP_GUARD, useClass: TwoFactorSetupGuard }],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
