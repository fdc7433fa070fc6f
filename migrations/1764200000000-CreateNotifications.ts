import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (in-app rows that double as the email outbox), each user's delivery preferences,
 * and the ledger that makes each cohort's weekly summary run once per week.
 */
export class CreateNotifications1764200000000 implements MigrationInterface {
  name = 'CreateNotifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE notification_kind AS ENUM ('SESSION_REMINDER', 'HOMEWORK_DUE', 'HOMEWORK_OVERDUE', 'FEEDBACK_READY', 'WEEKLY_SUMMARY', 'ENROLLMENT_UPDATE')`,
    );
    await q.query(`CREATE TYPE email_status AS ENUM ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED')`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind notification_kind NOT NULL,
        -- One notification per recipient, subject and occurrence: retries and parallel workers
        -- collide here instead of sending twice.
        dedupe_key text NOT NULL CONSTRAINT notifications_dedupe_key_unique UNIQUE,
        subject text NOT NULL,
        body text NOT NULL,
        html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_status email_status NOT NULL,
        -- Quiet hours push delivery to this instant.
        email_not_before timestamptz NOT NULL DEFAULT now(),
        email_attempts int NOT NULL DEFAULT 0,
        email_claimed_at timestamptz,
        emailed_at timestamptz,
        email_error text
      )`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(
      `CREATE INDEX notifications_email_due_idx ON notifications (email_not_before) WHERE email_status IN ('PENDING', 'SENDING')`,
    );

    // NULL email_kinds means every kind; quiet hours are local HH:mm in the user's timezone.
    await q.query(`ALTER TABLE users ADD COLUMN email_kinds notification_kind[]`);
    await q.query(`ALTER TABLE users ADD COLUMN quiet_hours_start text CHECK (quiet_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);
    await q.query(`ALTER TABLE users ADD COLUMN quiet_hours_end text CHECK (quiet_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);

    await q.query(`
      CREATE TABLE weekly_summary_runs (
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        iso_week text NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, iso_week)
      )`);
    // When a session's time was last set: reminders whose moment had already passed then are skipped.
    await q.query(`ALTER TABLE sessions ADD COLUMN scheduled_at timestamptz NOT NULL DEFAULT now()`);
    // The reminder reconciler scans upcoming due times.
    await q.query(`CREATE INDEX homework_assignments_due_idx ON homework_assignments (due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX homework_assignments_due_idx`);
    await q.query(`ALTER TABLE sessions DROP COLUMN scheduled_at`);
    await q.query(`DROP TABLE weekly_summary_runs`);
    await q.query(`ALTER TABLE users DROP COLUMN quiet_hours_end`);
    await q.query(`ALTER TABLE users DROP COLUMN quiet_hours_start`);
    await q.query(`ALTER TABLE users DROP COLUMN email_kinds`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TYPE email_status`);
    await q.query(`DROP TYPE notification_kind`);
  }
}
