import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity } from '@anchored/data';
import { DomainError, EnrollmentStatus, Role } from '@anchored/domain';
import { LoginBackoffService } from '../auth/login-backoff.service';
import { PasswordService } from '../auth/password.service';
import type { AuthUser } from '../common/auth-user';
import { EnrollmentService } from '../enrollment/enrollment.service';
import type { Loaders } from '../loaders/loaders';

export const WRONG_PASSWORD_TO_DELETE = 'Your current password is not correct.';

/** Seats and applications that are still open: withdrawn (seats freed, the waitlist moved on) before the account goes. */
const OPEN = [EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.ENROLLED];

/**
 * "Delete my account" (docs/privacy.md): erases the person. Deleting the user row lets the
 * foreign keys do the rest — their answers, feedback, enrollments with motivations, notifications,
 * logins, exports, two-factor secret and recovery codes, and their own access log go (ON DELETE CASCADE); what others still need keeps
 * its row without them (attendance, access-log reads they made, coach audit entries, assignments
 * and reviews: ON DELETE SET NULL). Rows that name them by email (invitations, login attempts)
 * are deleted here.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly backoff: LoginBackoffService,
    private readonly enrollment: EnrollmentService,
  ) {}

  async deleteMyAccount(caller: AuthUser, currentPassword: string, ip: string | undefined, loaders: Loaders): Promise<boolean> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: caller.id });
    if (!user) throw DomainError.unauthenticated();
    // Counted like a login attempt, before the (slow) check: guessing here is as slow as at the door.
    const claim = await this.backoff.claim(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw DomainError.badInput('currentPassword', WRONG_PASSWORD_TO_DELETE);
    }
    await this.backoff.reset(claim);
    await this.assertMayLeave(this.db, user);

    // The usual withdrawal path: the seat is freed, then the first on the waitlist is seated.
    const open: { id: string; cohort_id: string; status: EnrollmentStatus }[] = await this.db.query(
      `SELECT id, cohort_id, status FROM enrollments WHERE client_id = $1 AND status = ANY($2)`,
      [user.id, OPEN],
    );
    for (const enrollment of open) {
      await this.enrollment.withdraw(caller, enrollment.id, loaders);
      if (enrollment.status === EnrollmentStatus.ENROLLED) {
        await this.enrollment.promoteFromWaitlist(enrollment.cohort_id).catch((error) => {
          // Nobody waiting, or the cohort no longer seats anyone: nothing to promote.
          if (!(error instanceof DomainError)) throw error;
        });
      }
    }

    await this.db.transaction(async (manager) => {
      await this.assertMayLeave(manager, user);
      await manager.query(`DELETE FROM invitations WHERE lower(email) = $1`, [user.email.toLowerCase()]);
      await manager.query(`DELETE FROM login_attempts WHERE email_hash = $1`, [createHash('sha256').update(`login:${user.email.trim().toLowerCase()}`).digest('hex')]);
      // Their posts and replies become removed placeholders: the words go with them (shared answers
      // too), the conversations others built around them stay. The author link is cut by the FK.
      await manager.query(
        `UPDATE posts SET removed_at = COALESCE(removed_at, now()), body_encrypted = NULL, shared_answers_encrypted = NULL, shared_submission_id = NULL, pinned = false WHERE author_id = $1`,
        [user.id],
      );
      await manager.query(`UPDATE post_replies SET removed_at = COALESCE(removed_at, now()), body_encrypted = NULL WHERE author_id = $1`, [user.id]);
      await manager.query(`DELETE FROM users WHERE id = $1`, [user.id]);
    });
    return true;
  }

  /** A coach of a running cohort, or the last admin, cannot leave (CONFLICT with what to do first). */
  private async assertMayLeave(db: Pick<DataSource, 'query'>, user: UserEntity): Promise<void> {
    if (user.role === Role.COACH) {
      const active: { name: string }[] = await db.query(
        `SELECT c.name FROM cohort_coaches cc JOIN cohorts c ON c.id = cc.cohort_id WHERE cc.coach_id = $1 AND c.status = 'ACTIVE' ORDER BY c.name`,
        [user.id],
      );
      if (active.length) {
        throw DomainError.conflict(
          `You coach ${active.map((c) => c.name).join(', ')}, which ${active.length === 1 ? 'is' : 'are'} running. Ask an admin to hand ${active.length === 1 ? 'it' : 'them'} to another coach before you delete your account.`,
        );
      }
    }
    if (user.role === Role.ADMIN) {
      // Locks every admin row: two admins deleting themselves at once cannot both pass.
      const admins: { id: string }[] = await db.query(`SELECT id FROM users WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`);
      if (admins.filter((a) => a.id !== user.id).length === 0) {
        throw DomainError.conflict('You are the last admin. Make someone else an admin before you delete your account.');
      }
    }
  }
}
