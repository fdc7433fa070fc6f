import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { validateResponses } from '@anchored/curriculum';
import { AccessSubject, CohortEntity, HomeworkAssignmentEntity, NotificationDraft, SubmissionEntity, notificationDraft } from '@anchored/data';
import { CohortStatus, DomainError, ErrorCode, NotificationKind, Permission, SubmissionStatus } from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { feedbackReadyKey, renderFeedbackReady } from '@anchored/notifications';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { JobsProducer } from '../jobs/jobs-producer.service';
import type { Loaders } from '../loaders/loaders';
import { AccessLogService } from '../access-log/access-log.service';
import { HomeworkTemplatesService } from '../homework-templates/homework-templates.service';
import { HomeworkUploadsService } from '../homework-templates/homework-uploads.service';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher, feedbackAad, responsesAad } from '../private-text/private-text-cipher';
import type { AssignHomeworkInput, UpdateAssignmentInput } from './dto/homework.inputs';

// Kept for existing imports; the associated data of every kind lives with the cipher.
export { responsesAad };

@Injectable()
export class HomeworkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly access: AccessService,
    private readonly jobs: JobsProducer,
    private readonly outbox: NotificationOutbox,
    private readonly accessLog: AccessLogService,
    private readonly templates: HomeworkTemplatesService,
    private readonly uploads: HomeworkUploadsService,
  ) {}

  async assign(caller: AuthUser, input: AssignHomeworkInput, loaders: Loaders): Promise<HomeworkAssignmentEntity> {
    const cohort = await this.db.getRepository(CohortEntity).findOneBy({ id: input.cohortId.toLowerCase() });
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.ASSIGN_HOMEWORK, { cohort }, loaders);
    if (cohort.status === CohortStatus.COMPLETED || cohort.status === CohortStatus.ARCHIVED) {
      throw DomainError.conflict(`The cohort is ${cohort.status}; no more homework can be assigned.`);
    }
    // The curriculum's template, or the current version of one of the caller's own: pinned here.
    const { template, versionId } = await this.templates.forAssigning(caller, input.templateKey);
    if (Number.isNaN(input.dueAt.getTime())) throw DomainError.badInput('dueAt', 'dueAt must be a date and time with an offset.');
    const assignment = await this.db.getRepository(HomeworkAssignmentEntity).save({
      cohortId: cohort.id,
      templateKey: template.key,
      templateVersionId: versionId,
      title: input.title || template.title,
      instructions: input.instructions || null,
      dueAt: input.dueAt,
      createdById: caller.id,
    });
    await this.jobs.assignmentsChanged([assignment]);
    return assignment;
  }

  /** Corrects title, instructions or due time; the due reminders follow a new due time. */
  async updateAssignment(caller: AuthUser, input: UpdateAssignmentInput, loaders: Loaders): Promise<HomeworkAssignmentEntity> {
    if (input.dueAt != null && Number.isNaN(input.dueAt.getTime())) throw DomainError.badInput('dueAt', 'dueAt must be a date and time with an offset.');
    const saved = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(HomeworkAssignmentEntity);
      const assignment = await repo.findOne({ where: { id: input.assignmentId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!assignment) throw DomainError.notFound('That assignment');
      await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: assignment.cohortId }, loaders);
      if (input.title != null) assignment.title = input.title;
      if (input.instructions != null) assignment.instructions = input.instructions || null;
      if (input.dueAt != null) assignment.dueAt = input.dueAt;
      return repo.save(assignment);
    });
    // Jobs are keyed by the due time: new ones for a new time; the old ones skip themselves.
    await this.jobs.assignmentsChanged([saved]);
    loaders.assignmentById.clear(saved.id).prime(saved.id, saved);
    return saved;
  }

  /** Removes an assignment given by mistake, but only while no client has answered it. */
  async deleteAssignment(caller: AuthUser, assignmentId: string, loaders: Loaders): Promise<string> {
    await this.db.transaction(async (manager) => {
      const assignment = await manager.getRepository(HomeworkAssignmentEntity).findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
      if (!assignment) throw DomainError.notFound('That assignment');
      await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId: assignment.cohortId }, loaders);
      const submitted = await manager.getRepository(SubmissionEntity).countBy({ assignmentId: assignment.id });
      if (submitted > 0) {
        throw DomainError.conflict(
          `${submitted === 1 ? 'One client has' : `${submitted} clients have`} already sent in answers for this homework, so it cannot be deleted. You can still change its title, instructions or due time.`,
        );
      }
      await manager.getRepository(HomeworkAssignmentEntity).delete({ id: assignment.id });
    });
    loaders.assignmentById.clear(assignmentId);
    return assignmentId;
  }

  async findAssignment(caller: AuthUser, id: string, loaders: Loaders): Promise<HomeworkAssignmentEntity> {
    const assignment = await loaders.assignmentById.load(id);
    if (!assignment) throw DomainError.notFound('That assignment');
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohortId: assignment.cohortId }, loaders);
    return assignment;
  }

  /**
   * An ENROLLED client answers. Answers are validated against the template (every problem reported,
   * nothing stored on error), replace an earlier answer until the coach has reviewed it, and are
   * marked late after the due time.
   */
  async submit(caller: AuthUser, assignmentId: string, responses: unknown, loaders: Loaders): Promise<SubmissionEntity> {
    const assignment = await this.db.getRepository(HomeworkAssignmentEntity).findOneBy({ id: assignmentId.toLowerCase() });
    if (!assignment) throw DomainError.notFound('That assignment');
    await this.access.require(caller, Permission.SUBMIT_HOMEWORK, { cohortId: assignment.cohortId }, loaders);

    const template = await this.templates.forAssignment(assignment);
    const problems = validateResponses(template, responses, { uploads: await this.uploads.factsFor(assignment.id, caller.id) });
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Please check your answers: ${problems.map((p) => p.message).join(' ')}`,
        problems.map((p) => ({ field: p.field ? `responses.${p.field}` : 'responses', message: p.message })),
      );
    }

    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(SubmissionEntity);
      const existing = await repo.findOne({ where: { assignmentId: assignment.id, clientId: caller.id }, lock: { mode: 'pessimistic_write' } });
      if (existing?.status === SubmissionStatus.REVIEWED) {
        throw DomainError.conflict('Your coach has already reviewed this answer, so it can no longer be changed.');
      }
      const now = new Date();
      const row = existing ?? repo.create({ assignmentId: assignment.id, clientId: caller.id, status: SubmissionStatus.SUBMITTED });
      row.responsesEncrypted = this.cipher.encrypt(responses, responsesAad(row));
      row.submittedAt = now;
      row.late = now.getTime() > assignment.dueAt.getTime();
      // The answer is sent: its draft has done its job.
      await manager.query(`DELETE FROM drafts WHERE assignment_id = $1 AND author_id = $2`, [assignment.id, caller.id]);
      let saved: SubmissionEntity;
      if (existing) saved = await repo.save(row);
      else {
        // Two first submissions racing: the unique index keeps one; the loser replaces it.
        await repo.createQueryBuilder().insert().values(row).orUpdate(['responses_encrypted', 'submitted_at', 'late'], ['assignment_id', 'client_id']).execute();
        saved = await repo.findOneByOrFail({ assignmentId: assignment.id, clientId: caller.id });
      }
      // Files the answer names become part of it; any other upload for it is dropped.
      await this.uploads.attach(manager, saved, template, responses);
      return saved;
    });
  }

  async review(caller: AuthUser, submissionId: string, feedback: string, loaders: Loaders): Promise<SubmissionEntity> {
    return this.writeFeedback(caller, submissionId, feedback, loaders, 'review');
  }

  /** Corrects feedback already sent; the client sees that it was edited and is told again. */
  async editFeedback(caller: AuthUser, submissionId: string, feedback: string, loaders: Loaders): Promise<SubmissionEntity> {
    return this.writeFeedback(caller, submissionId, feedback, loaders, 'edit');
  }

  private async writeFeedback(caller: AuthUser, submissionId: string, feedback: string, loaders: Loaders, mode: 'review' | 'edit'): Promise<SubmissionEntity> {
    const text = feedback.trim();
    if (!text) throw DomainError.badInput('feedback', 'feedback must not be empty.');
    if (text.length > 10_000) throw DomainError.badInput('feedback', 'feedback must be at most 10000 characters.');
    return this.outbox.transaction(async (manager, outbox) => {
      const repo = manager.getRepository(SubmissionEntity);
      const submission = await repo.findOne({ where: { id: submissionId }, lock: { mode: 'pessimistic_write' } });
      if (!submission) throw DomainError.notFound('That submission');
      const assignment = await manager.getRepository(HomeworkAssignmentEntity).findOneByOrFail({ id: submission.assignmentId });
      await this.access.require(caller, Permission.REVIEW_HOMEWORK, { cohortId: assignment.cohortId }, loaders);
      const reviewed = submission.status === SubmissionStatus.REVIEWED;
      // Two coaches reviewing at once: the second one edits on purpose instead of overwriting unseen.
      if (mode === 'review' && reviewed) throw DomainError.conflict('Feedback on this answer was already sent. Edit it instead if something needs correcting.');
      if (mode === 'edit' && !reviewed) throw DomainError.conflict('No feedback has been sent on this answer yet, so there is nothing to edit.');
      const now = new Date();
      submission.feedbackEncrypted = this.cipher.encrypt(text, feedbackAad(submission));
      submission.legacyFeedback = null;
      if (mode === 'review') {
        submission.status = SubmissionStatus.REVIEWED;
        submission.reviewedAt = now;
        submission.reviewedById = caller.id;
      } else {
        submission.feedbackEditedAt = now;
      }
      const saved = await repo.save(submission);
      // The feedback is given: the reviewer's draft of it has done its job.
      await manager.query(`DELETE FROM drafts WHERE submission_id = $1 AND author_id = $2`, [submission.id, caller.id]);
      // Stored in the same transaction as the review: the client is told exactly when it commits.
      await outbox.notify([await this.feedbackReadyDraft(manager, saved, assignment, now)]);
      return saved;
    });
  }

  private async feedbackReadyDraft(manager: EntityManager, submission: SubmissionEntity, assignment: HomeworkAssignmentEntity, at: Date): Promise<NotificationDraft> {
    const [row]: { client_name: string; cohort_name: string }[] = await manager.query(
      `SELECT u.name AS client_name, c.name AS cohort_name FROM users u, cohorts c WHERE u.id = $1 AND c.id = $2`,
      [submission.clientId, assignment.cohortId],
    );
    const message = renderFeedbackReady({ recipientName: row.client_name, assignmentTitle: assignment.title, cohortName: row.cohort_name, edited: submission.feedbackEditedAt != null });
    return notificationDraft(submission.clientId, NotificationKind.FEEDBACK_READY, feedbackReadyKey(submission.id, at), message, undefined, {
      kind: 'FEEDBACK_READY',
      assignmentId: assignment.id,
      assignmentTitle: assignment.title,
      edited: submission.feedbackEditedAt != null,
    });
  }

  mySubmissions(caller: AuthUser, limit: number, offset: number): Promise<SubmissionEntity[]> {
    return this.db.getRepository(SubmissionEntity).find({
      where: { clientId: caller.id },
      order: { submittedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * The answers, decrypted, for the client who wrote them and the cohort's coaches. Admins only
   * when ADMINS_READ_HOMEWORK is on. Everyone else gets FORBIDDEN. A read by anyone but the client
   * is written to the client's access log first (batched per request); no log, no answers.
   */
  async readResponses(caller: AuthUser, submission: SubmissionEntity, loaders: Loaders): Promise<unknown> {
    await this.access.require(caller, Permission.READ_ANSWERS, { submission }, loaders);
    const answers = this.cipher.decrypt(submission.responsesEncrypted, responsesAad(submission));
    await this.accessLog.record(loaders, { readerId: caller.id, subject: AccessSubject.SUBMISSION, subjectId: submission.id, ownerId: submission.clientId });
    return answers;
  }

  /** The coach's feedback (READ_FEEDBACK: the client, the cohort's coaches, admins); plaintext left by an older version until it is sealed at start. */
  async readFeedback(caller: AuthUser, submission: SubmissionEntity, loaders: Loaders): Promise<string | null> {
    await this.access.require(caller, Permission.READ_FEEDBACK, { submission }, loaders);
    return submission.feedbackEncrypted ? this.cipher.decrypt<string>(submission.feedbackEncrypted, feedbackAad(submission)) : submission.legacyFeedback;
  }
}
