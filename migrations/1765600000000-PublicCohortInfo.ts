import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a visitor reads before applying: a cohort's description (written by admins) and a coach's
 * short bio (written by the coach). Both public; lengths are checked by the API.
 */
export class PublicCohortInfo1765600000000 implements MigrationInterface {
  name = 'PublicCohortInfo1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohorts ADD COLUMN description text`);
    await q.query(`ALTER TABLE users ADD COLUMN bio text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN bio`);
    await q.query(`ALTER TABLE cohorts DROP COLUMN description`);
  }
}
