import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on a free local port that keeps every message it accepts, parsed. */
export class SmtpCapture {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly received: CapturedMail[],
  ) {}

  static async start(): Promise<SmtpCapture> {
    const parsing: Promise<void>[] = [];
    const received: CapturedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          parsing.push(
            simpleParser(Buffer.concat(chunks)).then((mail) => {
              received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
            }),
          );
          // Accepted only once parsed, so a finished send means the message is in `received`.
          void parsing[parsing.length - 1].then(() => done(), done);
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return new SmtpCapture(server, (server.server.address() as AddressInfo).port, received);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CapturedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}

/** The token= of the first link in `text` that starts with `publicUrl + path`. */
export function tokenIn(text: string, publicUrl: string, path: string): string | undefined {
  const escaped = `${publicUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}\\?token=([A-Za-z0-9_%-]+)`).exec(text)?.[1];
}
