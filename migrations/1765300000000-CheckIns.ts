import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily check-ins (docs/check-ins.md):
 * - `check_ins`: one row per client and local calendar day (a second check-in that day replaces the
 *   row), the private note encrypted with the private-text cipher; goes with the account.
 * - `users.check_in_reminder_time`: the local HH:mm of the daily CHECK_IN_REMINDER, null for none.
 * - The CHECK_IN_REMINDER notification kind.
 */
export class CheckIns1765300000000 implements MigrationInterface {
  name = 'CheckIns1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'CHECK_IN_REMINDER'`);
    await q.query(`CREATE TYPE check_in_location AS ENUM ('WITH_MYSELF', 'WITH_OTHERS', 'IN_THE_PAST', 'IN_THE_FUTURE')`);
    await q.query(`CREATE TYPE nervous_system_state AS ENUM ('SETTLED', 'ACTIVATED', 'SHUT_DOWN', 'APPEASING')`);
    await q.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        local_date date NOT NULL,
        location check_in_location NOT NULL,
        state nervous_system_state NOT NULL,
        anchored smallint NOT NULL,
        note_encrypted text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_ins_client_id_fkey FOREIGN KEY (client_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT check_ins_anchored_check CHECK (anchored >= 0 AND anchored <= 10)
      )`);
    await q.query(`CREATE UNIQUE INDEX check_ins_one_per_day ON check_ins (client_id, local_date)`);
    await q.query(`ALTER TABLE users ADD COLUMN check_in_reminder_time text`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_check_in_reminder_time_check CHECK (check_in_reminder_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);
    await q.query(`CREATE INDEX users_check_in_reminder_idx ON users (id) WHERE check_in_reminder_time IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_check_in_reminder_idx`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_check_in_reminder_time_check`);
    await q.query(`ALTER TABLE users DROP COLUMN check_in_reminder_time`);
    await q.query(`DROP TABLE check_ins`);
    await q.query(`DROP TYPE nervous_system_state`);
    await q.query(`DROP TYPE check_in_location`);
    // Postgres cannot drop an enum value; CHECK_IN_REMINDER stays in notification_kind.
  }
}
