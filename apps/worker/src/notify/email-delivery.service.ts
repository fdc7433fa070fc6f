import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobName, JobResult } from '@anchored/jobs';
import { Mailer } from '@anchored/mail';

/** Thrown when another run holds the notification: BullMQ retries the job later. */
export class EmailBusyError extends Error {}

/** A send that crashed mid-way frees its claim after this long. */
const CLAIM_TIMEOUT_SECONDS = 60;

/**
 * Sends one stored notification by email. The row is claimed first (PENDING → SENDING), so two
 * runs never send it at once; it ends SENT, back to PENDING for a retry, or FAILED after the last
 * attempt. The notification itself is never lost: it is in the user's list either way.
 */
@Injectable()
export class EmailDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async deliver(notificationId: string, finalAttempt: boolean): Promise<JobResult<JobName.SEND_EMAIL>> {
    // TypeORM returns [rows, rowCount] for an UPDATE.
    const [claimed]: [{ id: string; subject: string; body: string; html: string; email: string }[], number] = await this.db.query(
      `UPDATE notifications n SET email_status = 'SENDING', email_claimed_at = now()
       FROM users u
       WHERE n.id = $1 AND u.id = n.user_id
         AND (n.email_status = 'PENDING' OR (n.email_status = 'SENDING' AND n.email_claimed_at < now() - interval '${CLAIM_TIMEOUT_SECONDS} seconds'))
       RETURNING n.id, n.subject, n.body, n.html, u.email`,
      [notificationId],
    );
    if (claimed.length === 0) {
      const [row]: { email_status: string }[] = await this.db.query(`SELECT email_status FROM notifications WHERE id = $1`, [notificationId]);
      if (row?.email_status === 'SENDING') throw new EmailBusyError(`Notification ${notificationId} is being sent by another run`);
      return 'nothing to do';
    }
    const [n] = claimed;
    try {
      await this.mailer.send({ id: n.id, to: n.email, subject: n.subject, text: n.body, html: n.html });
    } catch (error) {
      await this.db.query(
        `UPDATE notifications SET email_status = $2, email_attempts = email_attempts + 1, email_error = $3, email_claimed_at = NULL WHERE id = $1`,
        [n.id, finalAttempt ? 'FAILED' : 'PENDING', String((error as Error).message).slice(0, 500)],
      );
      throw error;
    }
    await this.db.query(
      `UPDATE notifications SET email_status = 'SENT', emailed_at = now(), email_attempts = email_attempts + 1, email_error = NULL WHERE id = $1`,
      [n.id],
    );
    return 'sent';
  }
}
