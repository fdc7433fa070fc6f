import { Module } from '@nestjs/common';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { EnrollmentModule } from '../enrollment/enrollment.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionResolver } from './account-deletion.resolver';
import { AccountDeletionService } from './account-deletion.service';

@Module({ imports: [UsersModule, EnrollmentModule], providers: [AccountDeletionService, AccountDeletionResolver, LoginBackoffService] })
export class AccountDeletionModule {}
