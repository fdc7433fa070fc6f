import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { notificationDraft } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { enrollmentUpdateKey, renderEnrollmentUpdate } from '@anchored/notifications';
import { WorkerHarness, waitFor } from './worker-harness';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * An applicant hears how their application was decided by email. The API stores an
 * ENROLLMENT_UPDATE notification in the decision's transaction and queues its email
 * (apps/api/test/notifications.integration-spec.ts); here the worker sends exactly what the API
 * stores, for each decision, to a real SMTP server.
 */
describe('worker: application decisions reach the applicant by email', () => {
  let h: WorkerHarness;
  let smtp: SMTPServer;
  const received: Mail[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ to: session.envelope.rcptTo[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
            done();
          }, done);
        });
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
    const port = (smtp.server.address() as AddressInfo).port;
    h = await WorkerHarness.create({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    await h.startWorker();
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((ok) => smtp.close(() => ok()));
  });

  it.each([
    ['ENROLLED', 'You are in: ', /You are now enrolled in/],
    ['WAITLISTED', 'You are on the waitlist for ', /you are number 2 on the waitlist/],
    ['REJECTED', 'About your place in ', /We are not able to offer you a place in this group/],
  ] as const)('%s: a clear email with the cohort in the subject', async (status, subjectStart, sentence) => {
    const cohort = await h.cohort({ status: 'ENROLLING', clients: 0 });
    const client = await h.user('CLIENT', `Applicant ${status}`);
    const [{ email }] = await h.db.query(`SELECT email FROM users WHERE id = $1`, [client.id]);
    const [enrollment] = await h.db.query(
      `INSERT INTO enrollments (cohort_id, client_id, status, decided_at, waitlisted_at) VALUES ($1, $2, $3, now(), $4) RETURNING id, updated_at`,
      [cohort.id, client.id, status, status === 'WAITLISTED' ? new Date() : null],
    );

    // What EnrollmentService stores when an admin decides (same renderer, key and outbox).
    const outbox = new NotificationOutbox(h.db, h.queues.email, () => undefined);
    const message = renderEnrollmentUpdate({ recipientName: client.name, cohortName: cohort.name, status, waitlistPosition: status === 'WAITLISTED' ? 2 : null, promoted: false });
    await outbox.transaction((_m, o) => o.notify([notificationDraft(client.id, NotificationKind.ENROLLMENT_UPDATE, enrollmentUpdateKey(enrollment.id, status, new Date(enrollment.updated_at)), message)]));

    const [mail] = await waitFor(
      async () => received.filter((m) => m.to === email),
      (mails) => mails.length > 0,
    );
    expect(mail.subject).toBe(`${subjectStart}${cohort.name}`);
    expect(mail.text).toMatch(new RegExp(`^Hi ${client.name},`));
    expect(mail.text).toMatch(sentence);
    const [row] = await h.notifications(`user_id = $1`, [client.id]);
    expect(row).toMatchObject({ kind: 'ENROLLMENT_UPDATE', email_status: 'SENT' });
  });
});
