import { DataSource } from 'typeorm';
import { PrivateTextCipher } from '../private-text/private-text-cipher';
import { rekeyPrivateText, sealLegacyPlaintext } from '../private-text/sealed-columns';

/**
 * `npm run homework:rekey`: encrypts any private text still stored in the clear, then re-encrypts
 * every value under an older key (homework answers, feedback, motivations, calendar tokens, files attached to homework) with
 * the current (first) key, in batches, each row under a lock. Afterwards the old key can be
 * removed from HOMEWORK_ENCRYPTION_KEYS. Returns how many values it changed.
 */
export async function rekeyHomework(db: DataSource, cipher: PrivateTextCipher, batchSize = 200): Promise<number> {
  const sealed = await sealLegacyPlaintext(db, cipher, batchSize);
  const rekeyed = await rekeyPrivateText(db, cipher, batchSize);
  return [...Object.values(sealed), ...Object.values(rekeyed)].reduce((a, b) => a + b, 0);
}
