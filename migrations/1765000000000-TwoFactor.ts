import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in for staff (TOTP, authenticator apps). One credential per user: the secret,
 * encrypted like private text (AES-256-GCM, bound to the user), confirmed once a first code proved
 * the app has it, and the last time step a code was accepted at, so a code works once. Ten
 * recovery codes per user, stored as sha256 only, each spent once. Both go with the user (CASCADE).
 */
export class TwoFactor1765000000000 implements MigrationInterface {
  name = 'TwoFactor1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE two_factor_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT two_factor_credentials_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        confirmed_at timestamptz,
        last_used_step integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX two_factor_credentials_user_id_key ON two_factor_credentials (user_id)`);
    await q.query(`
      CREATE TABLE two_factor_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT two_factor_recovery_codes_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX two_factor_recovery_codes_code_hash_key ON two_factor_recovery_codes (code_hash)`);
    await q.query(`CREATE INDEX two_factor_recovery_codes_user_idx ON two_factor_recovery_codes (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE two_factor_recovery_codes`);
    await q.query(`DROP TABLE two_factor_credentials`);
  }
}
