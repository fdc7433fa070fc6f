import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coaches write their own homework templates (docs/homework-templates.md). A template's content is
 * versioned: an edit adds a version, and an assignment pins the version it was made from, so an
 * answer is always checked against the form the client saw. Files and voice notes attached to
 * answers are kept in Postgres behind a size limit.
 */
export class CoachHomeworkTemplates1765873000000 implements MigrationInterface {
  name = 'CoachHomeworkTemplates1765873000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE homework_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid CONSTRAINT homework_templates_owner_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        current_version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT homework_templates_current_version_check CHECK (current_version >= 1)
      )`);
    await q.query(`CREATE INDEX homework_templates_owner_idx ON homework_templates (owner_id)`);
    await q.query(`
      CREATE TABLE homework_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL CONSTRAINT homework_template_versions_template_id_fkey REFERENCES homework_templates(id) ON DELETE CASCADE,
        version int NOT NULL,
        title text NOT NULL,
        instructions text NOT NULL,
        fields jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT homework_template_versions_title_check CHECK (length(btrim(title)) > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX homework_template_versions_number_idx ON homework_template_versions (template_id, version)`);
    await q.query(`
      ALTER TABLE homework_assignments
        ADD COLUMN template_version_id uuid CONSTRAINT homework_assignments_template_version_id_fkey REFERENCES homework_template_versions(id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX homework_assignments_template_version_idx ON homework_assignments (template_version_id)`);
    await q.query(`
      CREATE TABLE homework_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL CONSTRAINT homework_uploads_assignment_id_fkey REFERENCES homework_assignments(id) ON DELETE CASCADE,
        client_id uuid NOT NULL CONSTRAINT homework_uploads_client_id_fkey REFERENCES users(id) ON DELETE CASCADE,
        submission_id uuid CONSTRAINT homework_uploads_submission_id_fkey REFERENCES submissions(id) ON DELETE CASCADE,
        field_key text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT homework_uploads_size_check CHECK (size_bytes > 0 AND size_bytes <= 5242880 AND octet_length(data) = size_bytes)
      )`);
    await q.query(`CREATE INDEX homework_uploads_assignment_client_idx ON homework_uploads (assignment_id, client_id)`);
    await q.query(`CREATE INDEX homework_uploads_client_idx ON homework_uploads (client_id)`);
    await q.query(`CREATE INDEX homework_uploads_submission_idx ON homework_uploads (submission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE homework_uploads`);
    await q.query(`ALTER TABLE homework_assignments DROP COLUMN template_version_id`);
    await q.query(`DROP TABLE homework_template_versions`);
    await q.query(`DROP TABLE homework_templates`);
  }
}
