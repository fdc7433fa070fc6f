import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the program team (an admin) withdrew the client, rather than the client themself: the
 * client's own screens word the two differently. Earlier withdrawals count as the client's own.
 */
export class WithdrawnByTeam1765500000000 implements MigrationInterface {
  name = 'WithdrawnByTeam1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollments ADD COLUMN withdrawn_by_team boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollments DROP COLUMN withdrawn_by_team`);
  }
}
