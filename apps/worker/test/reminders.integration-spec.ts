import { Worker } from 'bullmq';
import { NotificationKind } from '@anchored/domain';
import { JobName, REMINDERS_QUEUE, SessionReminderData, createRedis, jobIds } from '@anchored/jobs';
import { summarizeNotification } from '@anchored/notifications';
import { HomeworkNoticesService } from '../src/notify/homework-notices.service';
import { ReconcilerService } from '../src/notify/reconciler.service';
import { SessionRemindersService } from '../src/notify/session-reminders.service';
import { REDIS_URL, WorkerHarness, sleep, waitFor } from './worker-harness';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

describe('worker: session reminders and homework notices', () => {
  let h: WorkerHarness;

  beforeAll(async () => {
    h = await WorkerHarness.create();
  });
  afterAll(() => h.close());

  const remindersOf = (sessionId: string) => h.notifications(`kind = 'SESSION_REMINDER' AND dedupe_key LIKE $1`, [`session-reminder:${sessionId}:%`]);

  it('sends exactly one reminder per enrolled client and coach, a minute before the session, by email too', async () => {
    await h.startWorker();
    const cohort = await h.cohort({ clients: 2 });
    // Created 62 s ahead with a one-minute offset: the reminder is due in about 2 s.
    const session = await h.session(cohort.id, inSeconds(62), 'Boundaries circle');
    await h.sessionsChanged([session]);

    const rows = await waitFor(() => remindersOf(session.id), (r) => r.length >= 3);
    await sleep(1_500);
    const settled = await remindersOf(session.id);
    expect(settled).toHaveLength(3);
    expect(settled.map((r) => r.user_id).sort()).toEqual([cohort.coach.id, ...cohort.clients.map((c) => c.id)].sort());
    expect(settled.map((r) => r.user_id)).not.toContain(cohort.withdrawn.id);
    expect(rows[0].subject).toContain('Boundaries circle');
    expect(rows.find((r) => r.user_id === cohort.clients[0].id)?.body).toContain('https://meet.example.com/circle');
    // In the app: one short line, leading the client to their week and the coach to the cohort's sessions.
    const toClient = settled.find((r) => r.user_id === cohort.clients[0].id)!;
    const toCoach = settled.find((r) => r.user_id === cohort.coach.id)!;
    expect(summarizeNotification(toClient.about!, 'CLIENT')).toEqual({ summary: 'Boundaries circle starts in 1 minute', link: '/week' });
    expect(summarizeNotification(toCoach.about!, 'COACH').link).toBe(`/coach/cohorts/${cohort.id}?tab=sessions`);

    // Each notification is emailed once; re-planning the same occurrence changes nothing.
    await waitFor(() => h.notifications(`email_status = 'SENT' AND kind = 'SESSION_REMINDER' AND dedupe_key LIKE $1`, [`session-reminder:${session.id}:%`]), (r) => r.length === 3);
    const ids = settled.map((r) => r.id);
    await h.sessionsChanged([session]);
    await h.workers[0].get(ReconcilerService).reconcile();
    await sleep(1_000);
    expect((await remindersOf(session.id)).map((r) => r.id)).toEqual(ids);
    expect(h.emailFiles().filter((f) => ids.some((id) => f.startsWith(id)))).toHaveLength(3);
  });

  it('moves the reminder when the session is rescheduled, and never sends the old one', async () => {
    const cohort = await h.cohort({ clients: 1 });
    const session = await h.session(cohort.id, inSeconds(600));
    await h.sessionsChanged([session]);
    const oldJobId = jobIds.sessionReminder({ sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 });
    expect(await h.queues.reminders.getJob(oldJobId)).toBeDefined();

    const moved = await h.moveSession(session.id, inSeconds(62));
    await h.sessionsChanged([moved], [session]);
    expect(await h.queues.reminders.getJob(oldJobId)).toBeUndefined();

    const rows = await waitFor(() => remindersOf(session.id), (r) => r.length >= 2);
    expect(rows.every((r) => r.dedupe_key.includes(`:${moved.startsAt.getTime()}:`))).toBe(true);

    // A stale job that escaped removal checks the session first and does nothing.
    const stale: SessionReminderData = { sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 };
    expect(await h.workers[0].get(SessionRemindersService).remind(stale)).toEqual({ skipped: 'session moved' });
    expect(await remindersOf(session.id)).toHaveLength(2);
  });

  it('removes the reminder when the session is cancelled', async () => {
    const cohort = await h.cohort({ clients: 1 });
    const session = await h.session(cohort.id, inSeconds(62));
    await h.sessionsChanged([session]);
    await h.db.query(`UPDATE sessions SET status = 'CANCELLED' WHERE id = $1`, [session.id]);
    await h.sessionsChanged([{ ...session, status: 'CANCELLED' }], [session]);
    const jobId = jobIds.sessionReminder({ sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 });
    expect(await h.queues.reminders.getJob(jobId)).toBeUndefined();
    await sleep(3_000);
    expect(await remindersOf(session.id)).toEqual([]);
    expect(await h.workers[0].get(SessionRemindersService).remind({ sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 })).toEqual({
      skipped: 'session cancelled',
    });
  });

  it('skips a reminder whose moment had passed when the session was created', async () => {
    const cohort = await h.cohort({ clients: 1 });
    const session = await h.session(cohort.id, inSeconds(30));
    await h.sessionsChanged([session]);
    expect(await h.queues.reminders.getJob(jobIds.sessionReminder({ sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 }))).toBeUndefined();
    await h.workers[0].get(ReconcilerService).reconcile();
    await sleep(1_000);
    expect(await remindersOf(session.id)).toEqual([]);
  });

  it('rebuilds lost jobs from the database (the reconciler), without doubling what was sent', async () => {
    const cohort = await h.cohort({ clients: 2 });
    // Committed, but the enqueue after the commit never happened (a crash, Redis away).
    const session = await h.session(cohort.id, inSeconds(62));
    await h.workers[0].get(ReconcilerService).reconcile();
    const rows = await waitFor(() => remindersOf(session.id), (r) => r.length >= 3);
    await h.workers[0].get(ReconcilerService).reconcile();
    await sleep(1_000);
    expect(await remindersOf(session.id)).toHaveLength(rows.length);
  });

  it('neither loses nor doubles a reminder when a worker dies in the middle of the job', async () => {
    const cohort = await h.cohort({ clients: 2 });
    const session = await h.session(cohort.id, inSeconds(61));
    // A doomed process takes the job, does part of the work (stores the notifications, through the
    // services of a healthy worker it starts) and dies before finishing. Its lock expires, the
    // healthy worker finds the stalled job and runs it again from the start.
    await h.workers[0].close();
    h.workers.length = 0;
    const connection = createRedis(REDIS_URL, 'worker');
    let started!: () => void;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    const doomed = new Worker(
      REMINDERS_QUEUE,
      async (job) => {
        if (job.name !== JobName.SESSION_REMINDER) return new Promise(() => undefined);
        started();
        const partial = await h.startWorker({ withoutSchedulers: true, lockDurationMs: 1_000, stalledIntervalMs: 500 });
        await partial.get(SessionRemindersService).remind(job.data as SessionReminderData);
        return new Promise(() => undefined); // never finishes: the process "died" here
      },
      { connection, prefix: h.config.notifications.queuePrefix, lockDuration: 1_000, stalledInterval: 500 },
    );
    await h.sessionsChanged([session]);
    await jobStarted;
    await sleep(1_500);
    await doomed.close(true);
    connection.disconnect();

    const rows = await waitFor(() => remindersOf(session.id), (r) => r.length >= 3);
    const jobId = jobIds.sessionReminder({ sessionId: session.id, startsAtMs: session.startsAt.getTime(), offsetSeconds: 60 });
    await waitFor(() => h.queues.reminders.getJobState(jobId), (state) => state === 'completed', 20_000);
    await sleep(500);
    expect(await remindersOf(session.id)).toHaveLength(rows.length);
    expect(rows).toHaveLength(3);
    await waitFor(() => h.notifications(`email_status = 'SENT' AND dedupe_key LIKE $1`, [`session-reminder:${session.id}:%`]), (r) => r.length === 3);
    expect(h.emailFiles().filter((f) => rows.some((r) => f.startsWith(r.id)))).toHaveLength(3);
  });

  it('never double-sends with two workers running at once', async () => {
    await Promise.all([h.startWorker(), h.startWorker()]);
    const cohort = await h.cohort({ clients: 3 });
    const sessions = await Promise.all([h.session(cohort.id, inSeconds(62), 'One'), h.session(cohort.id, inSeconds(62.5), 'Two')]);
    await h.sessionsChanged(sessions);
    // Both workers also reconcile at the same moment.
    await Promise.all(h.workers.map((w) => w.get(ReconcilerService).reconcile()));
    for (const session of sessions) await waitFor(() => remindersOf(session.id), (r) => r.length >= 4);
    await sleep(1_500);
    for (const session of sessions) {
      const rows = await remindersOf(session.id);
      expect(rows).toHaveLength(4);
      await waitFor(() => h.notifications(`email_status = 'SENT' AND dedupe_key LIKE $1`, [`session-reminder:${session.id}:%`]), (r) => r.length === 4);
      expect(h.emailFiles().filter((f) => rows.some((r) => f.startsWith(r.id)))).toHaveLength(4);
    }
  });

  it('tells only clients who have not submitted that homework is due, then overdue', async () => {
    const cohort = await h.cohort({ clients: 3 });
    const [done, waiting, other] = cohort.clients;
    const [assignment] = await h.db.query(
      `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at) VALUES ($1, 'boundary-practice-log', 'Boundary log', $2) RETURNING id, due_at, created_at`,
      [cohort.id, inSeconds(62)],
    );
    await h.db.query(
      `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at) VALUES ($1, $2, 'sealed', now())`,
      [assignment.id, done.id],
    );
    await h.assignmentCreated({ id: assignment.id, dueAt: new Date(assignment.due_at), createdAt: new Date(assignment.created_at) });
    const due = await waitFor(() => h.notifications(`kind = 'HOMEWORK_DUE' AND dedupe_key LIKE $1`, [`homework-due:${assignment.id}:%`]), (r) => r.length >= 2);
    expect(due.map((r) => r.user_id).sort()).toEqual([waiting.id, other.id].sort());
    expect(due[0].subject).toContain('Boundary log');
    expect(summarizeNotification(due[0].about!, 'CLIENT')).toEqual({ summary: 'Boundary log is due soon', link: `/homework/${assignment.id}` });

    // `other` submits late; at the due time only `waiting` hears it is overdue.
    await h.db.query(`INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late) VALUES ($1, $2, 'sealed', now(), true)`, [
      assignment.id,
      other.id,
    ]);
    const notices = h.workers[0].get(HomeworkNoticesService);
    await notices.notify(NotificationKind.HOMEWORK_OVERDUE, { assignmentId: assignment.id, dueAtMs: new Date(assignment.due_at).getTime() });
    await notices.notify(NotificationKind.HOMEWORK_OVERDUE, { assignmentId: assignment.id, dueAtMs: new Date(assignment.due_at).getTime() });
    const overdue = await h.notifications(`kind = 'HOMEWORK_OVERDUE' AND dedupe_key LIKE $1`, [`homework-overdue:${assignment.id}:%`]);
    expect(overdue.map((r) => r.user_id)).toEqual([waiting.id]);
  });

  it('keeps quiet hours and email preferences: stored in-app, emailed later or not at all', async () => {
    const cohort = await h.cohort({ clients: 2 });
    const [quiet, optedOut] = cohort.clients;
    // Quiet all day but one minute: whatever the clock says now, it is quiet for this client.
    await h.db.query(`UPDATE users SET quiet_hours_start = '00:00', quiet_hours_end = '23:59', timezone = 'UTC' WHERE id = $1`, [quiet.id]);
    await h.db.query(`UPDATE users SET email_kinds = '{FEEDBACK_READY}' WHERE id = $1`, [optedOut.id]);
    const session = await h.session(cohort.id, inSeconds(62));
    await h.sessionsChanged([session]);
    const rows = await waitFor(() => remindersOf(session.id), (r) => r.length >= 3);
    const status = (id: string) => rows.find((r) => r.user_id === id)?.email_status;
    expect(status(optedOut.id)).toBe('SKIPPED');
    // Quiet until 23:59 today, after the session has started: the email would be useless.
    const now = new Date();
    const expected = now.getUTCHours() === 23 && now.getUTCMinutes() === 59 ? 'PENDING' : 'SKIPPED';
    expect(status(quiet.id)).toBe(expected);
    expect(status(cohort.coach.id)).not.toBe('SKIPPED');
  });
});
