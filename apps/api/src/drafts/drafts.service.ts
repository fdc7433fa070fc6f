import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { DraftEntity, SubmissionEntity, draftAad } from '@anchored/data';
import { DomainError, Permission, SubmissionStatus } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { HomeworkTemplatesService } from '../homework-templates/homework-templates.service';
import { assertDraftFeedback, assertDraftResponses } from './draft-rules';
import type { FeedbackDraftModel, HomeworkDraftModel } from './drafts.model';

/**
 * Drafts are the author's alone: every query is scoped to the caller as author, so nobody else
 * (their coach, an admin) can read a half-written answer or unsent feedback. Encrypted like the
 * real thing; deleted when the answer is sent or the feedback given (HomeworkService).
 */
@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly access: AccessService,
    private readonly templates: HomeworkTemplatesService,
  ) {}

  async saveHomework(caller: AuthUser, assignmentId: string, responses: unknown, loaders: Loaders): Promise<HomeworkDraftModel> {
    const assignment = await loaders.assignmentById.load(assignmentId);
    if (!assignment) throw DomainError.notFound('That assignment');
    await this.access.require(caller, Permission.SUBMIT_HOMEWORK, { cohortId: assignment.cohortId }, loaders);
    const template = await this.templates.forAssignment(assignment);
    const answers = assertDraftResponses(responses, template.fields.map((f) => f.key));
    const sent = await this.db.getRepository(SubmissionEntity).findOne({ where: { assignmentId, clientId: caller.id }, select: { id: true, status: true } });
    if (sent?.status === SubmissionStatus.REVIEWED) throw DomainError.conflict('Your coach has already reviewed this answer, so it can no longer be changed.');
    const key = { authorId: caller.id, assignmentId, submissionId: null };
    const savedAt = await this.upsert('assignment_id', key, this.cipher.encrypt(answers, draftAad(key)));
    return { responses: answers, savedAt };
  }

  async saveFeedback(caller: AuthUser, submissionId: string, feedback: string, loaders: Loaders): Promise<FeedbackDraftModel> {
    const submission = await this.db.getRepository(SubmissionEntity).findOne({ where: { id: submissionId }, select: { id: true, assignmentId: true, clientId: true } });
    if (!submission) throw DomainError.notFound('That submission');
    await this.access.require(caller, Permission.REVIEW_HOMEWORK, { submission }, loaders);
    const text = assertDraftFeedback(feedback);
    const key = { authorId: caller.id, assignmentId: null, submissionId };
    const savedAt = await this.upsert('submission_id', key, this.cipher.encrypt(text, draftAad(key)));
    return { feedback: text, savedAt };
  }

  /** Deletes the caller's own draft; true when there was one. Nobody else's draft can be reached. */
  async discard(caller: AuthUser, subject: { assignmentId: string } | { submissionId: string }): Promise<boolean> {
    const [, count]: [unknown, number] =
      'assignmentId' in subject
        ? await this.db.query(`DELETE FROM drafts WHERE assignment_id = $1 AND author_id = $2`, [subject.assignmentId, caller.id])
        : await this.db.query(`DELETE FROM drafts WHERE submission_id = $1 AND author_id = $2`, [subject.submissionId, caller.id]);
    return count > 0;
  }

  /** The caller's own homework drafts for many assignments in one query (HomeworkAssignment.myDraft). */
  homeworkLoader(caller: AuthUser): DataLoader<string, HomeworkDraftModel | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.getRepository(DraftEntity).findBy({ authorId: caller.id, assignmentId: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.assignmentId, { responses: this.cipher.decrypt<Record<string, unknown>>(r.bodyEncrypted, draftAad(r)), savedAt: r.updatedAt }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The calling coach's own feedback drafts for many submissions in one query (Submission.myFeedbackDraft). */
  feedbackLoader(caller: AuthUser): DataLoader<string, FeedbackDraftModel | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.getRepository(DraftEntity).findBy({ authorId: caller.id, submissionId: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.submissionId, { feedback: this.cipher.decrypt<string>(r.bodyEncrypted, draftAad(r)), savedAt: r.updatedAt }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** One draft per author and thing (the partial unique indexes): the newest text wins. */
  private async upsert(column: 'assignment_id' | 'submission_id', key: { authorId: string; assignmentId: string | null; submissionId: string | null }, body: string): Promise<Date> {
    const subject = key.assignmentId ?? key.submissionId;
    const [row]: { updated_at: Date }[] = await this.db.query(
      `INSERT INTO drafts (author_id, ${column}, body_encrypted) VALUES ($1, $2, $3)
       ON CONFLICT (${column}, author_id) WHERE ${column} IS NOT NULL
       DO UPDATE SET body_encrypted = EXCLUDED.body_encrypted, updated_at = now()
       RETURNING updated_at`,
      [key.authorId, subject, body],
    );
    return row.updated_at;
  }
}
