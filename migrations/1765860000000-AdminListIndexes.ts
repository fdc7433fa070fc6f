import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin's lists page through every application, person and invitation: each is read in the
 * order of one of these indexes, after its filter (status, role), so a page costs the same on
 * the hundredth page as on the first. Name and email searches narrow those same lists.
 */
export class AdminListIndexes1765860000000 implements MigrationInterface {
  name = 'AdminListIndexes1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enrollments_status_applied_idx ON enrollments (status, applied_at, id)`);
    await q.query(`CREATE INDEX enrollments_cohort_applied_idx ON enrollments (cohort_id, applied_at, id)`);
    await q.query(`CREATE INDEX users_name_idx ON users (name, id)`);
    await q.query(`CREATE INDEX users_role_name_idx ON users (role, name, id)`);
    await q.query(`CREATE INDEX invitations_created_idx ON invitations (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX invitations_created_idx`);
    await q.query(`DROP INDEX users_role_name_idx`);
    await q.query(`DROP INDEX users_name_idx`);
    await q.query(`DROP INDEX enrollments_cohort_applied_idx`);
    await q.query(`DROP INDEX enrollments_status_applied_idx`);
  }
}
