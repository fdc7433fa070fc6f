import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { notificationDraft } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { NotificationOutbox, jobIds, retimeRecipient } from '@anchored/jobs';
import { WorkerHarness, sleep, waitFor } from './worker-harness';

const HOUR = 3_600_000;
/** HH:mm on the UTC wall clock, `hours` from now (the windows below are written relative to now). */
const utcClock = (hours: number) => DateTime.utc().plus({ hours }).toFormat('HH:mm');

/**
 * Quiet hours are read on the recipient's own wall clock, so a new timezone (the API's
 * updateProfile, which queues the same library call as here) moves the emails still waiting.
 * The windows are built around the current UTC time, so the test means the same at any hour.
 */
describe('worker: a new timezone re-times the emails held for quiet hours', () => {
  let h: WorkerHarness;
  let outbox: NotificationOutbox;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    outbox = new NotificationOutbox(h.db, h.queues.email, () => undefined);
    await h.startWorker();
  });
  afterAll(() => h.close());

  async function heldEmail(userId: string): Promise<{ id: string; notBefore: Date }> {
    const [row] = await outbox.transaction((_m, o) =>
      o.notify([notificationDraft(userId, NotificationKind.ENROLLMENT_UPDATE, `test:${randomUUID()}`, { subject: 'You are in', text: 'Hi', html: '<p>Hi</p>' })]),
    );
    return { id: row.id, notBefore: row.emailNotBefore };
  }
  const statusOf = async (id: string) => (await h.db.query(`SELECT email_status, email_not_before FROM notifications WHERE id = $1`, [id]))[0];
  const runAtOf = async (id: string) => {
    const job = await h.queues.email.getJob(jobIds.sendEmail({ notificationId: id }));
    return job ? job.timestamp + (job.delay ?? 0) : null;
  };

  it('sends at once what the old zone held back when it is not quiet in the new zone', async () => {
    const user = await h.user('CLIENT', 'Ines', 'UTC');
    // Quiet from an hour ago until two hours from now on the UTC clock: quiet now in UTC.
    await h.db.query(`UPDATE users SET quiet_hours_start = $2, quiet_hours_end = $3 WHERE id = $1`, [user.id, utcClock(-1), utcClock(2)]);
    const email = await heldEmail(user.id);
    expect(email.notBefore.getTime()).toBeGreaterThan(Date.now() + HOUR);
    await sleep(500);
    expect((await statusOf(email.id)).email_status).toBe('PENDING');

    // Tokyo (UTC+9, no daylight saving) reads nine hours later: outside the window.
    await h.db.query(`UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = $1`, [user.id]);
    await retimeRecipient(h.queues.reminders, user.id);

    const after = await waitFor(() => statusOf(email.id), (r) => r.email_status === 'SENT');
    expect(new Date(after.email_not_before).getTime()).toBeLessThan(Date.now());
    expect(h.emailFiles()).toContain(`${email.id}.eml`);
  });

  it('holds an email longer when the quiet hours end later in the new zone', async () => {
    const user = await h.user('CLIENT', 'Jonas', 'UTC');
    await h.db.query(`UPDATE users SET quiet_hours_start = $2, quiet_hours_end = $3 WHERE id = $1`, [user.id, utcClock(-3), utcClock(2)]);
    const email = await heldEmail(user.id);
    const before = await runAtOf(email.id);
    expect(Math.abs(before! - email.notBefore.getTime())).toBeLessThan(1000);

    // Cape Verde (UTC-1, no daylight saving): still quiet, and the 2-hours-from-now end comes an hour later.
    await h.db.query(`UPDATE users SET timezone = 'Atlantic/Cape_Verde' WHERE id = $1`, [user.id]);
    await retimeRecipient(h.queues.reminders, user.id);

    const moved = await waitFor(() => runAtOf(email.id), (at) => at !== null && at > before! + HOUR - 60_000);
    // The job runs when the row says (BullMQ counts the delay from its own clock: a few ms apart).
    expect(Math.abs(moved! - before! - HOUR)).toBeLessThan(1000);
    const row = await statusOf(email.id);
    expect(row.email_status).toBe('PENDING');
    expect(new Date(row.email_not_before).getTime()).toBe(email.notBefore.getTime() + HOUR);
    expect(h.emailFiles()).not.toContain(`${email.id}.eml`);
  });
});
