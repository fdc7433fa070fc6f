import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { checkInNoteAad, homeworkUploadAad } from '@anchored/data';
import { PrivateTextCipher, calendarTokenAad, feedbackAad, motivationAad, responsesAad, twoFactorSecretAad } from './private-text-cipher';

/** sha256 hex of a calendar token: what the database keeps to find a feed (computed the same way in SQL by the migration). */
export function calendarTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Every encrypted column, with the plaintext column it replaced (null for homework answers, which
 * were encrypted from the start). Until migration 1764400000000 feedback, motivations and calendar
 * tokens were stored in the clear; the migration cannot encrypt them (the key is not in the
 * database), so the app does, at start and in `npm run homework:rekey`.
 */
interface SealedColumn {
  name: string;
  table: string;
  /** Columns the associated data is built from. */
  owner: string[];
  sealed: string;
  legacy: string | null;
  aad: (row: Record<string, string>) => string;
  /** Extra columns to set when a legacy value is sealed. */
  extra?: (plain: string) => Record<string, string>;
}

const SEALED: SealedColumn[] = [
  {
    name: 'homework answers',
    table: 'submissions',
    owner: ['assignment_id', 'client_id'],
    sealed: 'responses_encrypted',
    legacy: null,
    aad: (r) => responsesAad({ assignmentId: r['assignment_id'], clientId: r['client_id'] }),
  },
  {
    name: 'coach feedback',
    table: 'submissions',
    owner: ['assignment_id', 'client_id'],
    sealed: 'feedback_encrypted',
    legacy: 'feedback',
    aad: (r) => feedbackAad({ assignmentId: r['assignment_id'], clientId: r['client_id'] }),
  },
  {
    name: 'application motivations',
    table: 'enrollments',
    owner: ['cohort_id', 'client_id'],
    sealed: 'motivation_encrypted',
    legacy: 'motivation',
    aad: (r) => motivationAad({ cohortId: r['cohort_id'], clientId: r['client_id'] }),
  },
  {
    name: 'calendar tokens',
    table: 'users',
    owner: ['id'],
    sealed: 'calendar_token_encrypted',
    legacy: 'calendar_token',
    aad: (r) => calendarTokenAad(r['id']),
    extra: (token) => ({ calendar_token_hash: calendarTokenHash(token) }),
  },
  {
    name: 'two-factor secrets',
    table: 'two_factor_credentials',
    owner: ['user_id'],
    sealed: 'secret_encrypted',
    legacy: null,
    aad: (r) => twoFactorSecretAad(r['user_id']),
  },
  {
    name: 'check-in notes',
    table: 'check_ins',
    // The day as text (a bare DATE column would come back as a JS Date): the associated data names it.
    owner: ['client_id', 'local_date::text AS local_date'],
    sealed: 'note_encrypted',
    legacy: null,
    aad: (r) => checkInNoteAad({ clientId: r['client_id'], localDate: r['local_date'] }),
  },
];

async function inBatches(db: DataSource, batchSize: number, work: (manager: EntityManager) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(work);
    total += done;
    if (done < batchSize) return total;
  }
}

async function update(manager: EntityManager, table: string, id: string, values: Record<string, string | null>): Promise<void> {
  const names = Object.keys(values);
  await manager.query(`UPDATE ${table} SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...names.map((n) => values[n])]);
}

/**
 * Encrypts what an older version stored in the clear and empties the plaintext column, in batches
 * under row locks (`FOR UPDATE SKIP LOCKED`), so it can run on every instance at once. Returns how
 * many values it sealed per kind.
 */
export async function sealLegacyPlaintext(db: DataSource, cipher: PrivateTextCipher, batchSize = 200): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of SEALED) {
    const legacy = column.legacy;
    if (!legacy) continue;
    counts[column.name] = await inBatches(db, batchSize, async (manager) => {
      const rows: Record<string, string>[] = await manager.query(
        `SELECT id, ${column.owner.join(', ')}, ${legacy} AS plain FROM ${column.table}
         WHERE ${legacy} IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      for (const row of rows) {
        await update(manager, column.table, row['id'], {
          [column.sealed]: cipher.encrypt(row['plain'], column.aad(row)),
          [legacy]: null,
          ...column.extra?.(row['plain']),
        });
      }
      return rows.length;
    });
  }
  return counts;
}

/**
 * Re-encrypts every value still under an older key with the current (first) key. Afterwards the
 * old key can be removed from HOMEWORK_ENCRYPTION_KEYS. Returns the count per kind.
 */
export async function rekeyPrivateText(db: DataSource, cipher: PrivateTextCipher, batchSize = 200): Promise<Record<string, number>> {
  const prefix = `v1:${cipher.currentKeyId}:`;
  const counts: Record<string, number> = {};
  for (const column of SEALED) {
    counts[column.name] = await inBatches(db, batchSize, async (manager) => {
      const rows: Record<string, string>[] = await manager.query(
        `SELECT id, ${column.owner.join(', ')}, ${column.sealed} AS sealed FROM ${column.table}
         WHERE ${column.sealed} IS NOT NULL AND left(${column.sealed}, $2) <> $3 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize, prefix.length, prefix],
      );
      for (const row of rows) {
        const aad = column.aad(row);
        await update(manager, column.table, row['id'], { [column.sealed]: cipher.encrypt(cipher.decrypt(row['sealed'], aad), aad) });
      }
      return rows.length;
    });
  }
  counts['homework_uploads.data'] = await rekeyHomeworkUploads(db, cipher, batchSize);
  return counts;
}

/** Files attached to homework (bytes, up to 5 MB each) still under an older key, re-encrypted a few per transaction. */
export async function rekeyHomeworkUploads(db: DataSource, cipher: PrivateTextCipher, batchSize = FILE_BATCH): Promise<number> {
  const header = Buffer.from(`v1:${cipher.currentKeyId}\n`);
  const files = Math.min(batchSize, FILE_BATCH);
  return inBatches(db, files, async (manager) => {
    const rows: { id: string; client_id: string; data: Buffer }[] = await manager.query(
      `SELECT id, client_id, data FROM homework_uploads WHERE substring(data FROM 1 FOR $2) <> $3 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [files, header.length, header],
    );
    for (const row of rows) {
      const aad = homeworkUploadAad({ id: row.id, clientId: row.client_id });
      await manager.query(`UPDATE homework_uploads SET data = $2 WHERE id = $1`, [row.id, cipher.encryptBytes(cipher.decryptBytes(row.data, aad), aad)]);
    }
    return rows.length;
  });
}

/** Files re-encrypted per transaction by rekeyPrivateText (each up to 5 MB). */
const FILE_BATCH = 10;

/** A new calendar feed secret for `userId`: what to store (hash to find it, ciphertext to show it again) and the secret itself. */
export function newCalendarToken(cipher: PrivateTextCipher, userId: string, token: string) {
  return {
    token,
    columns: {
      calendarTokenHash: calendarTokenHash(token),
      calendarTokenEncrypted: cipher.encrypt(token, calendarTokenAad(userId)),
      legacyCalendarToken: null,
    },
  };
}

/** The user's calendar feed secret, to show them their URL; null when they have none. */
export function readCalendarToken(
  cipher: PrivateTextCipher,
  user: { id: string; calendarTokenEncrypted: string | null; legacyCalendarToken: string | null },
): string | null {
  return user.calendarTokenEncrypted ? cipher.decrypt<string>(user.calendarTokenEncrypted, calendarTokenAad(user.id)) : user.legacyCalendarToken;
}
