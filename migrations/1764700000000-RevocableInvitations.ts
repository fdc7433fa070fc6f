import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admins can revoke an invitation (its link dies at once) or send it again under a new token (the
 * old link dies). A revoked invitation is kept, marked, rather than deleted: the list shows it went.
 */
export class RevocableInvitations1764700000000 implements MigrationInterface {
  name = 'RevocableInvitations1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitations ADD COLUMN revoked_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitations DROP COLUMN revoked_at`);
  }
}
