import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { UsersModule } from '../users/users.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';

@Module({
  imports: [UsersModule, AuthModule],
  providers: [AccountService, AccountResolver, LoginBackoffService],
})
export class AccountModule {}
