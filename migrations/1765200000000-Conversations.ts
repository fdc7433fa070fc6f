import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private conversations (docs/messages.md):
 * - `conversations`: two people of one cohort (a client and a coach, or two current buddies), one
 *   per pair and cohort, stored in id order; each participant's read mark; null for a participant
 *   who deleted their account.
 * - `messages`: bodies encrypted with the private-text cipher; they go with their author's account.
 * - The NEW_MESSAGE notification kind.
 */
export class Conversations1765200000000 implements MigrationInterface {
  name = 'Conversations1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'NEW_MESSAGE'`);
    await q.query(`CREATE TYPE conversation_kind AS ENUM ('COACHING', 'BUDDIES')`);
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL,
        kind conversation_kind NOT NULL,
        user_a_id uuid,
        user_b_id uuid,
        user_a_read_at timestamptz,
        user_b_read_at timestamptz,
        last_message_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_cohort_id_fkey FOREIGN KEY (cohort_id) REFERENCES cohorts (id) ON DELETE CASCADE,
        CONSTRAINT conversations_user_a_id_fkey FOREIGN KEY (user_a_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT conversations_user_b_id_fkey FOREIGN KEY (user_b_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX conversations_pair_idx ON conversations (cohort_id, user_a_id, user_b_id)`);
    await q.query(`CREATE INDEX conversations_user_a_idx ON conversations (user_a_id)`);
    await q.query(`CREATE INDEX conversations_user_b_idx ON conversations (user_b_id)`);
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body_encrypted text NOT NULL,
        crisis boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
        CONSTRAINT messages_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX messages_conversation_created_idx ON messages (conversation_id, created_at)`);
    await q.query(`CREATE INDEX messages_author_idx ON messages (author_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE conversations`);
    await q.query(`DROP TYPE conversation_kind`);
    // Postgres cannot drop an enum value; NEW_MESSAGE stays in notification_kind.
  }
}
