import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * A real SMTP server on a free local port for the API under test: every accepted message is parsed
 * and kept, and `next` waits for the one a test expects (by arrival, not by a clock).
 */
export class TestMailbox {
  readonly received: ReceivedMail[] = [];
  private waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<TestMailbox> {
    let box: TestMailbox | undefined = undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              box?.deliver({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: parsed.subject ?? '', text: parsed.text ?? '' });
              done();
            })
            .catch(done);
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    box = new TestMailbox(server);
    return box;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  private deliver(mail: ReceivedMail): void {
    this.received.push(mail);
    const waiting = this.waiters.filter((w) => w.match(mail));
    this.waiters = this.waiters.filter((w) => !waiting.includes(w));
    waiting.forEach((w) => w.resolve(mail));
  }

  /** The first message (already here or still to come) to `address` whose text matches. */
  next(address: string, text: RegExp): Promise<ReceivedMail> {
    const match = (m: ReceivedMail) => m.to.includes(address.toLowerCase()) && text.test(m.text);
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
