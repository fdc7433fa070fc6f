import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '@anchored/data';
import { DomainError } from '@anchored/domain';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { LoginSessionsService } from '../auth/login-sessions.service';
import { PasswordService } from '../auth/password.service';
import type { AuthUser } from '../common/auth-user';
import { JobsProducer } from '../jobs/jobs-producer.service';
import type { UpdateProfileInput } from './dto/update-profile.input';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';

/** The caller's own account: their profile and their password. Nobody changes anyone else's. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly backoff: LoginBackoffService,
    private readonly logins: LoginSessionsService,
    private readonly jobs: JobsProducer,
  ) {}

  async updateProfile(caller: AuthUser, input: UpdateProfileInput): Promise<UserEntity> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    const changes: Partial<Pick<UserEntity, 'name' | 'timezone'>> = {};
    if (input.name != null && input.name !== user.name) changes.name = input.name;
    if (input.timezone != null && input.timezone !== user.timezone) changes.timezone = input.timezone;
    if (Object.keys(changes).length === 0) return user;
    await repo.update({ id: user.id }, changes);
    Object.assign(user, changes);
    // Emails held for quiet hours were timed on the old wall clock: the worker times them again.
    // Reminders not yet written read the new timezone when they are.
    if (changes.timezone) await this.jobs.recipientChanged(user.id);
    return user;
  }

  /**
   * Needs the current password, checked like a login (it counts against the same backoff, so a
   * stolen access token cannot be used to guess it quickly). Ends every other login of the user;
   * the caller's own stays.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string, ip?: string): Promise<boolean> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    const claim = await this.backoff.claim(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw DomainError.badInput('currentPassword', WRONG_CURRENT_PASSWORD);
    }
    await this.backoff.reset(claim);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.db.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.logins.revokeOtherFamilies(user.id, caller.sessionFamilyId, manager);
    });
    return true;
  }
}
