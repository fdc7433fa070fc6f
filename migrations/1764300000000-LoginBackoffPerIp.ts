import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The failed-login backoff counts per account AND client IP (so one attacker's address cannot
 * lock the owner out from theirs), plus one looser account-wide row per email (ip_hash '*') that
 * still slows an attack spread over many addresses. Existing rows become account-wide rows.
 */
export class LoginBackoffPerIp1764300000000 implements MigrationInterface {
  name = 'LoginBackoffPerIp1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_attempts ADD COLUMN ip_hash text NOT NULL DEFAULT '*'`);
    await q.query(`ALTER TABLE login_attempts ALTER COLUMN ip_hash DROP DEFAULT`);
    await q.query(`ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_pkey`);
    await q.query(`ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_pkey PRIMARY KEY (email_hash, ip_hash)`);
    await q.query(`ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_failures_check CHECK (failures >= 0)`);
    // Old rows of addresses that went quiet are pruned by age.
    await q.query(`CREATE INDEX login_attempts_last_failure_at_idx ON login_attempts (last_failure_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX login_attempts_last_failure_at_idx`);
    await q.query(`ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_failures_check`);
    await q.query(`DELETE FROM login_attempts WHERE ip_hash <> '*'`);
    await q.query(`ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_pkey`);
    await q.query(`ALTER TABLE login_attempts DROP COLUMN ip_hash`);
    await q.query(`ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_pkey PRIMARY KEY (email_hash)`);
  }
}
