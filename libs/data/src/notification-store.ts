import type { EntityManager } from 'typeorm';
import { EmailStatus, NotificationKind } from '@anchored/domain';
import { nextSendTime, type NotificationAbout } from '@anchored/notifications';

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  /** Identifies recipient, subject and occurrence; a second draft with the same key is ignored. */
  dedupeKey: string;
  subject: string;
  body: string;
  html: string;
  /** After this moment an email is pointless (a session's start, a due time): skip it. */
  emailDeadline?: Date;
  /** What it is about, for the app's short line and link. */
  about?: NotificationAbout;
  /** Shown in the app but never emailed from here: the caller sends its own email (e.g. one carrying text not stored). */
  inAppOnly?: boolean;
}

/** A rendered message (subject, plain text, HTML) addressed to one user as one occurrence. */
export function notificationDraft(
  userId: string,
  kind: NotificationKind,
  dedupeKey: string,
  message: { subject: string; text: string; html: string },
  emailDeadline?: Date,
  about?: NotificationAbout,
): NotificationDraft {
  return {
    userId,
    kind,
    dedupeKey,
    subject: message.subject,
    body: message.text,
    html: message.html,
    ...(emailDeadline ? { emailDeadline } : {}),
    ...(about ? { about } : {}),
  };
}

export interface StoredNotification {
  id: string;
  userId: string;
  emailStatus: EmailStatus;
  emailNotBefore: Date;
}

interface Recipient {
  id: string;
  timezone: string;
  email_kinds: NotificationKind[] | string | null;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

const CHUNK = 500;

/** pg returns enum arrays as their text form "{A,B}". */
function kindsOf(value: Recipient['email_kinds']): NotificationKind[] | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) as NotificationKind[];
}

/**
 * Stores notifications exactly once each (the dedupe key is unique) and decides, per recipient's
 * preferences and quiet hours, whether and when each is emailed. Returns only the rows inserted now,
 * so a retried job does not email twice. Runs in the caller's transaction.
 */
export async function storeNotifications(manager: EntityManager, drafts: readonly NotificationDraft[], now = new Date()): Promise<StoredNotification[]> {
  if (drafts.length === 0) return [];
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const recipients: Recipient[] = await manager.query(
    `SELECT id, timezone, email_kinds, quiet_hours_start, quiet_hours_end FROM users WHERE id = ANY($1::uuid[])`,
    [userIds],
  );
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const stored: StoredNotification[] = [];
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const params: unknown[] = [];
    const values: string[] = [];
    for (const draft of drafts.slice(i, i + CHUNK)) {
      const recipient = byId.get(draft.userId);
      if (!recipient) continue;
      const kinds = kindsOf(recipient.email_kinds);
      const quiet = recipient.quiet_hours_start && recipient.quiet_hours_end ? { start: recipient.quiet_hours_start, end: recipient.quiet_hours_end } : null;
      const notBefore = nextSendTime(now, recipient.timezone, quiet);
      // Security notices are always emailed: they are how someone learns their account was touched.
      const wanted = kinds === null || draft.kind === NotificationKind.SECURITY || kinds.includes(draft.kind);
      const timely = !draft.emailDeadline || notBefore < draft.emailDeadline;
      const status = wanted && timely && !draft.inAppOnly ? EmailStatus.PENDING : EmailStatus.SKIPPED;
      const base = params.length;
      params.push(draft.userId, draft.kind, draft.dedupeKey, draft.subject, draft.body, draft.html, status, notBefore, now, draft.about ? JSON.stringify(draft.about) : null);
      values.push(`(${Array.from({ length: 10 }, (_, k) => `$${base + k + 1}`).join(', ')})`);
    }
    if (values.length === 0) continue;
    const rows: { id: string; user_id: string; email_status: EmailStatus; email_not_before: Date }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, subject, body, html, email_status, email_not_before, created_at, about)
       VALUES ${values.join(', ')}
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, user_id, email_status, email_not_before`,
      params,
    );
    stored.push(...rows.map((r) => ({ id: r.id, userId: r.user_id, emailStatus: r.email_status, emailNotBefore: new Date(r.email_not_before) })));
  }
  return stored;
}
