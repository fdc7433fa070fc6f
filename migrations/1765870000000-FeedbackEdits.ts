import { MigrationInterface, QueryRunner } from 'typeorm';

/** Feedback can be corrected after it was sent; the client sees when it last changed. */
export class FeedbackEdits1765870000000 implements MigrationInterface {
  name = 'FeedbackEdits1765870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submissions ADD COLUMN feedback_edited_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submissions DROP COLUMN feedback_edited_at`);
  }
}
