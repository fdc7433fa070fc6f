import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import {
  HomeworkAssignmentEntity,
  NotificationDraft,
  PostEntity,
  PostReactionEntity,
  PostReplyEntity,
  PostReportEntity,
  SubmissionEntity,
  notificationDraft,
  postBodyAad,
  replyBodyAad,
  sharedAnswersAad,
} from '@anchored/data';
import {
  COMMUNITY_LIMITS,
  DomainError,
  ErrorCode,
  NotificationKind,
  Permission,
  PostKind,
  Reaction,
  SubmissionStatus,
  checkedText,
  readsLikeCrisis,
} from '@anchored/domain';
import { FeedEventKindName, LiveEvent, NotificationOutbox } from '@anchored/jobs';
import {
  postFlaggedKey,
  postHiddenKey,
  postReplyKey,
  postReportedKey,
  renderPostFlagged,
  renderPostHidden,
  renderPostReply,
  renderPostReported,
} from '@anchored/notifications';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher, responsesAad } from '../private-text/private-text-cipher';
import type { CreatePostInput, ShareReflectionInput } from './dto/community.inputs';
import { LiveEventsPublisher } from '../realtime/live-events.publisher';
import { HomeworkTemplatesService } from '../homework-templates/homework-templates.service';

/** What a shared reflection keeps: a copy of the chosen answers, never a way into the submission. */
export interface SharedAnswers {
  submissionId: string;
  submittedAt: string;
  status: SubmissionStatus;
  assignmentId: string;
  assignmentTitle: string;
  templateKey: string;
  answers: { fieldKey: string; label: string; value: unknown }[];
}

/** The link to a post in the web app (emails and notifications carry this, never the text). */
export function postUrl(publicUrl: string, post: { cohortId: string; id: string }): string {
  return `${publicUrl}/circle/${post.cohortId}?post=${post.id}`;
}

function checked(field: string, value: string | null | undefined, max: number): string {
  const result = checkedText(field, value ?? '', max);
  if (!result.ok) throw DomainError.badInput(field, result.message);
  return result.text;
}

/**
 * A cohort's community feed (docs/community.md). Every write checks the policy (WRITE_COMMUNITY,
 * MODERATE_COMMUNITY, PIN_POSTS) on the post's cohort inside its transaction, stores its
 * notifications in the same transaction (names and links only, never text) and announces a feed
 * event after the commit.
 */
@Injectable()
export class CommunityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly outbox: NotificationOutbox,
    private readonly live: LiveEventsPublisher,
    private readonly templates: HomeworkTemplatesService,
  ) {}

  // --- reading ----------------------------------------------------------------------------------

  async feed(caller: AuthUser, cohortId: string, before: Date | null | undefined, limit: number, loaders: Loaders): Promise<PostEntity[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > COMMUNITY_LIMITS.pageMax) {
      throw DomainError.badInput('limit', `limit must be from 1 to ${COMMUNITY_LIMITS.pageMax}.`);
    }
    if (before && Number.isNaN(before.getTime())) throw DomainError.badInput('before', 'before must be a date and time.');
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.READ_COMMUNITY, { cohort }, loaders);
    const repo = this.db.getRepository(PostEntity);
    // Pinned posts head the first page (never removed: removing or hiding unpins); then `limit`
    // other posts newest first, and each later page continues `before` the last one's time.
    const pinned = before ? [] : await repo.find({ where: { cohortId, pinned: true }, order: { createdAt: 'DESC', id: 'DESC' } });
    const qb = repo.createQueryBuilder('p').where('p.cohort_id = :cohortId AND NOT p.pinned', { cohortId });
    if (before) qb.andWhere('p.created_at < :before', { before });
    const rest = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(limit).getMany();
    return [...pinned, ...rest];
  }

  async post(caller: AuthUser, postId: string, loaders: Loaders): Promise<PostEntity> {
    const post = await this.db.getRepository(PostEntity).findOneBy({ id: postId });
    if (!post) throw DomainError.notFound('That post');
    await this.access.require(caller, Permission.READ_COMMUNITY, { cohortId: post.cohortId }, loaders);
    return post;
  }

  /** The body as the caller may see it: blank when removed, and when hidden for everyone but its author. */
  bodyFor(caller: AuthUser, post: PostEntity): string {
    if (post.removedAt || !post.bodyEncrypted) return '';
    if (post.hiddenAt && post.authorId !== caller.id) return '';
    return this.cipher.decrypt<string>(post.bodyEncrypted, postBodyAad(post));
  }

  replyBodyFor(caller: AuthUser, reply: PostReplyEntity): string {
    if (reply.removedAt || !reply.bodyEncrypted) return '';
    if (reply.hiddenAt && reply.authorId !== caller.id) return '';
    return this.cipher.decrypt<string>(reply.bodyEncrypted, replyBodyAad(reply));
  }

  /** The chosen answers of a shared reflection, as the caller may see them (none once removed or hidden). */
  sharedAnswersFor(caller: AuthUser, post: PostEntity): SharedAnswers | null {
    if (post.kind !== PostKind.SHARED_REFLECTION || post.removedAt || !post.sharedAnswersEncrypted) return null;
    if (post.hiddenAt && post.authorId !== caller.id) return null;
    return this.cipher.decrypt<SharedAnswers>(post.sharedAnswersEncrypted, sharedAnswersAad(post));
  }

  /** Who wrote it, as the caller may know: nobody for prompts, deleted accounts and anonymous shares (except to their author). */
  authorIdFor(caller: AuthUser, post: PostEntity): string | null {
    if (!post.authorId) return null;
    if (post.anonymous && post.authorId !== caller.id) return null;
    return post.authorId;
  }

  crisisResourcesFor(caller: AuthUser, post: PostEntity): string | null {
    return post.crisisFlagged && post.authorId === caller.id && !post.removedAt ? this.config.crisisResources : null;
  }

  // --- writing ----------------------------------------------------------------------------------

  async createPost(caller: AuthUser, input: CreatePostInput, loaders: Loaders): Promise<PostEntity> {
    const body = checked('body', input.body, COMMUNITY_LIMITS.postBody);
    const cohortId = input.cohortId.toLowerCase();
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohort }, loaders);
    const post = await this.outbox.transaction(async (manager, outbox) => {
      await this.checkRate(manager, caller);
      const row = this.newPost(cohortId, PostKind.DISCUSSION, caller.id, body);
      await manager.getRepository(PostEntity).insert(row);
      if (row.crisisFlagged) await outbox.notify(await this.flaggedDrafts(manager, row, caller.id));
      return manager.getRepository(PostEntity).findOneByOrFail({ id: row.id });
    });
    await this.announce(post, 'POST_CREATED');
    return post;
  }

  async shareReflection(caller: AuthUser, input: ShareReflectionInput, loaders: Loaders): Promise<PostEntity> {
    const note = input.note?.trim() ? checked('note', input.note, COMMUNITY_LIMITS.shareNote) : '';
    const fieldKeys = [...new Set(input.fieldKeys.map((k) => k.trim()))];
    const submission = await this.db.getRepository(SubmissionEntity).findOneBy({ id: input.submissionId.toLowerCase() });
    if (!submission) throw DomainError.notFound('That submission');
    // Only the client who wrote it: not their coaches, not admins, not other clients.
    if (submission.clientId !== caller.id) throw DomainError.forbidden('Only the client who wrote a reflection may share it.');
    if (submission.status !== SubmissionStatus.SUBMITTED && submission.status !== SubmissionStatus.REVIEWED) {
      throw DomainError.conflict('Only submitted homework can be shared.');
    }
    const assignment = await this.db.getRepository(HomeworkAssignmentEntity).findOneByOrFail({ id: submission.assignmentId });
    await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohortId: assignment.cohortId }, loaders);
    const template = await this.templates.forAssignment(assignment);
    // Files stay between the client and their coaches: never copied into the circle.
    const unknown = fieldKeys.filter((key) => !template.fields.some((f) => f.key === key && f.kind !== 'UPLOAD'));
    if (unknown.length) throw DomainError.badInput('fieldKeys', `fieldKeys: ${unknown.map((k) => `"${k}"`).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of "${template.title}".`);
    const answers = this.cipher.decrypt<Record<string, unknown>>(submission.responsesEncrypted, responsesAad(submission));
    const chosen = template.fields
      .filter((f) => fieldKeys.includes(f.key))
      .filter((f) => answers[f.key] !== undefined && answers[f.key] !== null && answers[f.key] !== '')
      .map((f) => ({ fieldKey: f.key, label: f.label, value: answers[f.key] }));
    if (chosen.length === 0) throw DomainError.badInput('fieldKeys', 'The chosen fields have no answers to share.');
    const shared: SharedAnswers = { submissionId: submission.id, submittedAt: submission.submittedAt.toISOString(), status: submission.status, assignmentId: assignment.id, assignmentTitle: assignment.title, templateKey: template.key, answers: chosen };
    const post = await this.outbox.transaction(async (manager, outbox) => {
      await this.checkRate(manager, caller);
      const row = this.newPost(assignment.cohortId, PostKind.SHARED_REFLECTION, caller.id, note);
      row.anonymous = input.showName === false;
      row.sharedSubmissionId = submission.id;
      row.sharedAnswersEncrypted = this.cipher.encrypt(shared, sharedAnswersAad(row));
      await manager.getRepository(PostEntity).insert(row);
      if (row.crisisFlagged) await outbox.notify(await this.flaggedDrafts(manager, row, caller.id));
      return manager.getRepository(PostEntity).findOneByOrFail({ id: row.id });
    });
    await this.announce(post, 'POST_CREATED');
    return post;
  }

  async editPost(caller: AuthUser, postId: string, bodyInput: string, loaders: Loaders): Promise<PostEntity> {
    const post = await this.outbox.transaction(async (manager, outbox) => {
      const post = await this.lockPost(manager, postId);
      if (post.authorId !== caller.id) throw DomainError.forbidden('Only its author may edit a post.');
      await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) throw DomainError.conflict('That post was removed.');
      const max = post.kind === PostKind.SHARED_REFLECTION ? COMMUNITY_LIMITS.shareNote : COMMUNITY_LIMITS.postBody;
      const body = post.kind === PostKind.SHARED_REFLECTION && !bodyInput.trim() ? '' : checked('body', bodyInput, max);
      const wasFlagged = post.crisisFlagged;
      post.bodyEncrypted = this.cipher.encrypt(body, postBodyAad(post));
      post.editedAt = new Date();
      post.crisisFlagged = wasFlagged || readsLikeCrisis(body);
      const saved = await manager.getRepository(PostEntity).save(post);
      if (!wasFlagged && saved.crisisFlagged) await outbox.notify(await this.flaggedDrafts(manager, saved, caller.id));
      return saved;
    });
    await this.announce(post, 'POST_UPDATED');
    return post;
  }

  /** The author, the cohort's coaches and admins: the text (and any shared answers) is erased; a placeholder stays. */
  async deletePost(caller: AuthUser, postId: string, loaders: Loaders): Promise<PostEntity> {
    const post = await this.db.transaction(async (manager) => {
      const post = await this.lockPost(manager, postId);
      // Authors may always take their own words back, also after leaving the cohort.
      const own = post.authorId === caller.id && post.authorId !== null;
      if (!own) await this.access.require(caller, Permission.MODERATE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) return post;
      post.removedAt = new Date();
      post.bodyEncrypted = null;
      post.sharedAnswersEncrypted = null;
      post.sharedSubmissionId = null;
      post.pinned = false;
      await manager.getRepository(PostReactionEntity).delete({ postId: post.id });
      return manager.getRepository(PostEntity).save(post);
    });
    await this.announce(post, 'POST_REMOVED');
    return post;
  }

  async replyToPost(caller: AuthUser, postId: string, bodyInput: string, loaders: Loaders): Promise<PostReplyEntity> {
    const body = checked('body', bodyInput, COMMUNITY_LIMITS.replyBody);
    const { post, reply } = await this.outbox.transaction(async (manager, outbox) => {
      const post = await manager.getRepository(PostEntity).findOne({ where: { id: postId }, lock: { mode: 'pessimistic_read' } });
      if (!post) throw DomainError.notFound('That post');
      await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) throw DomainError.conflict('That post was removed; it takes no more replies.');
      if (post.hiddenAt) throw DomainError.conflict('That post is hidden; it takes no more replies.');
      await this.checkRate(manager, caller);
      const row = manager.getRepository(PostReplyEntity).create({ id: randomUUID(), postId: post.id, authorId: caller.id, createdAt: new Date() });
      row.bodyEncrypted = this.cipher.encrypt(body, replyBodyAad(row));
      await manager.getRepository(PostReplyEntity).insert(row);
      if (post.authorId && post.authorId !== caller.id) {
        const [names]: { replier: string; recipient: string; cohort: string }[] = await manager.query(
          `SELECT r.name AS replier, a.name AS recipient, c.name AS cohort FROM users r, users a, cohorts c WHERE r.id = $1 AND a.id = $2 AND c.id = $3`,
          [caller.id, post.authorId, post.cohortId],
        );
        if (names) {
          const message = renderPostReply({ recipientName: names.recipient, replierName: names.replier, cohortName: names.cohort, url: postUrl(this.config.publicUrl, post) });
          await outbox.notify([
            notificationDraft(post.authorId, NotificationKind.POST_REPLY, postReplyKey(row.id), message, undefined, {
              kind: 'POST_REPLY',
              cohortId: post.cohortId,
              postId: post.id,
              cohortName: names.cohort,
              replierName: names.replier,
            }),
          ]);
        }
      }
      return { post, reply: await manager.getRepository(PostReplyEntity).findOneByOrFail({ id: row.id }) };
    });
    await this.announce(post, 'REPLY_CREATED', reply.id);
    return reply;
  }

  async deleteReply(caller: AuthUser, replyId: string, loaders: Loaders): Promise<PostReplyEntity> {
    const { post, reply } = await this.db.transaction(async (manager) => {
      const reply = await manager.getRepository(PostReplyEntity).findOne({ where: { id: replyId }, lock: { mode: 'pessimistic_write' } });
      if (!reply) throw DomainError.notFound('That reply');
      const post = await manager.getRepository(PostEntity).findOneByOrFail({ id: reply.postId });
      const own = reply.authorId === caller.id && reply.authorId !== null;
      if (!own) await this.access.require(caller, Permission.MODERATE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (reply.removedAt) return { post, reply };
      reply.removedAt = new Date();
      reply.bodyEncrypted = null;
      return { post, reply: await manager.getRepository(PostReplyEntity).save(reply) };
    });
    await this.announce(post, 'POST_UPDATED', reply.id);
    return reply;
  }

  async react(caller: AuthUser, postId: string, reaction: Reaction, loaders: Loaders): Promise<PostEntity> {
    const post = await this.db.transaction(async (manager) => {
      const post = await manager.getRepository(PostEntity).findOne({ where: { id: postId }, lock: { mode: 'pessimistic_read' } });
      if (!post) throw DomainError.notFound('That post');
      await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) throw DomainError.conflict('That post was removed.');
      const repo = manager.getRepository(PostReactionEntity);
      const removed = await repo.delete({ postId: post.id, userId: caller.id, reaction });
      if (!removed.affected) await repo.createQueryBuilder().insert().values({ postId: post.id, userId: caller.id, reaction }).orIgnore().execute();
      return post;
    });
    await this.announce(post, 'REACTIONS_CHANGED');
    return post;
  }

  async pinPost(caller: AuthUser, postId: string, pinned: boolean, loaders: Loaders): Promise<PostEntity> {
    const post = await this.db.transaction(async (manager) => {
      const post = await this.lockPost(manager, postId);
      await this.access.require(caller, Permission.PIN_POSTS, { cohortId: post.cohortId }, loaders);
      if (post.removedAt && pinned) throw DomainError.conflict('A removed post cannot be pinned.');
      post.pinned = pinned;
      return manager.getRepository(PostEntity).save(post);
    });
    await this.announce(post, 'POST_UPDATED');
    return post;
  }

  async hidePost(caller: AuthUser, postId: string, reasonInput: string, loaders: Loaders): Promise<PostEntity> {
    const reason = checked('reason', reasonInput, COMMUNITY_LIMITS.reason);
    const post = await this.outbox.transaction(async (manager, outbox) => {
      const post = await this.lockPost(manager, postId);
      await this.access.require(caller, Permission.MODERATE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) throw DomainError.conflict('That post was removed.');
      if (post.hiddenAt) return post;
      post.hiddenAt = new Date();
      post.hiddenById = caller.id;
      post.hiddenReason = reason;
      post.pinned = false;
      const saved = await manager.getRepository(PostEntity).save(post);
      if (post.authorId && post.authorId !== caller.id) {
        const [names]: { recipient: string; cohort: string }[] = await manager.query(`SELECT a.name AS recipient, c.name AS cohort FROM users a, cohorts c WHERE a.id = $1 AND c.id = $2`, [
          post.authorId,
          post.cohortId,
        ]);
        if (names) {
          const message = renderPostHidden({ recipientName: names.recipient, cohortName: names.cohort, url: postUrl(this.config.publicUrl, post) });
          await outbox.notify([
            notificationDraft(post.authorId, NotificationKind.POST_HIDDEN, postHiddenKey(post.id, saved.hiddenAt as Date), message, undefined, {
              kind: 'POST_HIDDEN',
              cohortId: post.cohortId,
              postId: post.id,
              cohortName: names.cohort,
            }),
          ]);
        }
      }
      return saved;
    });
    await this.announce(post, 'POST_UPDATED');
    return post;
  }

  async reportPost(caller: AuthUser, postId: string, reasonInput: string, loaders: Loaders): Promise<boolean> {
    const reason = checked('reason', reasonInput, COMMUNITY_LIMITS.reason);
    return this.outbox.transaction(async (manager, outbox) => {
      const post = await manager.getRepository(PostEntity).findOneBy({ id: postId });
      if (!post) throw DomainError.notFound('That post');
      await this.access.require(caller, Permission.WRITE_COMMUNITY, { cohortId: post.cohortId }, loaders);
      if (post.removedAt) throw DomainError.conflict('That post was removed.');
      const inserted = await manager
        .getRepository(PostReportEntity)
        .createQueryBuilder()
        .insert()
        .values({ postId: post.id, reporterId: caller.id, reason })
        .orIgnore()
        .returning(['id'])
        .execute();
      const reportId = (inserted.raw as { id: string }[])[0]?.id;
      // Reported twice by the same person: the coaches heard the first time.
      if (!reportId) return true;
      const rows: { coach_id: string; coach: string; reporter: string; cohort: string }[] = await manager.query(
        `SELECT cc.coach_id, u.name AS coach, r.name AS reporter, c.name AS cohort
         FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id JOIN cohorts c ON c.id = cc.cohort_id JOIN users r ON r.id = $2
         WHERE cc.cohort_id = $1 AND cc.coach_id <> $2`,
        [post.cohortId, caller.id],
      );
      await outbox.notify(
        rows.map((row) =>
          notificationDraft(
            row.coach_id,
            NotificationKind.POST_REPORTED,
            postReportedKey(reportId, row.coach_id),
            renderPostReported({ recipientName: row.coach, reporterName: row.reporter, cohortName: row.cohort, url: postUrl(this.config.publicUrl, post) }),
            undefined,
            { kind: 'POST_REPORTED', cohortId: post.cohortId, postId: post.id, cohortName: row.cohort, reporterName: row.reporter },
          ),
        ),
      );
      return true;
    });
  }

  /**
   * The week's prompt, as the worker posts it (apps/worker/src/community): no author, once per cohort
   * and program week (the unique index). Used by the demo data; returns null when it was already there.
   */
  async postWeeklyPrompt(cohortId: string, programWeek: number, text: string): Promise<PostEntity | null> {
    const id = randomUUID();
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO posts (id, cohort_id, kind, author_id, body_encrypted, prompt_week) VALUES ($1, $2, $3, NULL, $4, $5)
       ON CONFLICT (cohort_id, prompt_week) WHERE kind = 'WEEKLY_PROMPT' DO NOTHING RETURNING id`,
      [id, cohortId, PostKind.WEEKLY_PROMPT, this.cipher.encrypt(text, postBodyAad({ id, cohortId })), programWeek],
    );
    if (inserted.length === 0) return null;
    const post = await this.db.getRepository(PostEntity).findOneByOrFail({ id });
    await this.announce(post, 'POST_CREATED');
    return post;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private newPost(cohortId: string, kind: PostKind, authorId: string | null, body: string): PostEntity {
    const row = this.db.getRepository(PostEntity).create({ id: randomUUID(), cohortId, kind, authorId, createdAt: new Date() });
    row.bodyEncrypted = this.cipher.encrypt(body, postBodyAad(row));
    row.crisisFlagged = authorId !== null && readsLikeCrisis(body);
    return row;
  }

  private async lockPost(manager: EntityManager, postId: string): Promise<PostEntity> {
    const post = await manager.getRepository(PostEntity).findOne({ where: { id: postId }, lock: { mode: 'pessimistic_write' } });
    if (!post) throw DomainError.notFound('That post');
    return post;
  }

  /**
   * COMMUNITY_LIMITS.writesPerWindow posts, shares and replies per person per window, over all their
   * circles, counted in the database so every API instance agrees. The caller's row lock makes two
   * parallel writes of one person count each other.
   */
  private async checkRate(manager: EntityManager, caller: AuthUser): Promise<void> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [caller.id]);
    const [{ n }]: { n: number }[] = await manager.query(
      `SELECT ((SELECT count(*) FROM posts WHERE author_id = $1 AND created_at > now() - make_interval(secs => $2))
             + (SELECT count(*) FROM post_replies WHERE author_id = $1 AND created_at > now() - make_interval(secs => $2)))::int AS n`,
      [caller.id, COMMUNITY_LIMITS.windowSeconds],
    );
    if (n >= COMMUNITY_LIMITS.writesPerWindow) {
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `You have written ${COMMUNITY_LIMITS.writesPerWindow} posts and replies in the last ${COMMUNITY_LIMITS.windowSeconds} seconds; please wait a moment.`,
      );
    }
  }

  /** POST_REPORTED to each of the cohort's coaches, saying only who may need support and where. */
  private async flaggedDrafts(manager: EntityManager, post: PostEntity, authorId: string): Promise<NotificationDraft[]> {
    const rows: { coach_id: string; coach: string; author: string; cohort: string }[] = await manager.query(
      `SELECT cc.coach_id, u.name AS coach, a.name AS author, c.name AS cohort
       FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id JOIN cohorts c ON c.id = cc.cohort_id JOIN users a ON a.id = $2
       WHERE cc.cohort_id = $1 AND cc.coach_id <> $2`,
      [post.cohortId, authorId],
    );
    return rows.map((row) =>
      notificationDraft(
        row.coach_id,
        NotificationKind.POST_REPORTED,
        postFlaggedKey(post.id, row.coach_id),
        renderPostFlagged({ recipientName: row.coach, authorName: row.author, cohortName: row.cohort, url: postUrl(this.config.publicUrl, post) }),
        undefined,
        { kind: 'POST_FLAGGED', cohortId: post.cohortId, postId: post.id, cohortName: row.cohort, authorName: row.author },
      ),
    );
  }

  private async announce(post: PostEntity, kind: FeedEventKindName, replyId?: string): Promise<void> {
    const event: LiveEvent = { type: 'feed', cohortId: post.cohortId, kind, postId: post.id, ...(replyId ? { replyId } : {}) };
    // After the commit (every caller awaits its transaction first); never throws.
    await this.live.publish(event);
  }
}
