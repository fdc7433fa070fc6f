import { randomInt, randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DateTime } from 'luxon';
import { ALL_NOTIFICATION_KINDS, Role } from '@anchored/domain';
import { EMAIL_QUEUE, JobName, REMINDERS_QUEUE, jobIds } from '@anchored/jobs';
import { APPLY, CREATE_COHORT, CoachingCohort, DECIDE, SET_COHORT_STATUS, coachingCohort } from './coaching-fixtures';
import { GqlResult, Session, TestApp, codes, uniqueEmail } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What a user who never chose gets by email: everything. */
const ALL_KINDS: string[] = [...ALL_NOTIFICATION_KINDS];

const NOTIFICATION_FIELDS = `id kind subject body createdAt readAt emailStatus`;
const MY_NOTIFICATIONS = `query($unreadOnly: Boolean, $limit: Int, $offset: Int) { myNotifications(unreadOnly: $unreadOnly, limit: $limit, offset: $offset) { ${NOTIFICATION_FIELDS} } }`;
const UNREAD_COUNT = `{ unreadNotificationCount }`;
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const MARK_ALL_READ = `mutation { markAllNotificationsRead }`;
const PREFERENCE_FIELDS = `emailKinds quietHoursStart quietHoursEnd`;
const UPDATE_PREFERENCES = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { ${PREFERENCE_FIELDS} } }`;
const MY_PREFERENCES = `{ me { id notificationPreferences { ${PREFERENCE_FIELDS} } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrollment(enrollmentId: $id) { id status } }`;
const PROMOTE = `mutation($cohortId: ID!, $id: ID) { promoteFromWaitlist(cohortId: $cohortId, enrollmentId: $id) { id status } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title dueAt } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id status } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { id status feedback } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id startsAt status } }`;
const RESCHEDULE = `mutation($id: ID!, $startsAt: DateTime!) { rescheduleSession(sessionId: $id, startsAt: $startsAt) { id startsAt } }`;
const CANCEL = `mutation($id: ID!) { cancelSession(sessionId: $id) { id status } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  emailStatus: string;
}

const suffix = () => randomUUID().slice(0, 6);
const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
/** A whole second `ms` from now, so the ISO string round-trips exactly. */
const fromNow = (ms: number) => new Date(Math.floor((Date.now() + ms) / 1000) * 1000);

/** When a delayed job is due to run. */
const runAtOf = (job: Job) => job.timestamp + (job.delay ?? 0);

async function deleteKeys(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

describe('notifications', () => {
  const prefix = `api-test-${randomUUID()}`;
  let t: TestApp;
  let admin: Session;
  let redis: IORedis;
  let reminders: Queue;
  let email: Queue;
  /** A running cohort with a coach and one seated client. */
  let circle: CoachingCohort;

  beforeAll(async () => {
    t = await TestApp.start({
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      REMINDER_OFFSETS: '24h,1h',
      // Far enough ahead that jobs 3–4 days out are planned now, not left to the worker's reconciler.
      SCHEDULE_HORIZON_HOURS: '168',
    });
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    reminders = new Queue(REMINDERS_QUEUE, { connection: redis, prefix });
    email = new Queue(EMAIL_QUEUE, { connection: redis, prefix });
    admin = await t.user(Role.ADMIN);
    circle = await coachingCohort(t, admin, { name: `Notified Circle ${suffix()}`, startsOn: daysAgo(14), timezone: TZ, clients: 1 });
  });

  afterAll(async () => {
    await t?.close();
    if (redis) {
      await reminders.obliterate({ force: true });
      await email.obliterate({ force: true });
      await reminders.close();
      await email.close();
      await deleteKeys(redis, `${prefix}:*`);
      await redis.quit();
    }
  });

  const rowsOf = async (userId: string) =>
    (await t.db.query(`SELECT id, kind, subject, body, html, email_status, email_not_before, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at, id`, [userId])) as {
      id: string;
      kind: string;
      subject: string;
      body: string;
      html: string;
      email_status: string;
      email_not_before: Date;
      read_at: Date | null;
    }[];
  const notificationsOf = async (s: Session, args: Record<string, unknown> = {}) => (await t.ok(MY_NOTIFICATIONS, args, s.token)).myNotifications as NotificationView[];
  const unreadOf = async (s: Session) => (await t.ok(UNREAD_COUNT, {}, s.token)).unreadNotificationCount as number;

  /** An admin-created cohort open for applications. */
  async function openCohort(name: string, capacity: number): Promise<string> {
    const created = (await t.ok(CREATE_COHORT, { input: { name, startsOn: '2027-03-01', timezone: TZ, capacity } }, admin.token)).createCohort;
    await t.ok(SET_COHORT_STATUS, { id: created.id, status: 'ENROLLING' }, admin.token);
    return created.id;
  }

  /** A fresh client who has applied; returns the client and the enrollment id. */
  async function applied(cohortId: string): Promise<{ client: Session; enrollmentId: string }> {
    const client = await t.user(Role.CLIENT);
    const enrollment = (await t.ok(APPLY, { cohortId }, client.token)).applyToCohort;
    return { client, enrollmentId: enrollment.id };
  }

  const decide = async (enrollmentId: string, decision: 'ACCEPT' | 'WAITLIST' | 'REJECT') =>
    (await t.ok(DECIDE, { id: enrollmentId, decision }, admin.token)).decideApplication as { status: string };

  describe('enrollment updates', () => {
    it('stores one for accepting and one with the position for waitlisting, and none for a refused decision', async () => {
      const name = `Harbor Circle ${suffix()}`;
      const cohortId = await openCohort(name, 1);
      const seated = await applied(cohortId);
      const first = await applied(cohortId);
      const second = await applied(cohortId);
      const refused = await applied(cohortId);
      // Applying alone tells nobody anything.
      expect(await rowsOf(seated.client.user.id)).toEqual([]);

      expect((await decide(seated.enrollmentId, 'ACCEPT')).status).toBe('ENROLLED');
      const mine = await notificationsOf(seated.client);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: 'ENROLLMENT_UPDATE', readAt: null, emailStatus: 'PENDING' });
      expect(mine[0].subject).toContain(name);
      expect(mine[0].body).toContain(name);
      expect(await unreadOf(seated.client)).toBe(1);

      expect((await decide(first.enrollmentId, 'WAITLIST')).status).toBe('WAITLISTED');
      expect((await decide(second.enrollmentId, 'WAITLIST')).status).toBe('WAITLISTED');
      const firstInLine = await notificationsOf(first.client);
      const secondInLine = await notificationsOf(second.client);
      expect(firstInLine.map((n) => n.kind)).toEqual(['ENROLLMENT_UPDATE']);
      expect(secondInLine.map((n) => n.kind)).toEqual(['ENROLLMENT_UPDATE']);
      expect(secondInLine[0].subject).toContain(name);
      expect(secondInLine[0].subject).toMatch(/waitlist/i);
      expect(firstInLine[0].body).toMatch(/number 1 on the waitlist/);
      expect(secondInLine[0].body).toMatch(/number 2 on the waitlist/);
      expect(await unreadOf(second.client)).toBe(1);

      // The cohort is full: the decision fails, and its notification is rolled back with it.
      const result = await t.gql(DECIDE, { id: refused.enrollmentId, decision: 'ACCEPT' }, admin.token);
      expect(codes(result)).toEqual(['CONFLICT']);
      expect(await rowsOf(refused.client.user.id)).toEqual([]);
      expect(await unreadOf(refused.client)).toBe(0);
      // Nobody else was told about it either.
      expect(await rowsOf(seated.client.user.id)).toHaveLength(1);
      expect(await rowsOf(admin.user.id)).toEqual([]);

      // A rejection is news too; a second one fails and adds nothing.
      expect((await decide(refused.enrollmentId, 'REJECT')).status).toBe('REJECTED');
      expect((await notificationsOf(refused.client)).map((n) => n.subject)).toEqual([`About your place in ${name}`]);
      expect(codes(await t.gql(DECIDE, { id: refused.enrollmentId, decision: 'REJECT' }, admin.token))).toEqual(['CONFLICT']);
      expect(await rowsOf(refused.client.user.id)).toHaveLength(1);
    });
  });

  describe('feedback ready', () => {
    it("tells the client when their coach has reviewed, without the feedback's words", async () => {
      const client = circle.clients[0];
      const before = await rowsOf(client.user.id);
      const assignment = (
        await t.ok(
          ASSIGN,
          { input: { cohortId: circle.id, templateKey: 'boundary-practice-log', dueAt: fromNow(3 * DAY).toISOString(), title: 'Boundaries, week 3' } },
          circle.coach.token,
        )
      ).assignHomework;
      const submission = (
        await t.ok(
          SUBMIT,
          {
            a: assignment.id,
            r: { situation: 'My sister asked me to host again.', boundaryType: 'I said no', discomfortBefore: 8, discomfortAfter: 3, whatHappened: 'She understood.' },
          },
          client.token,
        )
      ).submitHomework;
      // Submitting tells nobody anything.
      expect(await rowsOf(client.user.id)).toHaveLength(before.length);
      expect(await rowsOf(circle.coach.user.id)).toEqual([]);

      const secret = `Your anger at your sister is legitimate ${randomUUID()}`;
      const reviewed = (await t.ok(REVIEW, { s: submission.id, f: secret }, circle.coach.token)).reviewSubmission;
      expect(reviewed).toMatchObject({ status: 'REVIEWED', feedback: secret });

      const mine = await notificationsOf(client);
      expect(mine).toHaveLength(before.length + 1);
      const feedback = mine[0];
      expect(feedback).toMatchObject({ kind: 'FEEDBACK_READY', readAt: null, emailStatus: 'PENDING' });
      expect(feedback.subject).toContain('Boundaries, week 3');
      expect(await unreadOf(client)).toBe(before.length + 1);

      // Neither the in-app text nor the stored email carries the feedback, not even a part of it.
      const [row] = (await rowsOf(client.user.id)).filter((r) => r.id === feedback.id);
      for (const text of [feedback.subject, feedback.body, row.subject, row.body, row.html]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain('legitimate');
      }
      const job = await email.getJob(jobIds.sendEmail({ notificationId: feedback.id }));
      expect(job?.data).toEqual({ notificationId: feedback.id });
      expect(JSON.stringify(job?.data)).not.toContain('legitimate');
      // The coach is not notified of their own review.
      expect(await rowsOf(circle.coach.user.id)).toEqual([]);
    });
  });

  describe('reading notifications', () => {
    let cohortName: string;
    let cohortId: string;
    /** Waitlisted, then promoted, then withdrawn by an admin: three notifications, oldest first. */
    let inbox: Session;
    /** Accepted, then withdrew themself: one notification only. */
    let leaver: Session;
    let stranger: Session;
    let ids: string[];

    beforeAll(async () => {
      cohortName = `Inbox Circle ${suffix()}`;
      cohortId = await openCohort(cohortName, 1);
      const seat = await applied(cohortId);
      const line = await applied(cohortId);
      leaver = seat.client;
      inbox = line.client;
      stranger = await t.user(Role.CLIENT);
      await decide(seat.enrollmentId, 'ACCEPT');
      await decide(line.enrollmentId, 'WAITLIST');
      await t.ok(WITHDRAW, { id: seat.enrollmentId }, leaver.token);
      expect((await t.ok(PROMOTE, { cohortId }, admin.token)).promoteFromWaitlist).toEqual({ id: line.enrollmentId, status: 'ENROLLED' });
      await t.ok(WITHDRAW, { id: line.enrollmentId }, admin.token);
      ids = (await rowsOf(inbox.user.id)).map((r) => r.id).reverse();
    });

    it('stores updates for promotion and an admin withdrawal, but none when clients withdraw themselves', async () => {
      const subjects = (await notificationsOf(inbox)).map((n) => n.subject);
      expect(subjects).toEqual([`About your place in ${cohortName}`, `A place opened up for you in ${cohortName}`, `You are on the waitlist for ${cohortName}`]);
      expect((await notificationsOf(leaver)).map((n) => n.subject)).toEqual([`You are in: ${cohortName}`]);
    });

    it('lists newest first and pages with limit and offset', async () => {
      const all = await notificationsOf(inbox);
      expect(all.map((n) => n.id)).toEqual(ids);
      const times = all.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect((await notificationsOf(inbox, { limit: 2 })).map((n) => n.id)).toEqual(ids.slice(0, 2));
      expect((await notificationsOf(inbox, { limit: 2, offset: 2 })).map((n) => n.id)).toEqual(ids.slice(2));
      expect((await notificationsOf(inbox, { limit: 1, offset: 1 })).map((n) => n.id)).toEqual([ids[1]]);
      expect(await notificationsOf(inbox, { offset: 3 })).toEqual([]);
      // Only one's own.
      expect(await notificationsOf(stranger)).toEqual([]);

      for (const args of [{ limit: 0 }, { limit: 500 }, { offset: -1 }]) {
        const result = await t.gql(MY_NOTIFICATIONS, args, inbox.token);
        expect({ args, codes: codes(result) }).toEqual({ args, codes: ['BAD_USER_INPUT'] });
      }
      expect(codes(await t.gql(MY_NOTIFICATIONS, {}))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(UNREAD_COUNT, {}))).toEqual(['UNAUTHENTICATED']);
    });

    it("marks one read for its owner only; someone else's is NOT_FOUND and stays unread", async () => {
      const target = ids[2];
      const readAtOf = async (id: string) => (await t.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [id]))[0].read_at as Date | null;

      const foreign = await t.gql(MARK_READ, { id: target }, stranger.token);
      expect(codes(foreign)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(foreign)).not.toContain(cohortName);
      expect(await readAtOf(target)).toBeNull();
      expect(codes(await t.gql(MARK_READ, { id: target }, leaver.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(MARK_READ, { id: 'not-a-uuid' }, inbox.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(MARK_READ, { id: target }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(MARK_READ, { id: randomUUID() }, inbox.token))).toEqual(['NOT_FOUND']);
      expect(await readAtOf(target)).toBeNull();
      expect(await unreadOf(inbox)).toBe(3);

      const marked = (await t.ok(MARK_READ, { id: target }, inbox.token)).markNotificationRead;
      expect(marked.id).toBe(target);
      expect(marked.readAt).not.toBeNull();
      expect((await readAtOf(target))?.toISOString()).toBe(new Date(marked.readAt).toISOString());
      expect(await unreadOf(inbox)).toBe(2);
      expect((await notificationsOf(inbox, { unreadOnly: true })).map((n) => n.id)).toEqual(ids.slice(0, 2));
      expect((await notificationsOf(inbox)).find((n) => n.id === target)?.readAt).toBe(marked.readAt);

      // Marking it again keeps the first read time.
      expect((await t.ok(MARK_READ, { id: target }, inbox.token)).markNotificationRead.readAt).toBe(marked.readAt);
      expect(await unreadOf(inbox)).toBe(2);
    });

    it('marks all read, returning how many changed, and only the caller\'s', async () => {
      const leaverUnread = await unreadOf(leaver);
      expect(leaverUnread).toBe(1);
      expect((await t.ok(MARK_ALL_READ, {}, inbox.token)).markAllNotificationsRead).toBe(2);
      expect(await unreadOf(inbox)).toBe(0);
      expect(await notificationsOf(inbox, { unreadOnly: true })).toEqual([]);
      expect((await notificationsOf(inbox)).every((n) => n.readAt !== null)).toBe(true);
      expect((await t.ok(MARK_ALL_READ, {}, inbox.token)).markAllNotificationsRead).toBe(0);
      expect((await t.ok(MARK_ALL_READ, {}, stranger.token)).markAllNotificationsRead).toBe(0);
      expect(await unreadOf(leaver)).toBe(leaverUnread);
      expect(codes(await t.gql(MARK_ALL_READ, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('preferences', () => {
    const preferencesOf = async (s: Session) => (await t.ok(MY_PREFERENCES, {}, s.token)).me.notificationPreferences;

    it('starts with every kind by email and no quiet hours, and stores what the user sets', async () => {
      const client = await t.user(Role.CLIENT);
      expect(await preferencesOf(client)).toEqual({ emailKinds: ALL_KINDS, quietHoursStart: null, quietHoursEnd: null });

      const wanted = { emailKinds: ['FEEDBACK_READY'], quietHoursStart: '22:00', quietHoursEnd: '07:00' };
      expect((await t.ok(UPDATE_PREFERENCES, { input: wanted }, client.token)).updateNotificationPreferences).toEqual(wanted);
      expect(await preferencesOf(client)).toEqual(wanted);

      // An omitted field is kept; quiet hours are turned off with both ends null.
      const off = (await t.ok(UPDATE_PREFERENCES, { input: { quietHoursStart: null, quietHoursEnd: null } }, client.token)).updateNotificationPreferences;
      expect(off).toEqual({ emailKinds: ['FEEDBACK_READY'], quietHoursStart: null, quietHoursEnd: null });
      expect(await preferencesOf(client)).toEqual(off);
      expect((await t.ok(UPDATE_PREFERENCES, { input: { emailKinds: [] } }, client.token)).updateNotificationPreferences.emailKinds).toEqual([]);
      expect((await preferencesOf(client)).emailKinds).toEqual([]);

      expect(codes(await t.gql(UPDATE_PREFERENCES, { input: wanted }))).toEqual(['UNAUTHENTICATED']);
    });

    it("never shows anyone else's preferences", async () => {
      const client = circle.clients[0];
      const coaches = `query($id: ID!) { cohort(id: $id) { coaches { id notificationPreferences { emailKinds } } } }`;
      const seenByClient = (await t.ok(coaches, { id: circle.id }, client.token)).cohort.coaches;
      expect(seenByClient).toEqual([{ id: circle.coach.user.id, notificationPreferences: null }]);
      const seenByCoach = (await t.ok(coaches, { id: circle.id }, circle.coach.token)).cohort.coaches;
      expect(seenByCoach).toEqual([{ id: circle.coach.user.id, notificationPreferences: { emailKinds: ALL_KINDS } }]);

      const users = (await t.ok(`{ users { id notificationPreferences { emailKinds } } }`, {}, admin.token)).users as {
        id: string;
        notificationPreferences: unknown;
      }[];
      const others = users.filter((u) => u.id !== admin.user.id);
      expect(others.length).toBeGreaterThan(2);
      expect(others.filter((u) => u.notificationPreferences !== null)).toEqual([]);
      const own = (await t.ok(`query($q: String) { users(search: $q) { id notificationPreferences { emailKinds } } }`, { q: admin.user.email }, admin.token)).users;
      expect(own).toEqual([{ id: admin.user.id, notificationPreferences: { emailKinds: ALL_KINDS } }]);
    });

    it('refuses malformed times and one-ended quiet hours with BAD_USER_INPUT, changing nothing', async () => {
      const client = await t.user(Role.CLIENT);
      const set = { emailKinds: ['FEEDBACK_READY', 'SESSION_REMINDER'], quietHoursStart: '22:00', quietHoursEnd: '07:00' };
      await t.ok(UPDATE_PREFERENCES, { input: set }, client.token);
      const fresh = await t.user(Role.CLIENT);
      const untouched = { emailKinds: ALL_KINDS, quietHoursStart: null, quietHoursEnd: null };

      for (const [who, input, field] of [
        [client, { quietHoursStart: '25:00', quietHoursEnd: '07:00' }, 'quietHoursStart'],
        [client, { quietHoursStart: '22:00', quietHoursEnd: '7pm' }, 'quietHoursEnd'],
        [client, { emailKinds: ['HOMEWORK_DUE'], quietHoursStart: '7pm', quietHoursEnd: '07:00' }, 'quietHoursStart'],
        [client, { quietHoursStart: '22:00', quietHoursEnd: '24:00' }, 'quietHoursEnd'],
        [client, { quietHoursStart: '9:00', quietHoursEnd: '07:00' }, 'quietHoursStart'],
        [client, { emailKinds: ['FEEDBACK_READY', 'FEEDBACK_READY'] }, 'emailKinds'],
        // Only one end: turning off one side of existing quiet hours, or setting one side of none.
        [client, { emailKinds: ['HOMEWORK_DUE'], quietHoursEnd: null }, 'quietHoursEnd'],
        [client, { quietHoursStart: null }, 'quietHoursEnd'],
        [fresh, { quietHoursStart: '22:00' }, 'quietHoursEnd'],
        [fresh, { emailKinds: [], quietHoursEnd: '07:00' }, 'quietHoursEnd'],
      ] as const) {
        const result = await t.gql(UPDATE_PREFERENCES, { input }, who.token);
        expect({ input, codes: codes(result) }).toEqual({ input, codes: ['BAD_USER_INPUT'] });
        expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
      }
      expect(await preferencesOf(client)).toEqual(set);
      expect(await preferencesOf(fresh)).toEqual(untouched);
      const [row] = await t.db.query(`SELECT quiet_hours_start, quiet_hours_end FROM users WHERE id = $1`, [fresh.user.id]);
      expect(row).toEqual({ quiet_hours_start: null, quiet_hours_end: null });
    });

    it('marks the email of an opted-out kind SKIPPED, and keeps it PENDING for those opted in', async () => {
      const cohortId = await openCohort(`Preference Circle ${suffix()}`, 3);
      const optedOut = await applied(cohortId);
      const optedIn = await applied(cohortId);
      await t.ok(UPDATE_PREFERENCES, { input: { emailKinds: ['FEEDBACK_READY'] } }, optedOut.client.token);

      await decide(optedOut.enrollmentId, 'ACCEPT');
      await decide(optedIn.enrollmentId, 'ACCEPT');
      const [skipped] = await rowsOf(optedOut.client.user.id);
      const [pending] = await rowsOf(optedIn.client.user.id);
      expect(skipped).toMatchObject({ kind: 'ENROLLMENT_UPDATE', email_status: 'SKIPPED' });
      expect(pending).toMatchObject({ kind: 'ENROLLMENT_UPDATE', email_status: 'PENDING' });
      // In-app it is there all the same.
      expect((await notificationsOf(optedOut.client)).map((n) => [n.id, n.emailStatus])).toEqual([[skipped.id, 'SKIPPED']]);
      expect(await unreadOf(optedOut.client)).toBe(1);
      // Only the pending one is queued for sending.
      expect(await email.getJob(jobIds.sendEmail({ notificationId: skipped.id }))).toBeUndefined();
      expect((await email.getJob(jobIds.sendEmail({ notificationId: pending.id })))?.data).toEqual({ notificationId: pending.id });
    });
  });

  describe('jobs in Redis', () => {
    const OFFSETS = [86_400, 3_600];

    async function expectReminders(sessionId: string, startsAt: Date) {
      for (const offsetSeconds of OFFSETS) {
        const id = jobIds.sessionReminder({ sessionId, startsAtMs: startsAt.getTime(), offsetSeconds });
        const job = await reminders.getJob(id);
        expect({ id, found: job !== undefined }).toEqual({ id, found: true });
        expect(job?.name).toBe(JobName.SESSION_REMINDER);
        expect(job?.data).toEqual({ sessionId, startsAtMs: startsAt.getTime(), offsetSeconds });
        expect(await job?.getState()).toBe('delayed');
        expect(Math.abs(runAtOf(job as Job) - (startsAt.getTime() - offsetSeconds * 1000))).toBeLessThanOrEqual(5_000);
      }
    }

    async function expectNoReminders(sessionId: string, startsAt: Date) {
      for (const offsetSeconds of OFFSETS) {
        const id = jobIds.sessionReminder({ sessionId, startsAtMs: startsAt.getTime(), offsetSeconds });
        expect({ id, job: await reminders.getJob(id) }).toEqual({ id, job: undefined });
      }
    }

    it('plans both reminders for a new session, moves them when it is rescheduled and drops them when it is cancelled', async () => {
      const startsAt = fromNow(3 * DAY);
      const session = (
        await t.ok(CREATE_SESSION, { input: { cohortId: circle.id, title: 'Group call', startsAt: startsAt.toISOString(), durationMinutes: 60 } }, circle.coach.token)
      ).createSession;
      expect(new Date(session.startsAt).getTime()).toBe(startsAt.getTime());
      await expectReminders(session.id, startsAt);

      const later = fromNow(4 * DAY + 2 * HOUR);
      await t.ok(RESCHEDULE, { id: session.id, startsAt: later.toISOString() }, circle.coach.token);
      await expectNoReminders(session.id, startsAt);
      await expectReminders(session.id, later);

      expect((await t.ok(CANCEL, { id: session.id }, circle.coach.token)).cancelSession.status).toBe('CANCELLED');
      await expectNoReminders(session.id, later);
      await expectNoReminders(session.id, startsAt);
    });

    it('plans the due-soon and overdue notices of new homework', async () => {
      const dueAt = fromNow(3 * DAY);
      const assignment = (
        await t.ok(ASSIGN, { input: { cohortId: circle.id, templateKey: 'soft-start-up', dueAt: dueAt.toISOString() } }, circle.coach.token)
      ).assignHomework;
      const data = { assignmentId: assignment.id, dueAtMs: dueAt.getTime() };

      const due = await reminders.getJob(jobIds.homeworkDue(data));
      expect(due?.name).toBe(JobName.HOMEWORK_DUE);
      expect(due?.data).toEqual(data);
      // HOMEWORK_DUE_NOTICE defaults to 24h.
      expect(Math.abs(runAtOf(due as Job) - (dueAt.getTime() - DAY))).toBeLessThanOrEqual(5_000);

      const overdue = await reminders.getJob(jobIds.homeworkOverdue(data));
      expect(overdue?.name).toBe(JobName.HOMEWORK_OVERDUE);
      expect(overdue?.data).toEqual(data);
      expect(Math.abs(runAtOf(overdue as Job) - dueAt.getTime())).toBeLessThanOrEqual(5_000);
    });

    it('queues an email for an accepted application, right away or at the end of quiet hours', async () => {
      const cohortId = await openCohort(`Email Circle ${suffix()}`, 3);
      const now = applied(cohortId);
      const quiet = applied(cohortId);
      const [plain, sleeper] = await Promise.all([now, quiet]);
      // Quiet hours from an hour ago to an hour from now, on the client's (Berlin) wall clock.
      const local = DateTime.now().setZone(TZ);
      const end = local.plus({ hours: 1 });
      await t.ok(
        UPDATE_PREFERENCES,
        { input: { quietHoursStart: local.minus({ hours: 1 }).toFormat('HH:mm'), quietHoursEnd: end.toFormat('HH:mm') } },
        sleeper.client.token,
      );

      const acceptedAt = Date.now();
      await decide(plain.enrollmentId, 'ACCEPT');
      await decide(sleeper.enrollmentId, 'ACCEPT');

      const [plainNotification] = await notificationsOf(plain.client);
      const job = await email.getJob(jobIds.sendEmail({ notificationId: plainNotification.id }));
      expect(job?.id).toBe(`email_${plainNotification.id}`);
      expect(job?.name).toBe(JobName.SEND_EMAIL);
      expect(job?.data).toEqual({ notificationId: plainNotification.id });
      expect(Math.abs(runAtOf(job as Job) - acceptedAt)).toBeLessThanOrEqual(5_000);

      const [sleeperRow] = await rowsOf(sleeper.client.user.id);
      expect(sleeperRow.email_status).toBe('PENDING');
      const quietEnd = end.startOf('minute').toMillis();
      expect(new Date(sleeperRow.email_not_before).getTime()).toBe(quietEnd);
      const delayed = await email.getJob(jobIds.sendEmail({ notificationId: sleeperRow.id }));
      expect(delayed?.data).toEqual({ notificationId: sleeperRow.id });
      expect(Math.abs(runAtOf(delayed as Job) - quietEnd)).toBeLessThanOrEqual(5_000);
    });
  });
});

describe('auth rate limit shared through Redis', () => {
  const prefix = `api-test-${randomUUID()}`;
  const env = { REDIS_URL, QUEUE_PREFIX: prefix, AUTH_RATE_LIMIT_PER_MINUTE: '3' };
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await TestApp.start(env);
    b = await TestApp.start(env);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    await deleteKeys(redis, `${prefix}:*`);
    await redis.quit();
  });

  /** A logIn with a wrong password for a fresh email, from `ip` (X-Forwarded-For is trusted from loopback). */
  async function failedLogIn(app: TestApp, ip: string): Promise<GqlResult> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOG_IN, variables: { input: { email: uniqueEmail('nobody'), password: 'not the password' } } }),
    });
    return (await res.json()) as GqlResult;
  }

  const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  it('counts attempts from one IP across API instances', async () => {
    const ip = someIp();
    const results = [];
    for (const app of [a, a, b, b]) results.push(await failedLogIn(app, ip));
    expect(results.map(codes)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['TOO_MANY_REQUESTS']]);
    // The throttler's refusal, not the per-email login backoff (every attempt used a new email).
    expect(results[3].errors?.[0].message).toBe('Too many attempts. Please wait a minute and try again.');

    // Another IP has its own count, on either instance.
    const other = someIp();
    expect(codes(await failedLogIn(b, other))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await failedLogIn(a, other))).toEqual(['UNAUTHENTICATED']);
    // The counters live in Redis under this deployment's prefix.
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    try {
      expect((await redis.keys(`${prefix}:throttle:*`)).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });
});
