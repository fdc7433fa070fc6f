import { MigrationInterface, QueryRunner } from 'typeorm';

/** Live sessions, attendance, homework assignments and (encrypted) submissions. */
export class CreateCoachingLoop1764100000000 implements MigrationInterface {
  name = 'CreateCoachingLoop1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE session_status AS ENUM ('SCHEDULED', 'CANCELLED', 'COMPLETED')`);
    await q.query(`CREATE TYPE attendance_status AS ENUM ('PRESENT', 'ABSENT', 'EXCUSED')`);
    await q.query(`CREATE TYPE submission_status AS ENUM ('SUBMITTED', 'REVIEWED')`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        series_id uuid,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        module_key text,
        starts_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
        meeting_url text,
        status session_status NOT NULL DEFAULT 'SCHEDULED',
        -- iCalendar SEQUENCE: grows each time the session moves or is cancelled.
        sequence int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_cohort_starts_idx ON sessions (cohort_id, starts_at)`);
    await q.query(`CREATE INDEX sessions_starts_idx ON sessions (starts_at) WHERE status = 'SCHEDULED'`);

    await q.query(`
      CREATE TABLE attendance (
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status attendance_status NOT NULL,
        recorded_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, client_id)
      )`);
    await q.query(`CREATE INDEX attendance_client_idx ON attendance (client_id)`);

    await q.query(`
      CREATE TABLE homework_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        template_key text NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        instructions text,
        due_at timestamptz NOT NULL,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX homework_assignments_cohort_due_idx ON homework_assignments (cohort_id, due_at)`);

    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES homework_assignments (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- AES-256-GCM ciphertext of the JSON answers; see apps/api/src/homework/response-cipher.ts.
        responses_encrypted text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        late boolean NOT NULL DEFAULT false,
        status submission_status NOT NULL DEFAULT 'SUBMITTED',
        feedback text,
        reviewed_at timestamptz,
        reviewed_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'REVIEWED') = (reviewed_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX submissions_one_per_client ON submissions (assignment_id, client_id)`);
    await q.query(`CREATE INDEX submissions_client_idx ON submissions (client_id, submitted_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submissions`);
    await q.query(`DROP TABLE homework_assignments`);
    await q.query(`DROP TABLE attendance`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TYPE submission_status`);
    await q.query(`DROP TYPE attendance_status`);
    await q.query(`DROP TYPE session_status`);
  }
}
