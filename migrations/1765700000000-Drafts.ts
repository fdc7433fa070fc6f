import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing typed is lost: a client's half-written homework answers and a coach's unsent feedback
 * are kept on the server (encrypted like the real thing), so a phone and a laptop see the same
 * draft. One draft per author and thing; gone when the answer is sent or the feedback given.
 */
export class Drafts1765700000000 implements MigrationInterface {
  name = 'Drafts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL CONSTRAINT drafts_author_id_fkey REFERENCES users(id) ON DELETE CASCADE,
        assignment_id uuid CONSTRAINT drafts_assignment_id_fkey REFERENCES homework_assignments(id) ON DELETE CASCADE,
        submission_id uuid CONSTRAINT drafts_submission_id_fkey REFERENCES submissions(id) ON DELETE CASCADE,
        body_encrypted text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT drafts_one_subject CHECK ((assignment_id IS NULL) <> (submission_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX drafts_homework_idx ON drafts (assignment_id, author_id) WHERE assignment_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX drafts_feedback_idx ON drafts (submission_id, author_id) WHERE submission_id IS NOT NULL`);
    await q.query(`CREATE INDEX drafts_author_idx ON drafts (author_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE drafts`);
  }
}
