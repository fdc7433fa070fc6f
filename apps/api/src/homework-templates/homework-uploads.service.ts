import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { HomeworkTemplate } from '@anchored/curriculum';
import { AccessSubject, HomeworkUploadEntity, SubmissionEntity, homeworkUploadAad } from '@anchored/data';
import { DomainError, ErrorCode, Permission, SubmissionStatus, checkUpload } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { AccessLogService } from '../access-log/access-log.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { HomeworkTemplatesService } from './homework-templates.service';

/** Files kept for one client and assignment before an answer is sent: enough to change one's mind, not a file store. */
export const MAX_PENDING_UPLOADS = 10;

export interface StoredUpload {
  id: string;
  fieldKey: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Files and voice notes attached to homework answers (docs/homework-templates.md). A client uploads
 * for one UPLOAD field of an assignment, then names the upload's id as that field's answer; sending
 * the answer attaches the files it names and drops the others.
 */
@Injectable()
export class HomeworkUploadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly accessLog: AccessLogService,
    private readonly templates: HomeworkTemplatesService,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
  ) {}

  async store(caller: AuthUser, assignmentId: string, fieldKey: string, declaredType: string, bytes: Buffer, loaders: Loaders): Promise<StoredUpload> {
    const assignment = await loaders.assignmentById.load(assignmentId.toLowerCase());
    if (!assignment) throw DomainError.notFound('That assignment');
    await this.access.require(caller, Permission.SUBMIT_HOMEWORK, { cohortId: assignment.cohortId }, loaders);
    const template = await this.templates.forAssignment(assignment);
    const field = template.fields.find((f) => f.key === fieldKey);
    if (!field || field.kind !== 'UPLOAD') throw DomainError.badInput('fieldKey', `"${fieldKey.slice(0, 40)}" is not a field of "${template.title}" that takes a file.`);
    const check = checkUpload(field.uploadKind, declaredType, bytes);
    if (!check.ok) {
      const code = check.problem === 'TOO_LARGE' ? ErrorCode.UPLOAD_TOO_LARGE : check.problem === 'EMPTY' ? ErrorCode.BAD_USER_INPUT : ErrorCode.UPLOAD_TYPE_NOT_ALLOWED;
      throw new DomainError(code, check.message, [{ field: 'file', message: check.message }]);
    }
    return this.db.transaction(async (manager) => {
      const sent = await manager.getRepository(SubmissionEntity).findOne({ where: { assignmentId: assignment.id, clientId: caller.id }, select: { id: true, status: true } });
      if (sent?.status === SubmissionStatus.REVIEWED) throw DomainError.conflict('Your coach has already reviewed this answer, so it can no longer be changed.');
      // One client's uploads for one assignment, one at a time: the count below cannot be raced.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('homework_uploads:' || $1 || ':' || $2))`, [assignment.id, caller.id]);
      const pending = await manager.getRepository(HomeworkUploadEntity).countBy({ assignmentId: assignment.id, clientId: caller.id, submissionId: IsNull() });
      if (pending >= MAX_PENDING_UPLOADS) throw DomainError.conflict(`At most ${MAX_PENDING_UPLOADS} files wait for one answer; send your answer first.`);
      // Encrypted like typed answers, bound to this upload and its client.
      const id = randomUUID();
      const row = await manager.getRepository(HomeworkUploadEntity).save({
        id,
        assignmentId: assignment.id,
        clientId: caller.id,
        submissionId: null,
        fieldKey: field.key,
        contentType: check.contentType,
        sizeBytes: bytes.length,
        data: this.cipher.encryptBytes(bytes, homeworkUploadAad({ id, clientId: caller.id })),
      });
      return { id: row.id, fieldKey: row.fieldKey, contentType: row.contentType, sizeBytes: row.sizeBytes };
    });
  }

  /** What validateResponses may know: the caller's uploads for the assignment, by id. */
  async factsFor(assignmentId: string, clientId: string): Promise<Map<string, { fieldKey: string }>> {
    const rows = await this.db.getRepository(HomeworkUploadEntity).find({ where: { assignmentId, clientId }, select: { id: true, fieldKey: true } });
    return new Map(rows.map((r) => [r.id, { fieldKey: r.fieldKey }]));
  }

  /** In the submit transaction: the files the answer names belong to it; the rest are dropped. */
  async attach(manager: EntityManager, submission: SubmissionEntity, template: HomeworkTemplate, responses: unknown): Promise<void> {
    const answers = (responses ?? {}) as Record<string, unknown>;
    const named = template.fields
      .filter((f) => f.kind === 'UPLOAD' && typeof answers[f.key] === 'string')
      .map((f) => (answers[f.key] as string).toLowerCase());
    const repo = manager.getRepository(HomeworkUploadEntity);
    if (named.length) await repo.update({ id: In(named), assignmentId: submission.assignmentId, clientId: submission.clientId }, { submissionId: submission.id });
    await manager.query(`DELETE FROM homework_uploads WHERE assignment_id = $1 AND client_id = $2 AND NOT (id = ANY($3::uuid[]))`, [submission.assignmentId, submission.clientId, named]);
  }

  /**
   * The file, for its client, the cohort's coaches and admins (READ_UPLOADS); anyone else is
   * FORBIDDEN. Others see it only once it is part of a sent answer, and each of their reads goes
   * into the client's access log first.
   */
  async download(caller: AuthUser, id: string, loaders: Loaders): Promise<{ contentType: string; data: Buffer; sizeBytes: number }> {
    const row = await this.db
      .getRepository(HomeworkUploadEntity)
      .createQueryBuilder('u')
      .addSelect('u.data')
      .where('u.id = :id', { id: id.toLowerCase() })
      .getOne();
    if (!row) throw DomainError.notFound('That file');
    const assignment = await loaders.assignmentById.load(row.assignmentId);
    if (!assignment) throw DomainError.notFound('That file');
    await this.access.require(caller, Permission.READ_UPLOADS, { submission: { clientId: row.clientId, assignmentId: row.assignmentId } }, loaders);
    if (caller.id !== row.clientId) {
      if (!row.submissionId) throw DomainError.notFound('That file');
      await this.accessLog.recordMany([{ readerId: caller.id, subject: AccessSubject.SUBMISSION, subjectId: row.submissionId, ownerId: row.clientId }]);
    }
    return { contentType: row.contentType, data: this.cipher.decryptBytes(row.data, homeworkUploadAad(row)), sizeBytes: row.sizeBytes };
  }
}

