import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a notification is about (ids, names and titles only, never anyone's text), so the app can
 * show it as one short line that links to its screen. Older rows keep NULL and read as before.
 */
export class NotificationAbout1765850000000 implements MigrationInterface {
  name = 'NotificationAbout1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN about jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN about`);
  }
}
