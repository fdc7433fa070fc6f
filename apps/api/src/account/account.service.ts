import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity, notificationDraft } from '@anchored/data';
import { DomainError, NotificationKind, Role } from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { renderSecurityNotice, securityKey } from '@anchored/notifications';
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
    private readonly outbox: NotificationOutbox,
  ) {}

  async updateProfile(caller: AuthUser, input: UpdateProfileInput): Promise<UserEntity> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    // A bio is public (shown to visitors with the cohorts a coach runs): clients have none.
    if (input.bio != null && user.role === Role.CLIENT) throw DomainError.forbidden('Only coaches and admins have a public bio.');
    const changes: Partial<Pick<UserEntity, 'name' | 'timezone' | 'bio'>> = {};
    if (input.name != null && input.name !== user.name) changes.name = input.name;
    if (input.timezone != null && input.timezone !== user.timezone) changes.timezone = input.timezone;
    if (input.bio != null && (input.bio || null) !== user.bio) changes.bio = input.bio || null;
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
   * the caller's own stays. A SECURITY notice tells the person (in the app and by email).
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
    await this.outbox.transaction(async (manager, outbox) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.logins.revokeOtherFamilies(user.id, caller.sessionFamilyId, manager);
      // In the app and by email (the worker sends it): if it was not them, they learn at once.
      const notice = renderSecurityNotice({ recipientName: user.name, event: 'PASSWORD_CHANGED' });
      await outbox.notify([notificationDraft(user.id, NotificationKind.SECURITY, securityKey('PASSWORD_CHANGED', randomUUID()), notice, undefined, { kind: 'SECURITY', line: notice.subject })]);
    });
    return true;
  }
}
