import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';

export interface MailSettings {
  /** smtp:// or smtps:// URL; unset: every email becomes an .eml file in `mailOutboxDir`. */
  smtpUrl?: string;
  mailOutboxDir: string;
  mailFrom: string;
}

export interface OutgoingEmail {
  /** Stable id (e.g. a notification id): the .eml file name and the X-Anchored-Notification header. */
  id?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface DeliveryOptions {
  /** Attempts in total (default 4). */
  attempts?: number;
  /** Delay before the first retry, doubled each time (default 500 ms). */
  backoffMs?: number;
}

const consoleLogger: MailLogger = { log: () => undefined, warn: (m) => console.warn(m) };

/**
 * nodemailer over SMTP (SMTP_URL). Without SMTP, each email is rendered to an .eml file in the
 * outbox folder (MAIL_OUTBOX_DIR, default .data/outbox) and logged, so development never mails
 * real people and every message can still be opened and checked.
 *
 * `send` awaits the delivery and throws on failure (the worker's queue retries it). `deliver`
 * is for request handlers: it returns at once and retries a few times in the background with
 * backoff, logging a warning (subject and recipient only, never the body or its links) on failure.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly outbox?: string;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly settings: MailSettings,
    private readonly logger: MailLogger = consoleLogger,
  ) {
    if (settings.smtpUrl) {
      this.transport = createTransport(settings.smtpUrl);
    } else {
      this.outbox = resolve(settings.mailOutboxDir);
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get mode(): string {
    return this.outbox ? `outbox folder ${this.outbox}` : 'SMTP';
  }

  async send(email: OutgoingEmail): Promise<void> {
    const id = email.id ?? randomUUID();
    const info = await this.transport.sendMail({
      from: this.settings.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'X-Anchored-Notification': id },
    });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(this.outbox, `${id}.eml`);
      await writeFile(file, info.message as Buffer);
      this.logger.log(`Email "${email.subject}" to ${email.to} written to ${file}`);
    }
  }

  /** Sends in the background (never awaited by the caller), retrying with backoff. */
  deliver(email: OutgoingEmail, options: DeliveryOptions = {}): void {
    const attempts = Math.max(1, options.attempts ?? 4);
    const backoffMs = options.backoffMs ?? 500;
    const run = (async () => {
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          await this.send(email);
          return;
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
          if (attempt === attempts) {
            this.logger.warn(`Email "${email.subject}" could not be sent after ${attempts} attempts: ${reason}`);
            return;
          }
          await new Promise((done) => setTimeout(done, backoffMs * 2 ** (attempt - 1)).unref?.());
        }
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /**
   * Works out the email after the caller has answered (the next turn of the event loop), then
   * delivers it as `deliver` does; null sends nothing. For answers whose time must not tell what
   * the work found (a password reset for an address with or without an account). idle() waits for it.
   */
  deliverLater(prepare: () => Promise<OutgoingEmail | null>, options: DeliveryOptions = {}): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(prepare)
      .then(
        (email) => {
          if (email) this.deliver(email, options);
        },
        (error: unknown) => this.logger.warn(`An email could not be prepared: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`),
      );
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves when every background delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  close(): void {
    this.transport.close();
  }
}
