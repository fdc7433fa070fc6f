import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cohort's community (docs/community.md):
 *
 * - `posts`: a cohort's feed. Bodies are encrypted with the private-text cipher, bound to the post
 *   and its cohort (`body_encrypted`; NULL once removed: deleting erases the text). A shared
 *   reflection keeps its own encrypted copy of the answers the author chose (`shared_answers_encrypted`),
 *   never a way into the submission. A weekly prompt carries its program week; the unique index on
 *   (cohort, week) is what makes the worker post it exactly once.
 * - `post_replies` (one level), `post_reactions` (one row per person and reaction: toggles),
 *   `post_reports` (who reported what, once per person and post).
 * - The notification kinds POST_REPLY, POST_HIDDEN, POST_REPORTED and COMMUNITY_DIGEST.
 */
export class CreateCommunity1765100000000 implements MigrationInterface {
  name = 'CreateCommunity1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const kind of ['POST_REPLY', 'POST_HIDDEN', 'POST_REPORTED', 'COMMUNITY_DIGEST']) {
      await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS '${kind}'`);
    }
    await q.query(`CREATE TYPE post_kind AS ENUM ('DISCUSSION', 'WEEKLY_PROMPT', 'SHARED_REFLECTION')`);
    await q.query(`CREATE TYPE post_reaction AS ENUM ('HEART', 'WITH_YOU', 'THANK_YOU')`);
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL,
        kind post_kind NOT NULL,
        author_id uuid,
        body_encrypted text,
        anonymous boolean NOT NULL DEFAULT false,
        pinned boolean NOT NULL DEFAULT false,
        crisis_flagged boolean NOT NULL DEFAULT false,
        prompt_week integer,
        shared_submission_id uuid,
        shared_answers_encrypted text,
        hidden_at timestamptz,
        hidden_by_id uuid,
        hidden_reason text,
        removed_at timestamptz,
        edited_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT posts_cohort_fk FOREIGN KEY (cohort_id) REFERENCES cohorts (id) ON DELETE CASCADE,
        CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT posts_hidden_by_fk FOREIGN KEY (hidden_by_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT posts_shared_submission_fk FOREIGN KEY (shared_submission_id) REFERENCES submissions (id) ON DELETE SET NULL,
        CONSTRAINT posts_prompt_check CHECK ((kind = 'WEEKLY_PROMPT') = (prompt_week IS NOT NULL)),
        CONSTRAINT posts_body_check CHECK (removed_at IS NOT NULL OR body_encrypted IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX posts_cohort_created_idx ON posts (cohort_id, created_at)`);
    await q.query(`CREATE INDEX posts_author_idx ON posts (author_id)`);
    await q.query(`CREATE UNIQUE INDEX posts_one_prompt_per_week_key ON posts (cohort_id, prompt_week) WHERE kind = 'WEEKLY_PROMPT'`);
    await q.query(`
      CREATE TABLE post_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL,
        author_id uuid,
        body_encrypted text,
        hidden_at timestamptz,
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_replies_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_replies_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT post_replies_body_check CHECK (removed_at IS NOT NULL OR body_encrypted IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX post_replies_post_created_idx ON post_replies (post_id, created_at)`);
    await q.query(`CREATE INDEX post_replies_author_idx ON post_replies (author_id)`);
    await q.query(`
      CREATE TABLE post_reactions (
        post_id uuid NOT NULL,
        user_id uuid NOT NULL,
        reaction post_reaction NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_reactions_pkey PRIMARY KEY (post_id, user_id, reaction),
        CONSTRAINT post_reactions_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_reactions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE post_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL,
        reporter_id uuid NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_reports_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_reports_reporter_fk FOREIGN KEY (reporter_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT post_reports_once_key UNIQUE (post_id, reporter_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_reports`);
    await q.query(`DROP TABLE post_reactions`);
    await q.query(`DROP TABLE post_replies`);
    await q.query(`DROP TABLE posts`);
    await q.query(`DROP TYPE post_reaction`);
    await q.query(`DROP TYPE post_kind`);
    // The notification kinds stay in notification_kind (Postgres cannot drop an enum value).
  }
}
