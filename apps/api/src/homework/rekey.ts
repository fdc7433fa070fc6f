import { DataSource } from 'typeorm';
import { SubmissionEntity } from '@anchored/data';
import { responsesAad } from './homework.service';
import { ResponseCipher } from './response-cipher';

/**
 * Re-encrypts every homework answer still under an older key with the current (first) key, in
 * batches, each row under a lock. Afterwards the old key can be removed from HOMEWORK_ENCRYPTION_KEYS.
 */
export async function rekeyHomework(db: DataSource, cipher: ResponseCipher, batchSize = 200): Promise<number> {
  const prefix = `v1:${cipher.currentKeyId}:`;
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (manager) => {
      const rows = await manager
        .getRepository(SubmissionEntity)
        .createQueryBuilder('s')
        .where('left(s.responses_encrypted, :n) <> :prefix', { n: prefix.length, prefix })
        .orderBy('s.id')
        .limit(batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const row of rows) {
        const answers = cipher.decrypt(row.responsesEncrypted, responsesAad(row));
        await manager.update(SubmissionEntity, { id: row.id }, { responsesEncrypted: cipher.encrypt(answers, responsesAad(row)) });
      }
      return rows.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
