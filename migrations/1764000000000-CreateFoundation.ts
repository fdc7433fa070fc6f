import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, invitations, auth tokens, cohorts, coaches and enrollments. */
export class CreateFoundation1764000000000 implements MigrationInterface {
  name = 'CreateFoundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('ADMIN', 'COACH', 'CLIENT')`);
    await q.query(`CREATE TYPE cohort_status AS ENUM ('DRAFT', 'ENROLLING', 'ACTIVE', 'COMPLETED', 'ARCHIVED')`);
    await q.query(
      `CREATE TYPE enrollment_status AS ENUM ('APPLIED', 'WAITLISTED', 'ENROLLED', 'REJECTED', 'WITHDRAWN', 'GRADUATED')`,
    );

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        role user_role NOT NULL,
        timezone text NOT NULL DEFAULT 'UTC',
        password_hash text NOT NULL,
        calendar_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE UNIQUE INDEX users_calendar_token_key ON users (calendar_token)`);
    await q.query(`CREATE INDEX users_role_idx ON users (role)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role user_role NOT NULL,
        token_hash text NOT NULL,
        invited_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await q.query(`CREATE INDEX invitations_email_idx ON invitations (email)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE login_attempts (
        email_hash text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        status cohort_status NOT NULL DEFAULT 'DRAFT',
        starts_on date NOT NULL,
        program_weeks int NOT NULL DEFAULT 26 CHECK (program_weeks BETWEEN 1 AND 104),
        timezone text NOT NULL,
        capacity int NOT NULL CHECK (capacity >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cohorts_status_idx ON cohorts (status)`);

    await q.query(`
      CREATE TABLE cohort_coaches (
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        coach_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, coach_id)
      )`);
    await q.query(`CREATE INDEX cohort_coaches_coach_idx ON cohort_coaches (coach_id)`);

    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status enrollment_status NOT NULL DEFAULT 'APPLIED',
        motivation text,
        applied_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        waitlisted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'WAITLISTED' OR waitlisted_at IS NOT NULL)
      )`);
    // One open application or seat per client and cohort; closed ones (rejected, withdrawn,
    // graduated) stay as history and do not block a new application.
    await q.query(`
      CREATE UNIQUE INDEX enrollments_one_open_per_client
        ON enrollments (cohort_id, client_id) WHERE status IN ('APPLIED', 'WAITLISTED', 'ENROLLED')`);
    await q.query(`CREATE INDEX enrollments_cohort_status_idx ON enrollments (cohort_id, status)`);
    await q.query(`CREATE INDEX enrollments_client_idx ON enrollments (client_id)`);
    await q.query(`CREATE INDEX enrollments_waitlist_idx ON enrollments (cohort_id, waitlisted_at, id) WHERE status = 'WAITLISTED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enrollments`);
    await q.query(`DROP TABLE cohort_coaches`);
    await q.query(`DROP TABLE cohorts`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE enrollment_status`);
    await q.query(`DROP TYPE cohort_status`);
    await q.query(`DROP TYPE user_role`);
  }
}
