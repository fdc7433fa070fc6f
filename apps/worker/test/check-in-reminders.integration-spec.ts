import { DateTime } from 'luxon';
import { localDateOf } from '@anchored/domain';
import { CheckInReminderData, JobName, enqueuePlanned, jobIds, planCheckInReminders, retimeRecipient } from '@anchored/jobs';
import { WorkerHarness, sleep, waitFor } from './worker-harness';

const HOUR = 3_600_000;
/** HH:mm on the wall clock of `zone`, `hours` from now (windows are built relative to now). */
const clock = (zone: string, hours: number) => DateTime.now().setZone(zone).plus({ hours }).toFormat('HH:mm');

/**
 * The daily check-in reminder over real Postgres and Redis with the worker booted as in
 * production. Jobs are added with the same library calls the API (retime-recipient) and the
 * reconciler use; the moment of each job is checked against the pure planner.
 */
describe('worker: the daily check-in reminder', () => {
  let h: WorkerHarness;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    await h.startWorker();
  });
  afterAll(() => h.close());

  /** An ENROLLED client with a reminder time. */
  async function client(name: string, timezone: string, time: string) {
    const cohort = await h.cohort({ clients: 0 });
    const user = await h.user('CLIENT', name, timezone);
    await h.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'ENROLLED')`, [cohort.id, user.id]);
    await h.db.query(`UPDATE users SET check_in_reminder_time = $2 WHERE id = $1`, [user.id, time]);
    return user;
  }
  /** The job for today as the planner would add it, to run `inMs` from now (the moment itself is the planner's, tested in libs/jobs). */
  async function todaysJob(userId: string, timezone: string, time: string, inMs = 0, suffix = '') {
    const data: CheckInReminderData = { userId, localDate: localDateOf(new Date(), timezone), localTime: time, timezone };
    const runAt = new Date(Date.now() + inMs);
    const jobId = `${jobIds.checkInReminder(data, runAt)}${suffix}`;
    await enqueuePlanned(h.queues.reminders, [{ name: JobName.CHECK_IN_REMINDER, jobId, data, runAt }]);
    return jobId;
  }
  const finished = async (jobId: string) => {
    await waitFor(() => h.queues.reminders.getJobState(jobId), (state) => state === 'completed', 20_000);
    return (await h.queues.reminders.getJob(jobId))?.returnvalue;
  };
  const remindersOf = (userId: string) => h.notifications(`kind = 'CHECK_IN_REMINDER' AND user_id = $1`, [userId]);

  it('reminds once a day, exactly once, even when the job runs twice and on two workers; the email carries no check-in data', async () => {
    await h.startWorker();
    const zone = 'Europe/Berlin';
    const time = clock(zone, 0);
    const ana = await client('Ana', zone, time);
    const [first, second] = await Promise.all([todaysJob(ana.id, zone, time), todaysJob(ana.id, zone, time, 0, '_again')]);
    const results = [await finished(first), await finished(second)];
    const outcomes = results as ({ sent: unknown } | { skipped: string })[];
    expect(outcomes.map((r) => ('sent' in r ? 'sent' : r.skipped)).sort()).toEqual(['already reminded today', 'sent']);
    const rows = await remindersOf(ana.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].dedupe_key).toBe(`check-in-reminder:${ana.id}:${localDateOf(new Date(), zone)}`);
    await waitFor(() => h.notifications(`id = $1 AND email_status = 'SENT'`, [rows[0].id]), (r) => r.length === 1);
    expect(h.emailFiles()).toContain(`${rows[0].id}.eml`);
    expect(rows[0].body).toContain('/week');
    await h.workers.pop()?.close();
  });

  it('survives a worker restart: a job waiting in Redis runs once a worker is back', async () => {
    const zone = 'America/New_York';
    const time = clock(zone, 0);
    const ben = await client('Ben', zone, time);
    await Promise.all(h.workers.map((w) => w.close()));
    h.workers.length = 0;
    const jobId = await todaysJob(ben.id, zone, time, 1_000);
    await sleep(1_500);
    expect(await remindersOf(ben.id)).toHaveLength(0);
    await h.startWorker();
    expect(await finished(jobId)).toEqual({ sent: 1 });
    expect(await remindersOf(ben.id)).toHaveLength(1);
  });

  it('is skipped on a day the client has already checked in, in quiet hours, and without a seat', async () => {
    const zone = 'Asia/Tokyo';
    const time = clock(zone, 0);
    const done = await client('Cleo', zone, time);
    await h.db.query(`INSERT INTO check_ins (client_id, local_date, location, state, anchored) VALUES ($1, $2, 'WITH_MYSELF', 'SETTLED', 7)`, [done.id, localDateOf(new Date(), zone)]);
    expect(await finished(await todaysJob(done.id, zone, time))).toEqual({ skipped: 'already checked in' });

    const quiet = await client('Dev', zone, time);
    await h.db.query(`UPDATE users SET quiet_hours_start = $2, quiet_hours_end = $3 WHERE id = $1`, [quiet.id, clock(zone, -1), clock(zone, 2)]);
    expect(await finished(await todaysJob(quiet.id, zone, time))).toEqual({ skipped: 'quiet hours' });

    const seatless = await h.user('CLIENT', 'Eve', zone);
    await h.db.query(`UPDATE users SET check_in_reminder_time = $2 WHERE id = $1`, [seatless.id, time]);
    expect(await finished(await todaysJob(seatless.id, zone, time))).toEqual({ skipped: 'no seat' });

    for (const who of [done, quiet, seatless]) expect(await remindersOf(who.id)).toHaveLength(0);
  });

  it('is planned again at the new local time when the timezone changes; the old job stops', async () => {
    // Two hours ahead on the Berlin clock, so the reminder is still to come today in both zones.
    const time = clock('Europe/Berlin', 2);
    const fay = await client('Fay', 'Europe/Berlin', time);
    const jobsOf = async () =>
      (await h.queues.reminders.getJobs(['delayed', 'waiting', 'completed'])).filter((j) => j?.name === JobName.CHECK_IN_REMINDER && j.data.userId === fay.id);
    const expected = (zone: string) => planCheckInReminders({ userId: fay.id, timezone: zone, checkInReminderTime: time }, new Date(), new Date(Date.now() + h.config.notifications.scheduleHorizonHours * HOUR));

    await retimeRecipient(h.queues.reminders, fay.id);
    const berlin = expected('Europe/Berlin');
    const before = await waitFor(jobsOf, (jobs) => jobs.length === berlin.length);
    expect(before.map((j) => j.id).sort()).toEqual(berlin.map((j) => j.jobId).sort());
    const firstBerlin = await h.queues.reminders.getJob(berlin[0].jobId);
    expect(firstBerlin!.timestamp + firstBerlin!.delay).toBeGreaterThan(berlin[0].runAt.getTime() - 2_000);

    await h.db.query(`UPDATE users SET timezone = 'America/Sao_Paulo' WHERE id = $1`, [fay.id]);
    await retimeRecipient(h.queues.reminders, fay.id, new Date(Date.now() + 1));
    const saoPaulo = expected('America/Sao_Paulo');
    await waitFor(jobsOf, (jobs) => saoPaulo.every((p) => jobs.some((j) => j.id === p.jobId)));
    expect(saoPaulo[0].runAt.getTime()).not.toBe(berlin[0].runAt.getTime());

    // The job planned on the Berlin clock, run now, finds the zone changed and stores nothing.
    await firstBerlin!.promote();
    expect(await finished(berlin[0].jobId)).toEqual({ skipped: 'reminder re-timed' });
    expect(await remindersOf(fay.id)).toHaveLength(0);
  });
});
