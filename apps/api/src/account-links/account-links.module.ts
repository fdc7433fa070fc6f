import { Module } from '@nestjs/common';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { UsersModule } from '../users/users.module';
import { AccountLimitsService } from './account-limits.service';
import { AccountLinksResolver } from './account-links.resolver';
import { AccountLinksService } from './account-links.service';

/** Password reset, address verification and address change by one-time emailed links. */
@Module({
  imports: [UsersModule],
  providers: [AccountLinksService, AccountLinksResolver, AccountLimitsService, LoginBackoffService],
  exports: [AccountLinksService],
})
export class AccountLinksModule {}
