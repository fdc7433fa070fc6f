import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files attached to homework are encrypted like typed answers (PrivateTextCipher.encryptBytes), so
 * the stored bytes are a little longer than the file. Files stored in the clear before this (the
 * feature's first hours, no release) cannot be told apart safely and are removed.
 */
export class EncryptHomeworkUploads1765890000000 implements MigrationInterface {
  name = 'EncryptHomeworkUploads1765890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM homework_uploads WHERE octet_length(data) = size_bytes`);
    await q.query(`ALTER TABLE homework_uploads DROP CONSTRAINT homework_uploads_size_check`);
    await q.query(`ALTER TABLE homework_uploads ADD CONSTRAINT homework_uploads_size_check CHECK (size_bytes > 0 AND size_bytes <= 5242880 AND octet_length(data) > size_bytes)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM homework_uploads`);
    await q.query(`ALTER TABLE homework_uploads DROP CONSTRAINT homework_uploads_size_check`);
    await q.query(`ALTER TABLE homework_uploads ADD CONSTRAINT homework_uploads_size_check CHECK (size_bytes > 0 AND size_bytes <= 5242880 AND octet_length(data) = size_bytes)`);
  }
}
