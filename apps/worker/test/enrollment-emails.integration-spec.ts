import { notificationDraft } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { TestMailbox } from '@anchored/mail/testing';
import { enrollmentUpdateKey, renderEnrollmentUpdate } from '@anchored/notifications';
import { WorkerHarness, waitFor } from './worker-harness';

/**
 * An applicant hears how their application was decided by email. The API stores an
 * ENROLLMENT_UPDATE notification in the decision's transaction and queues its email
 * (apps/api/test/notifications.integration-spec.ts); here the worker sends exactly what the API
 * stores, for each decision, to a real SMTP server.
 */
describe('worker: application decisions reach the applicant by email', () => {
  let h: WorkerHarness;
  let smtp: TestMailbox;

  beforeAll(async () => {
    smtp = await TestMailbox.start();
    h = await WorkerHarness.create({ SMTP_URL: smtp.url });
    await h.startWorker();
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
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

    const mail = await smtp.next(email);
    expect(mail.subject).toBe(`${subjectStart}${cohort.name}`);
    expect(mail.text).toMatch(new RegExp(`^Hi ${client.name},`));
    expect(mail.text).toMatch(sentence);
    // The worker marks the row once the SMTP server has answered: wait for that, not for a clock.
    const [row] = await waitFor(
      () => h.notifications(`user_id = $1`, [client.id]),
      (rows) => rows[0]?.email_status === 'SENT',
    );
    expect(row).toMatchObject({ kind: 'ENROLLMENT_UPDATE', email_status: 'SENT' });
  });
});
