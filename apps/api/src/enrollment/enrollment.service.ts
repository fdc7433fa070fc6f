import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CohortEntity, EnrollmentEntity, NotificationDraft, notificationDraft } from '@anchored/data';
import { NotificationOutbox } from '@anchored/jobs';
import { Mailer } from '@anchored/mail';
import { enrollmentUpdateKey, renderEnrollmentUpdate, type EnrollmentUpdateInput } from '@anchored/notifications';
import {
  ApplicationDecision,
  CohortStatus,
  DomainError,
  EnrollmentStatus,
  ErrorCode,
  NotificationKind,
  Permission,
  acceptsApplications,
  assertCanWithdraw,
  decideApplication,
  pickFromWaitlist,
} from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { likePattern } from '../common/paging';
import { isUniqueViolation } from '../database/pg-errors';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher, motivationAad } from '../private-text/private-text-cipher';

@Injectable()
export class EnrollmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly outbox: NotificationOutbox,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly mailer: Mailer,
  ) {}

  async apply(caller: AuthUser, cohortId: string, loaders: Loaders, motivation?: string): Promise<EnrollmentEntity> {
    await this.access.require(caller, Permission.APPLY, null, loaders);
    const cohort = await this.db.getRepository(CohortEntity).findOneBy({ id: cohortId });
    if (!cohort) throw DomainError.notFound('That cohort');
    if (!acceptsApplications(cohort.status)) {
      throw DomainError.conflict(`${cohort.name} is not open for applications.`);
    }
    try {
      return await this.db.getRepository(EnrollmentEntity).save({
        cohortId,
        clientId: caller.id,
        motivationEncrypted: this.sealMotivation(cohortId, caller.id, motivation),
        status: EnrollmentStatus.APPLIED,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'enrollments_one_open_per_client')) {
        throw DomainError.conflict('You already have an open application or seat in this cohort.');
      }
      throw error;
    }
  }

  /** Why the client applied, encrypted at rest (bound to the client and the cohort). */
  sealMotivation(cohortId: string, clientId: string, motivation: string | null | undefined): string | null {
    return motivation ? this.cipher.encrypt(motivation, motivationAad({ cohortId, clientId })) : null;
  }

  /** The motivation (READ_MOTIVATION: the client, the cohort's coaches, admins); plaintext left by an older version until it is sealed at start. */
  async readMotivation(caller: AuthUser, enrollment: EnrollmentEntity, loaders: Loaders): Promise<string | null> {
    await this.access.require(caller, Permission.READ_MOTIVATION, { enrollment }, loaders);
    return enrollment.motivationEncrypted ? this.cipher.decrypt<string>(enrollment.motivationEncrypted, motivationAad(enrollment)) : enrollment.legacyMotivation;
  }

  myEnrollments(caller: AuthUser): Promise<EnrollmentEntity[]> {
    return this.db.getRepository(EnrollmentEntity).find({ where: { clientId: caller.id }, order: { appliedAt: 'DESC' } });
  }

  async forCohort(caller: AuthUser, cohortId: string, loaders: Loaders, status?: EnrollmentStatus): Promise<EnrollmentEntity[]> {
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId }, loaders);
    return this.db.getRepository(EnrollmentEntity).find({
      where: status ? { cohortId, status } : { cohortId },
      order: { appliedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * An admin's decision. The cohort row is locked first, so concurrent accepts queue up and each
   * sees the seats the previous one took: a cohort is never filled beyond capacity.
   *
   * A rejection may carry the admin's personal note. It is never stored: the in-app notice says a
   * note was emailed, and the email with the note is sent from here once the decision committed.
   */
  async decide(enrollmentId: string, decision: ApplicationDecision, note?: string | null): Promise<EnrollmentEntity> {
    const personalNote = checkNote(decision, note);
    const cohortId = await this.cohortIdOf(enrollmentId);
    const emails: { to: string; subject: string; text: string; html: string }[] = [];
    const moved = await this.notifyingTransaction(async (manager, notify) => {
      const cohort = await this.lockCohort(manager, cohortId);
      const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id: enrollmentId });
      const enrolledCount = await this.countEnrolled(manager, cohortId);
      const status = decideApplication(decision, {
        enrollmentStatus: enrollment.status,
        cohortStatus: cohort.status,
        capacity: cohort.capacity,
        enrolledCount,
      });
      const moved = await this.moveTo(manager, enrollment, status);
      await notify(moved, cohort, false, undefined, personalNote ? 'sent-by-email' : undefined);
      if (personalNote) {
        const [client]: { name: string; email: string }[] = await manager.query(`SELECT name, email FROM users WHERE id = $1`, [moved.clientId]);
        const message = renderEnrollmentUpdate({ recipientName: client.name, cohortName: cohort.name, status: 'REJECTED', waitlistPosition: null, promoted: false, note: { text: personalNote } });
        emails.push({ to: client.email, ...message });
      }
      return moved;
    });
    for (const email of emails) this.mailer.deliver(email);
    return moved;
  }

  /**
   * The same decision on several applications, one after another, each in its own transaction
   * under the cohort lock: one that cannot be made (the cohort is full, it was decided meanwhile)
   * is reported and the others still go ahead.
   */
  async decideMany(enrollmentIds: readonly string[], decision: ApplicationDecision, note?: string | null): Promise<DecisionOutcome[]> {
    checkNote(decision, note);
    const outcomes: DecisionOutcome[] = [];
    for (const enrollmentId of enrollmentIds) {
      try {
        outcomes.push({ enrollmentId, enrollment: await this.decide(enrollmentId, decision, note), errorCode: null, errorMessage: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ enrollmentId, enrollment: null, errorCode: error.code, errorMessage: error.message });
      }
    }
    return outcomes;
  }

  /**
   * Applications across cohorts for the admin's list: oldest first (first come, first considered),
   * filtered by cohort, status and a piece of the client's name or email, one page at a time.
   */
  listApplications(filter: ApplicationsFilter, limit: number, offset: number): Promise<EnrollmentEntity[]> {
    const query = this.db.getRepository(EnrollmentEntity).createQueryBuilder('e');
    applyApplicationsFilter(query, filter);
    return query.orderBy('e.applied_at', 'ASC').addOrderBy('e.id', 'ASC').limit(limit).offset(offset).getMany();
  }

  /** Seats the first client in line, or the one the admin picked. */
  async promoteFromWaitlist(cohortId: string, enrollmentId?: string): Promise<EnrollmentEntity> {
    return this.notifyingTransaction(async (manager, notify) => {
      const cohort = await this.lockCohort(manager, cohortId);
      const waitlisted = await manager.getRepository(EnrollmentEntity).find({
        where: { cohortId, status: EnrollmentStatus.WAITLISTED },
      });
      const chosen = pickFromWaitlist(
        waitlisted.map((e) => ({ ...e, waitlistedAt: e.waitlistedAt ?? e.appliedAt })),
        enrollmentId,
      );
      const enrollment = waitlisted.find((e) => e.id === chosen.id) as EnrollmentEntity;
      const status = decideApplication(ApplicationDecision.ACCEPT, {
        enrollmentStatus: enrollment.status,
        cohortStatus: cohort.status,
        capacity: cohort.capacity,
        enrolledCount: await this.countEnrolled(manager, cohortId),
      });
      const moved = await this.moveTo(manager, enrollment, status);
      await notify(moved, cohort, true);
      return moved;
    });
  }

  /** The client themself or an admin; frees the seat (the waitlist keeps its order). */
  async withdraw(caller: AuthUser, enrollmentId: string, loaders: Loaders): Promise<EnrollmentEntity> {
    const cohortId = await this.cohortIdOf(enrollmentId);
    return this.notifyingTransaction(async (manager, notify) => {
      const cohort = await this.lockCohort(manager, cohortId);
      const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id: enrollmentId });
      await this.access.require(caller, Permission.WITHDRAW_ENROLLMENT, { enrollment }, loaders);
      assertCanWithdraw(enrollment.status);
      const previousStatus = enrollment.status as 'APPLIED' | 'WAITLISTED' | 'ENROLLED';
      const byTeam = caller.id !== enrollment.clientId;
      enrollment.withdrawnByTeam = byTeam;
      const moved = await this.moveTo(manager, enrollment, EnrollmentStatus.WITHDRAWN);
      // A client who withdraws knows it; one withdrawn by an admin is told, in those words.
      if (byTeam) {
        await notify(moved, cohort, false, { previousStatus, programStarted: cohort.status === CohortStatus.ACTIVE || cohort.status === CohortStatus.COMPLETED });
      }
      return moved;
    });
  }

  /**
   * Runs a change with a `notify` that stores an ENROLLMENT_UPDATE for the client in the same
   * transaction; the emails are queued once it has committed.
   */
  private async notifyingTransaction<T>(
    work: (
      manager: EntityManager,
      notify: (e: EnrollmentEntity, cohort: CohortEntity, promoted: boolean, withdrawal?: EnrollmentUpdateInput['withdrawal'], note?: 'sent-by-email') => Promise<void>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.outbox.transaction((manager, outbox) =>
      work(manager, async (enrollment, cohort, promoted, withdrawal, note) => {
        const draft = await this.enrollmentDraft(manager, enrollment, cohort, promoted, withdrawal, note);
        // With a note the email is sent separately (it carries text the notice must not store).
        await outbox.notify([note ? { ...draft, inAppOnly: true } : draft]);
      }),
    );
  }

  private async enrollmentDraft(
    manager: EntityManager,
    enrollment: EnrollmentEntity,
    cohort: CohortEntity,
    promoted: boolean,
    withdrawal?: EnrollmentUpdateInput['withdrawal'],
    note?: 'sent-by-email',
  ): Promise<NotificationDraft> {
    const [client]: { name: string }[] = await manager.query(`SELECT name FROM users WHERE id = $1`, [enrollment.clientId]);
    let waitlistPosition: number | null = null;
    if (enrollment.status === EnrollmentStatus.WAITLISTED) {
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1 AND status = 'WAITLISTED'`, [cohort.id]);
      waitlistPosition = n;
    }
    const message = renderEnrollmentUpdate({
      recipientName: client.name,
      cohortName: cohort.name,
      status: enrollment.status as 'ENROLLED' | 'WAITLISTED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED',
      waitlistPosition,
      promoted,
      ...(withdrawal ? { withdrawal } : {}),
      ...(note ? { note } : {}),
    });
    const key = enrollmentUpdateKey(enrollment.id, enrollment.status, enrollment.updatedAt ?? new Date());
    return notificationDraft(enrollment.clientId, NotificationKind.ENROLLMENT_UPDATE, key, message, undefined, {
      kind: 'ENROLLMENT_UPDATE',
      cohortId: cohort.id,
      cohortName: cohort.name,
      status: enrollment.status as 'ENROLLED' | 'WAITLISTED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED',
      promoted,
      waitlistPosition,
    });
  }

  private async moveTo(manager: EntityManager, enrollment: EnrollmentEntity, status: EnrollmentStatus): Promise<EnrollmentEntity> {
    const now = new Date();
    enrollment.status = status;
    if (status === EnrollmentStatus.WAITLISTED) enrollment.waitlistedAt = now;
    if (status !== EnrollmentStatus.WITHDRAWN) enrollment.decidedAt = now;
    return manager.getRepository(EnrollmentEntity).save(enrollment);
  }

  private async cohortIdOf(enrollmentId: string): Promise<string> {
    const row = await this.db.getRepository(EnrollmentEntity).findOne({ where: { id: enrollmentId }, select: { id: true, cohortId: true } });
    if (!row) throw DomainError.notFound('That enrollment');
    return row.cohortId;
  }

  private async lockCohort(manager: EntityManager, cohortId: string): Promise<CohortEntity> {
    const cohort = await manager.getRepository(CohortEntity).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
    if (!cohort) throw DomainError.notFound('That cohort');
    return cohort;
  }

  private async countEnrolled(manager: EntityManager, cohortId: string): Promise<number> {
    return manager.getRepository(EnrollmentEntity).countBy({ cohortId, status: EnrollmentStatus.ENROLLED });
  }
}

export const MAX_NOTE_LENGTH = 2000;

export interface ApplicationsFilter {
  cohortId?: string | null;
  status?: EnrollmentStatus | null;
  /** A piece of the client's name or email, any case. */
  search?: string | null;
}

export interface DecisionOutcome {
  enrollmentId: string;
  enrollment: EnrollmentEntity | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
}

/** The note, trimmed, or null; only a rejection carries one. */
function checkNote(decision: ApplicationDecision, note: string | null | undefined): string | null {
  const text = note?.trim();
  if (!text) return null;
  if (decision !== ApplicationDecision.REJECT) throw DomainError.badInput('note', 'A personal note can only go with a rejection.');
  if (text.length > MAX_NOTE_LENGTH) throw DomainError.badInput('note', `The note must be at most ${MAX_NOTE_LENGTH} characters.`);
  return text;
}

function applyApplicationsFilter(query: SelectQueryBuilder<EnrollmentEntity>, filter: ApplicationsFilter): void {
  if (filter.cohortId) query.andWhere('e.cohort_id = :cohortId', { cohortId: filter.cohortId });
  if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
  const search = filter.search?.trim();
  if (search) {
    query.andWhere('e.client_id IN (SELECT u.id FROM users u WHERE u.name ILIKE :search OR u.email ILIKE :search)', { search: likePattern(search) });
  }
}
