import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can live with: one-time links by email (password reset, address verification,
 * address change), stored only as sha256, and whether a user's address is verified.
 *
 * Existing users: those who accepted an invitation followed a link sent to their address, so they
 * count as verified (from the acceptance); everyone else is asked to confirm in the app.
 */
export class AccountTokens1764600000000 implements MigrationInterface {
  name = 'AccountTokens1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE account_token_purpose AS ENUM ('RESET_PASSWORD', 'VERIFY_EMAIL', 'CHANGE_EMAIL')`);
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT account_tokens_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        purpose account_token_purpose NOT NULL,
        token_hash text NOT NULL,
        new_email text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_tokens_token_hash_key ON account_tokens (token_hash)`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id)`);
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`
      UPDATE users u SET email_verified_at = i.accepted_at
        FROM invitations i
       WHERE i.email = u.email AND i.accepted_at IS NOT NULL`);
    await q.query(`ALTER TYPE notification_kind ADD VALUE IF NOT EXISTS 'SECURITY'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Postgres cannot drop an enum value; SECURITY stays in notification_kind.
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`DROP TYPE account_token_purpose`);
  }
}
