import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '@anchored/config';
import { WORKER_CONFIG } from '../worker-config.module';

export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * nodemailer over SMTP (SMTP_URL). Without SMTP, each email is rendered to an .eml file in the
 * outbox folder (MAIL_OUTBOX_DIR, default .data/outbox) and logged, so development never mails
 * real people and every message can still be opened and checked.
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;
  private readonly outbox?: string;

  constructor(@Inject(WORKER_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl, mailOutboxDir } = config.notifications;
    if (smtpUrl) {
      this.transport = createTransport(smtpUrl);
    } else {
      this.outbox = resolve(mailOutboxDir);
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get mode(): string {
    return this.outbox ? `outbox folder ${this.outbox}` : 'SMTP';
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.notifications.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'X-Anchored-Notification': email.id },
    });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(this.outbox, `${email.id}.eml`);
      await writeFile(file, info.message as Buffer);
      this.logger.log(`Email "${email.subject}" to ${email.to} written to ${file}`);
    }
  }
}
