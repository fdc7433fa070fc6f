// Test-only: a real SMTP server for tests of what the platform emails. Imported through
// `@anchored/mail/testing`, never by the apps themselves (smtp-server and mailparser are
// devDependencies).
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on a free local port that keeps every message it accepts, parsed. A message is
 * accepted only once parsed, so a finished send means it is in `received`; `next` waits for one
 * still to come (by arrival, never by a clock).
 */
export class TestMailbox {
  private waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly received: ReceivedMail[],
  ) {}

  static async start(): Promise<TestMailbox> {
    const received: ReceivedMail[] = [];
    const arrived: ((mail: ReceivedMail) => void)[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then((parsed) => {
            const mail = {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
            };
            received.push(mail);
            arrived.forEach((notify) => notify(mail));
            done();
          }, done);
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const box = new TestMailbox(server, (server.server.address() as AddressInfo).port, received);
    arrived.push((mail) => box.wake(mail));
    return box;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Everything received for `address` so far. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** The first message (already here or still to come) to `address` whose text matches. */
  next(address: string, text = /./): Promise<ReceivedMail> {
    const match = (m: ReceivedMail) => m.to.includes(address.toLowerCase()) && text.test(m.text);
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  private wake(mail: ReceivedMail): void {
    const waiting = this.waiters.filter((w) => w.match(mail));
    this.waiters = this.waiters.filter((w) => !waiting.includes(w));
    waiting.forEach((w) => w.resolve(mail));
  }
}

/** The token= of the first link in `text` that starts with `publicUrl + path`. */
export function tokenIn(text: string, publicUrl: string, path: string): string | undefined {
  const escaped = `${publicUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}\\?token=([A-Za-z0-9_%-]+)`).exec(text)?.[1];
}
