import type { DataSource, EntityManager } from 'typeorm';
import { NotificationDraft, StoredNotification, storeNotifications } from '@anchored/data';
import { EmailStatus } from '@anchored/domain';
import type { LiveEvent } from './live-events';
import { EMAIL_QUEUE, JobQueue } from './queues';
import { emailJobs, enqueuePlanned } from './scheduler';

/** Handed to the work of one transaction: notifications stored here are emailed once it commits. */
export interface OutboxWriter {
  /**
   * Stores the drafts in the transaction, exactly once each (the dedupe key), and returns the rows
   * inserted now: a retried job or request gets back only what is new.
   */
  notify(drafts: readonly NotificationDraft[], now?: Date): Promise<StoredNotification[]>;
}

/**
 * The one way the API and the worker store notifications: in the transaction of the change that
 * causes them, with their email jobs added only after it commits. A rollback stores nothing and
 * queues nothing. Queueing is best effort: if Redis fails the rows stay PENDING and the worker's
 * reconciler queues them on its next pass, so an outage never fails the change itself. Without an
 * email queue (an API running without Redis) the reconciler does all of it. After the commit, each
 * stored notification is also announced live (`publishLive`: the notificationAdded subscription).
 */
export class NotificationOutbox {
  constructor(
    private readonly db: DataSource,
    private readonly email: JobQueue<typeof EMAIL_QUEUE> | undefined,
    private readonly warn: (message: string) => void,
    /** Announces committed notifications to the API instances (never throws); absent: none. */
    private readonly publishLive?: (events: LiveEvent[]) => Promise<void>,
  ) {}

  async transaction<T>(work: (manager: EntityManager, outbox: OutboxWriter) => Promise<T>): Promise<T> {
    const stored: StoredNotification[] = [];
    const result = await this.db.transaction((manager) =>
      work(manager, {
        notify: async (drafts, now) => {
          const rows = await storeNotifications(manager, drafts, now);
          stored.push(...rows);
          return rows;
        },
      }),
    );
    await this.queueEmails(stored);
    await this.announce(stored);
    return result;
  }

  private async announce(rows: readonly StoredNotification[]): Promise<void> {
    if (!this.publishLive || rows.length === 0) return;
    try {
      await this.publishLive(rows.map((r) => ({ type: 'notification', userId: r.userId, notificationId: r.id })));
    } catch (error) {
      this.warn(`Could not announce ${rows.length} notifications live: ${(error as Error).message}`);
    }
  }

  private async queueEmails(rows: readonly StoredNotification[]): Promise<void> {
    const pending = rows.filter((r) => r.emailStatus === EmailStatus.PENDING);
    if (!this.email || pending.length === 0) return;
    try {
      await enqueuePlanned(this.email, emailJobs(pending));
    } catch (error) {
      this.warn(`Could not queue ${pending.length} emails now; the reconciler will: ${(error as Error).message}`);
    }
  }
}
