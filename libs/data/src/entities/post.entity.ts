import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PostKind, Reaction } from '@anchored/domain';
import { CohortEntity } from './cohort.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/**
 * A post in a cohort's community feed (docs/community.md). The body is encrypted with the
 * private-text cipher (postBodyAad) and erased (NULL) once the post is removed. A shared reflection
 * keeps its own encrypted copy of the chosen answers (sharedAnswersAad): the feed never reads the
 * submission itself.
 */
@Entity('posts')
@Index('posts_cohort_created_idx', ['cohortId', 'createdAt'])
@Index('posts_author_idx', ['authorId'])
@Index('posts_one_prompt_per_week_key', ['cohortId', 'promptWeek'], { unique: true, where: `kind = 'WEEKLY_PROMPT'` })
@Check('posts_prompt_check', `(kind = 'WEEKLY_PROMPT') = (prompt_week IS NOT NULL)`)
@Check('posts_body_check', `removed_at IS NOT NULL OR body_encrypted IS NOT NULL`)
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'posts_cohort_fk', onDelete: 'CASCADE' })
  cohortId: string;

  @Column({ type: 'enum', enum: PostKind, enumName: 'post_kind' })
  kind: PostKind;

  /** Null for weekly prompts and once the author deleted their account. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'posts_author_fk', onDelete: 'SET NULL' })
  authorId: string | null;

  @Column({ name: 'body_encrypted', type: 'text', nullable: true })
  bodyEncrypted: string | null;

  /** A shared reflection shown as "a member of your circle" to everyone but its author. */
  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  /** The body read like a crisis when written: the author was shown the crisis resources, the coaches told. */
  @Column({ name: 'crisis_flagged', type: 'boolean', default: false })
  crisisFlagged: boolean;

  /** WEEKLY_PROMPT: the program week it opens. */
  @Column({ name: 'prompt_week', type: 'integer', nullable: true })
  promptWeek: number | null;

  @Column({ name: 'shared_submission_id', type: 'uuid', nullable: true })
  @ForeignKey(() => SubmissionEntity, { name: 'posts_shared_submission_fk', onDelete: 'SET NULL' })
  sharedSubmissionId: string | null;

  /** `{ assignmentId, templateKey, answers: [{ fieldKey, label, value }] }`, encrypted; NULL once removed. */
  @Column({ name: 'shared_answers_encrypted', type: 'text', nullable: true })
  sharedAnswersEncrypted: string | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_by_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'posts_hidden_by_fk', onDelete: 'SET NULL' })
  hiddenById: string | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A reply to a post (one level); encrypted like posts (replyBodyAad). */
@Entity('post_replies')
@Index('post_replies_post_created_idx', ['postId', 'createdAt'])
@Index('post_replies_author_idx', ['authorId'])
@Check('post_replies_body_check', `removed_at IS NOT NULL OR body_encrypted IS NOT NULL`)
export class PostReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  @ForeignKey(() => PostEntity, { name: 'post_replies_post_fk', onDelete: 'CASCADE' })
  postId: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'post_replies_author_fk', onDelete: 'SET NULL' })
  authorId: string | null;

  @Column({ name: 'body_encrypted', type: 'text', nullable: true })
  bodyEncrypted: string | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** One person's one reaction to a post; reacting again removes the row (a toggle). */
@Entity('post_reactions')
export class PostReactionEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid', primaryKeyConstraintName: 'post_reactions_pkey' })
  @ForeignKey(() => PostEntity, { name: 'post_reactions_post_fk', onDelete: 'CASCADE' })
  postId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'post_reactions_pkey' })
  @ForeignKey(() => UserEntity, { name: 'post_reactions_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @PrimaryColumn({ type: 'enum', enum: Reaction, enumName: 'post_reaction', primaryKeyConstraintName: 'post_reactions_pkey' })
  reaction: Reaction;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A member's report of a post, once per person and post (the coaches are told). */
@Entity('post_reports')
@Unique('post_reports_once_key', ['postId', 'reporterId'])
export class PostReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  @ForeignKey(() => PostEntity, { name: 'post_reports_post_fk', onDelete: 'CASCADE' })
  postId: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'post_reports_reporter_fk', onDelete: 'CASCADE' })
  reporterId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
