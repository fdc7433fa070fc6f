import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy gaps: encrypted columns for coach feedback, application motivations and calendar feed
 * tokens (looked up by hash); the access log clients read; the append-only audit log of coach
 * assignments; single-use queue dashboard tickets; the COACH_ASSIGNED notification kind.
 *
 * Encrypting needs the application key, which the database never sees, so this migration only
 * does what SQL can: it adds the columns, hashes existing calendar tokens (sha256, as the app
 * does) so feed URLs keep working, and leaves the old plaintext columns nullable. The API then
 * encrypts what is left in them and empties them, at every start (apps/api/src/private-text,
 * LegacyPlaintextService) and in `npm run homework:rekey`.
 */
export class ProtectPrivateText1764400000000 implements MigrationInterface {
  name = 'ProtectPrivateText1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Not used in this transaction (Postgres forbids using a value added in the same one).
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'COACH_ASSIGNED'`);

    await q.query(`ALTER TABLE submissions ADD COLUMN feedback_encrypted text`);
    await q.query(`CREATE INDEX submissions_legacy_feedback_idx ON submissions (id) WHERE feedback IS NOT NULL`);
    await q.query(`ALTER TABLE enrollments ADD COLUMN motivation_encrypted text`);
    await q.query(`CREATE INDEX enrollments_legacy_motivation_idx ON enrollments (id) WHERE motivation IS NOT NULL`);

    await q.query(`ALTER TABLE users ADD COLUMN calendar_token_hash text, ADD COLUMN calendar_token_encrypted text`);
    await q.query(`UPDATE users SET calendar_token_hash = encode(sha256(convert_to(calendar_token, 'UTF8')), 'hex')`);
    await q.query(`ALTER TABLE users ALTER COLUMN calendar_token DROP NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX users_calendar_token_hash_key ON users (calendar_token_hash)`);

    // Refuses every change to rows of an append-only table.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await q.query(`CREATE TYPE access_subject AS ENUM ('SUBMISSION', 'CHECK_IN')`);
    await q.query(`
      CREATE TABLE access_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        reader_id uuid NOT NULL,
        subject access_subject NOT NULL,
        subject_id uuid NOT NULL,
        -- The clock hour (UTC) of the read: one row per reader, item and hour.
        hour timestamptz NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT access_log_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT access_log_reader_fk FOREIGN KEY (reader_id) REFERENCES users (id) ON DELETE NO ACTION,
        CONSTRAINT access_log_once_per_hour UNIQUE (reader_id, subject, subject_id, hour)
      )`);
    await q.query(`CREATE INDEX access_log_owner_at_idx ON access_log (owner_id, at)`);
    // Deleting the owner's account takes their log with it (cascade); nothing rewrites it.
    await q.query(`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`CREATE TYPE cohort_audit_action AS ENUM ('COACH_ASSIGNED', 'COACH_UNASSIGNED')`);
    await q.query(`
      CREATE TABLE cohort_audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL,
        action cohort_audit_action NOT NULL,
        coach_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cohort_audit_log_cohort_fk FOREIGN KEY (cohort_id) REFERENCES cohorts (id) ON DELETE NO ACTION,
        CONSTRAINT cohort_audit_log_coach_fk FOREIGN KEY (coach_id) REFERENCES users (id) ON DELETE NO ACTION,
        CONSTRAINT cohort_audit_log_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE NO ACTION
      )`);
    await q.query(`CREATE INDEX cohort_audit_log_cohort_at_idx ON cohort_audit_log (cohort_id, at)`);
    await q.query(`CREATE TRIGGER cohort_audit_log_append_only BEFORE UPDATE OR DELETE ON cohort_audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER cohort_audit_log_no_truncate BEFORE TRUNCATE ON cohort_audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON cohort_audit_log FROM PUBLIC`);

    await q.query(`
      CREATE TABLE queue_dashboard_tickets (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT queue_dashboard_tickets_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  /**
   * Drops what up() added. Encrypted values cannot be decrypted in SQL, so feedback, motivations
   * and calendar URLs encrypted since are lost (calendar_token stays nullable). COACH_ASSIGNED stays
   * in notification_kind (Postgres cannot drop an enum value; the earlier down drops the type).
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_dashboard_tickets`);
    await q.query(`DROP TABLE cohort_audit_log`);
    await q.query(`DROP TYPE cohort_audit_action`);
    await q.query(`DROP TABLE access_log`);
    await q.query(`DROP TYPE access_subject`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP INDEX users_calendar_token_hash_key`);
    await q.query(`ALTER TABLE users DROP COLUMN calendar_token_encrypted, DROP COLUMN calendar_token_hash`);
    await q.query(`DROP INDEX enrollments_legacy_motivation_idx`);
    await q.query(`ALTER TABLE enrollments DROP COLUMN motivation_encrypted`);
    await q.query(`DROP INDEX submissions_legacy_feedback_idx`);
    await q.query(`ALTER TABLE submissions DROP COLUMN feedback_encrypted`);
  }
}
