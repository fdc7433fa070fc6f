import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking one's data out, and leaving (docs/privacy.md):
 *
 * - `data_exports`: one JSON file per request, built by the worker, stored encrypted with the
 *   private-text cipher in the row itself (every API and worker instance reaches it), downloadable
 *   for 24 hours with a secret link (kept as a SHA-256 hash to find it, and encrypted so the owner's
 *   settings can show the link again); the file is emptied when it expires.
 * - The DATA_EXPORT_READY notification kind.
 * - Deleting an account deletes the user row, and the foreign keys do the rest. What must outlive
 *   the person loses its pointer to them instead of its row:
 *   - attendance keeps a session's headcount: `client_id` becomes nullable (ON DELETE SET NULL), so
 *     the primary key moves to a new `id` column and (session, client) stays unique;
 *   - the access log keeps the owner's record of a read by someone who has since left: `reader_id`
 *     becomes nullable (ON DELETE SET NULL), and the no-update trigger allows exactly that change;
 *   - the coach audit log keeps its entries: `coach_id` and `actor_id` become nullable (ON DELETE SET
 *     NULL), and the append-only trigger allows exactly that change (still no DELETE or TRUNCATE, and
 *     no other UPDATE).
 */
export class DataExports1764900000000 implements MigrationInterface {
  name = 'DataExports1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Not used in this transaction (Postgres forbids using a value added in the same one).
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'DATA_EXPORT_READY'`);

    await q.query(`CREATE TYPE data_export_status AS ENUM ('PENDING', 'READY', 'EXPIRED')`);
    await q.query(`
      CREATE TABLE data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        status data_export_status NOT NULL DEFAULT 'PENDING',
        requested_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        expires_at timestamptz,
        token_hash text,
        token_encrypted text,
        content_encrypted text,
        CONSTRAINT data_exports_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT data_exports_ready_check CHECK (status <> 'READY' OR (ready_at IS NOT NULL AND expires_at IS NOT NULL AND token_hash IS NOT NULL AND token_encrypted IS NOT NULL AND content_encrypted IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX data_exports_user_requested_idx ON data_exports (user_id, requested_at)`);
    // "Requested twice in a row returns the pending one", also under parallel requests.
    await q.query(`CREATE UNIQUE INDEX data_exports_one_pending_key ON data_exports (user_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE UNIQUE INDEX data_exports_token_hash_key ON data_exports (token_hash)`);

    // Attendance outlives the client (a session's headcount), without their id.
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_pkey`);
    await q.query(`ALTER TABLE attendance ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE attendance ADD CONSTRAINT attendance_pkey PRIMARY KEY (id)`);
    await q.query(`ALTER TABLE attendance ADD CONSTRAINT attendance_session_client_key UNIQUE (session_id, client_id)`);
    await q.query(`ALTER TABLE attendance ALTER COLUMN client_id DROP NOT NULL`);
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_client_id_fkey`);
    await q.query(`ALTER TABLE attendance ADD CONSTRAINT attendance_client_id_fkey FOREIGN KEY (client_id) REFERENCES users (id) ON DELETE SET NULL`);

    // Access log: a reader who left becomes "a deleted account"; the owner keeps the record.
    await q.query(`ALTER TABLE access_log ALTER COLUMN reader_id DROP NOT NULL`);
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_reader_fk`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_reader_fk FOREIGN KEY (reader_id) REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`
      CREATE FUNCTION access_log_forget_reader_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.reader_id IS NOT NULL AND NEW.reader_id IS NULL AND (to_jsonb(NEW) - 'reader_id') = (to_jsonb(OLD) - 'reader_id') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'access_log is append-only: UPDATE is not allowed (only forgetting a deleted reader)' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER access_log_no_update ON access_log`);
    await q.query(`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_forget_reader_only()`);

    // Coach audit log: the entry stays, the deleted coach or admin becomes "a deleted account".
    await q.query(`ALTER TABLE cohort_audit_log ALTER COLUMN coach_id DROP NOT NULL, ALTER COLUMN actor_id DROP NOT NULL`);
    await q.query(`ALTER TABLE cohort_audit_log DROP CONSTRAINT cohort_audit_log_coach_fk, DROP CONSTRAINT cohort_audit_log_actor_fk`);
    await q.query(`ALTER TABLE cohort_audit_log ADD CONSTRAINT cohort_audit_log_coach_fk FOREIGN KEY (coach_id) REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE cohort_audit_log ADD CONSTRAINT cohort_audit_log_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`
      CREATE FUNCTION cohort_audit_log_forget_person_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
          AND (to_jsonb(NEW) - 'coach_id' - 'actor_id') = (to_jsonb(OLD) - 'coach_id' - 'actor_id')
          AND (NEW.coach_id IS NOT DISTINCT FROM OLD.coach_id OR NEW.coach_id IS NULL)
          AND (NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id OR NEW.actor_id IS NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: % is not allowed (only forgetting a deleted account)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER cohort_audit_log_append_only ON cohort_audit_log`);
    await q.query(`CREATE TRIGGER cohort_audit_log_append_only BEFORE UPDATE OR DELETE ON cohort_audit_log FOR EACH ROW EXECUTE FUNCTION cohort_audit_log_forget_person_only()`);
  }

  /**
   * Drops the exports. Rows whose person was deleted cannot point back to them again: anonymous
   * attendance, access-log and audit rows are deleted first (the audit trigger is lifted for that).
   * DATA_EXPORT_READY stays in notification_kind (Postgres cannot drop an enum value).
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cohort_audit_log_append_only ON cohort_audit_log`);
    await q.query(`DELETE FROM cohort_audit_log WHERE coach_id IS NULL OR actor_id IS NULL`);
    await q.query(`ALTER TABLE cohort_audit_log DROP CONSTRAINT cohort_audit_log_coach_fk, DROP CONSTRAINT cohort_audit_log_actor_fk`);
    await q.query(`ALTER TABLE cohort_audit_log ALTER COLUMN coach_id SET NOT NULL, ALTER COLUMN actor_id SET NOT NULL`);
    await q.query(`ALTER TABLE cohort_audit_log ADD CONSTRAINT cohort_audit_log_coach_fk FOREIGN KEY (coach_id) REFERENCES users (id) ON DELETE NO ACTION`);
    await q.query(`ALTER TABLE cohort_audit_log ADD CONSTRAINT cohort_audit_log_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE NO ACTION`);
    await q.query(`CREATE TRIGGER cohort_audit_log_append_only BEFORE UPDATE OR DELETE ON cohort_audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`DROP FUNCTION cohort_audit_log_forget_person_only()`);

    await q.query(`DROP TRIGGER access_log_no_update ON access_log`);
    await q.query(`DELETE FROM access_log WHERE reader_id IS NULL`);
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_reader_fk`);
    await q.query(`ALTER TABLE access_log ALTER COLUMN reader_id SET NOT NULL`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_reader_fk FOREIGN KEY (reader_id) REFERENCES users (id) ON DELETE NO ACTION`);
    await q.query(`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`DROP FUNCTION access_log_forget_reader_only()`);

    await q.query(`DELETE FROM attendance WHERE client_id IS NULL`);
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_client_id_fkey`);
    await q.query(`ALTER TABLE attendance ALTER COLUMN client_id SET NOT NULL`);
    await q.query(`ALTER TABLE attendance ADD CONSTRAINT attendance_client_id_fkey FOREIGN KEY (client_id) REFERENCES users (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_session_client_key`);
    await q.query(`ALTER TABLE attendance DROP CONSTRAINT attendance_pkey`);
    await q.query(`ALTER TABLE attendance DROP COLUMN id`);
    await q.query(`ALTER TABLE attendance ADD CONSTRAINT attendance_pkey PRIMARY KEY (session_id, client_id)`);

    await q.query(`DROP TABLE data_exports`);
    await q.query(`DROP TYPE data_export_status`);
  }
}
