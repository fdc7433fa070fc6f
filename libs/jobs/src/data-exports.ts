import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DATA_EXPORT_PENDING_GIVE_UP_HOURS,
  DATA_EXPORT_TTL_HOURS,
  PrivateTextCipher,
  buildDataExport,
  dataExportAad,
  dataExportTokenAad,
  dataExportTokenHash,
  notificationDraft,
} from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { dataExportReadyKey, renderDataExportReady } from '@anchored/notifications';
import type { NotificationOutbox } from './outbox';

/**
 * Builds one PENDING export: the JSON file of everything held about its owner, encrypted into the
 * export's row with a fresh download secret, and the owner's DATA_EXPORT_READY notification, in one
 * transaction (the email is queued after it commits). Run by the worker's build-data-export job;
 * a retried or duplicated job waits on the row lock and then finds it READY.
 */
export async function completeDataExport(
  outbox: NotificationOutbox,
  cipher: PrivateTextCipher,
  exportId: string,
  settingsUrl: string,
  now = new Date(),
): Promise<'built' | 'nothing to do'> {
  return outbox.transaction(async (manager, notify) => {
    const [row]: { id: string; user_id: string; status: string }[] = await manager.query(
      `SELECT id, user_id, status FROM data_exports WHERE id = $1 FOR UPDATE`,
      [exportId],
    );
    if (!row || row.status !== 'PENDING') return 'nothing to do';
    const document = await buildDataExport(manager, cipher, row.user_id, now);
    const token = randomBytes(32).toString('base64url');
    const ref = { id: row.id, userId: row.user_id };
    await manager.query(
      `UPDATE data_exports SET status = 'READY', ready_at = $2, expires_at = $3, token_hash = $4, token_encrypted = $5, content_encrypted = $6 WHERE id = $1`,
      [
        row.id,
        now,
        new Date(now.getTime() + DATA_EXPORT_TTL_HOURS * 3_600_000),
        dataExportTokenHash(token),
        cipher.encrypt(token, dataExportTokenAad(ref)),
        cipher.encrypt(document, dataExportAad(ref)),
      ],
    );
    await notify.notify(
      [
        notificationDraft(row.user_id, NotificationKind.DATA_EXPORT_READY, dataExportReadyKey(row.id), renderDataExportReady({ recipientName: document.profile.name, settingsUrl }), undefined, {
          kind: 'DATA_EXPORT_READY',
        }),
      ],
      now,
    );
    return 'built' as const;
  });
}

/**
 * Exports past their 24 hours lose their file and link (EXPIRED); requests never built within a
 * day are given up (EXPIRED, so the person can ask again). Returns how many expired and the ids of
 * PENDING requests older than a minute, whose job may have been lost.
 */
export async function expireDataExports(db: DataSource, now = new Date()): Promise<{ expired: number; pending: string[] }> {
  const [, expired]: [unknown[], number] = await db.query(
    `UPDATE data_exports SET status = 'EXPIRED', token_hash = NULL, token_encrypted = NULL, content_encrypted = NULL
     WHERE (status = 'READY' AND expires_at <= $1) OR (status = 'PENDING' AND requested_at <= $2)`,
    [now, new Date(now.getTime() - DATA_EXPORT_PENDING_GIVE_UP_HOURS * 3_600_000)],
  );
  const pending: { id: string }[] = await db.query(`SELECT id FROM data_exports WHERE status = 'PENDING' AND requested_at < $1`, [new Date(now.getTime() - 60_000)]);
  return { expired: Number(expired) || 0, pending: pending.map((p) => p.id) };
}
