import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logins people can see and end (Settings → Logins): each refresh token records when its login was
 * last used (issued or refreshed) and the browser that holds it (the User-Agent, at most 200
 * characters), carried over on every rotation of the family.
 */
export class LoginSessions1764800000000 implements MigrationInterface {
  name = 'LoginSessions1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE refresh_tokens SET last_used_at = created_at`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN user_agent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN user_agent`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN last_used_at`);
  }
}
