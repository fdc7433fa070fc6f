import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Mailer } from './mailer';
import { linkTo } from './links';

describe('linkTo', () => {
  it('starts with PUBLIC_URL and carries the token as token=', () => {
    expect(linkTo('https://a.example/', '/reset-password', 'a b+c')).toBe('https://a.example/reset-password?token=a%20b%2Bc');
    expect(linkTo('https://a.example', 'verify-email', 'x')).toBe('https://a.example/verify-email?token=x');
    expect(linkTo('https://a.example', '/x?y=1', 't')).toBe('https://a.example/x?y=1&token=t');
  });
});

describe('Mailer', () => {
  it('writes an .eml file to the outbox folder without SMTP', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    try {
      const mailer = new Mailer({ mailOutboxDir: dir, mailFrom: 'Anchored <no-reply@x.test>' });
      await mailer.send({ id: 'n1', to: 'a@x.test', subject: 'Hello', text: 'Plain', html: '<p>Plain</p>' });
      expect(await readdir(dir)).toEqual(['n1.eml']);
      const parsed = await simpleParser(await readFile(join(dir, 'n1.eml')));
      expect(parsed.subject).toBe('Hello');
      expect(parsed.text?.trim()).toBe('Plain');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('deliverLater prepares after the caller goes on, sends what it returns, nothing for null, and idle() waits for it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    try {
      const mailer = new Mailer({ mailOutboxDir: dir, mailFrom: 'Anchored <no-reply@x.test>' }, { log: () => undefined, warn: () => undefined });
      let prepared = 0;
      mailer.deliverLater(async () => (prepared++, { id: 'later', to: 'a@x.test', subject: 'Later', text: 'Plain', html: '<p>Plain</p>' }));
      mailer.deliverLater(async () => (prepared++, null));
      expect(prepared).toBe(0);
      await mailer.idle();
      expect(prepared).toBe(2);
      expect(await readdir(dir)).toEqual(['later.eml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('delivers over SMTP in the background, retrying after a refused attempt', async () => {
    const received: string[] = [];
    let refuse = 1;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refuse-- > 0) return done(new Error('try later'));
          received.push(Buffer.concat(chunks).toString());
          done();
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.server.address() as AddressInfo).port;
    const warnings: string[] = [];
    const mailer = new Mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailOutboxDir: 'unused', mailFrom: 'no-reply@x.test' }, { log: () => undefined, warn: (m) => warnings.push(m) });
    try {
      mailer.deliver({ to: 'b@x.test', subject: 'Link', text: 'secret-link', html: '<p>secret-link</p>' }, { backoffMs: 10 });
      await mailer.idle();
      expect(received).toHaveLength(1);
      expect((await simpleParser(received[0])).to).toBeTruthy();
      expect(warnings).toEqual([]);

      refuse = 99;
      mailer.deliver({ to: 'b@x.test', subject: 'Link', text: 'secret-link', html: '<p>secret-link</p>' }, { attempts: 2, backoffMs: 10 });
      await mailer.idle();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toContain('secret-link');
    } finally {
      mailer.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
