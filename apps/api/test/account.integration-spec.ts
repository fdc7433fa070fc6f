import { createHash, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { JobName, REMINDERS_QUEUE } from '@anchored/jobs';
import { Role } from '@anchored/domain';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const NEW_PASSWORD = 'a brand new passphrase for anchored';

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name timezone } }`;
const ME = `{ me { id name timezone } }`;
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const REFRESH = `mutation($r: String) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

const fieldsOf = (result: { errors?: { extensions?: { fields?: { field: string }[] } }[] }) =>
  (result.errors ?? []).flatMap((e) => (e.extensions?.fields ?? []).map((f) => f.field));

describe('account: profile and password (the caller only)', () => {
  let t: TestApp;
  let redis: IORedis;
  let reminders: Queue;
  const prefix = `account-${process.pid}-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix });
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    reminders = new Queue(REMINDERS_QUEUE, { connection: redis, prefix });
  });
  afterAll(async () => {
    await reminders.obliterate({ force: true });
    await reminders.close();
    redis.disconnect();
    await t.close();
  });

  /** The retime-recipient jobs the API queued for this user (the worker runs them: apps/worker/test/retime.integration-spec.ts). */
  const retimeJobsOf = async (userId: string) =>
    (await reminders.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed'])).filter((j) => j.name === JobName.RETIME_RECIPIENT && j.data.userId === userId);

  describe('updateProfile', () => {
    let client: Session;
    beforeAll(async () => {
      client = await t.user(Role.CLIENT, 'Ada Before');
    });

    it('changes the name and timezone, shows them in me, and has the worker re-time the emails held for quiet hours', async () => {
      const data = await t.ok(UPDATE_PROFILE, { input: { name: '  Ada Lovelace ', timezone: 'America/New_York' } }, client.token);
      expect(data.updateProfile).toEqual({ id: client.user.id, name: 'Ada Lovelace', timezone: 'America/New_York' });
      expect((await t.ok(ME, {}, client.token)).me).toEqual({ id: client.user.id, name: 'Ada Lovelace', timezone: 'America/New_York' });
      expect(await retimeJobsOf(client.user.id)).toHaveLength(1);
    });

    it('queues nothing when only the name changes', async () => {
      const before = (await retimeJobsOf(client.user.id)).length;
      const data = await t.ok(UPDATE_PROFILE, { input: { name: 'Ada L.' } }, client.token);
      expect(data.updateProfile).toMatchObject({ name: 'Ada L.', timezone: 'America/New_York' });
      expect(await retimeJobsOf(client.user.id)).toHaveLength(before);
    });

    it.each([
      ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['a fixed offset (it would not follow daylight saving)', { timezone: '+02:00' }, 'timezone'],
      ['an empty zone', { timezone: '' }, 'timezone'],
      ['a name of invisible characters only', { name: '\u200B \u3164\u2800' }, 'name'],
      ['an empty name', { name: '   ' }, 'name'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and changes nothing', async (_what, input, field) => {
      const before = (await t.ok(ME, {}, client.token)).me;
      const jobs = (await retimeJobsOf(client.user.id)).length;
      const result = await t.gql(UPDATE_PROFILE, { input: { name: 'Someone Else', timezone: 'Asia/Tokyo', ...input } }, client.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(result)).toEqual([field]);
      expect((await t.ok(ME, {}, client.token)).me).toEqual(before);
      expect(await retimeJobsOf(client.user.id)).toHaveLength(jobs);
    });

    it('has the worker re-time held emails when the quiet hours change too', async () => {
      const before = (await retimeJobsOf(client.user.id)).length;
      const UPDATE_PREFERENCES = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { quietHoursStart } }`;
      await t.ok(UPDATE_PREFERENCES, { input: { quietHoursStart: '21:00', quietHoursEnd: '07:30' } }, client.token);
      expect(await retimeJobsOf(client.user.id)).toHaveLength(before + 1);
      // Only the email kinds: the timing stays as it was.
      await t.ok(UPDATE_PREFERENCES, { input: { emailKinds: ['SESSION_REMINDER'] } }, client.token);
      expect(await retimeJobsOf(client.user.id)).toHaveLength(before + 1);
    });

    it('needs a login', async () => {
      expect(codes(await t.gql(UPDATE_PROFILE, { input: { name: 'Nobody' } }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('changePassword', () => {
    const failuresOf = async (email: string): Promise<number> => {
      const hash = createHash('sha256').update(`login:${email}`).digest('hex');
      const [row] = await t.db.query(`SELECT failures FROM login_attempts WHERE email_hash = $1 AND ip_hash = '*'`, [hash]);
      return row?.failures ?? 0;
    };

    it('refuses a wrong current password with BAD_USER_INPUT, counts it like a failed login, and changes nothing', async () => {
      const coach = await t.user(Role.COACH);
      const other = await t.logIn(coach.user.email);
      const result = await t.gql(CHANGE_PASSWORD, { current: 'not my password at all', next: NEW_PASSWORD }, coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(result)).toEqual(['currentPassword']);
      expect(await failuresOf(coach.user.email)).toBe(1);
      expect(await t.db.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'SECURITY'`, [coach.user.id])).toEqual([]);
      // The old password still works, the new one does not, and the other login lives on.
      expect(codes(await t.gql(LOG_IN, { input: { email: coach.user.email, password: NEW_PASSWORD } }))).toEqual(['UNAUTHENTICATED']);
      await t.logIn(coach.user.email, PASSWORD);
      expect((await t.ok(REFRESH, { r: other.refreshToken })).refreshSession.accessToken).toBeTruthy();
    });

    it('is refused with TOO_MANY_REQUESTS once the login backoff holds the account', async () => {
      const client = await t.user(Role.CLIENT);
      // Locked, as five quick wrong guesses from this address leave it.
      const hash = createHash('sha256').update(`login:${client.user.email}`).digest('hex');
      await t.db.query(`INSERT INTO login_attempts (email_hash, ip_hash, failures, last_failure_at, locked_until) VALUES ($1, '*', 30, now(), now() + interval '10 minutes')`, [hash]);
      const result = await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: NEW_PASSWORD }, client.token);
      expect(codes(result)).toEqual(['TOO_MANY_REQUESTS']);
      await t.db.query(`DELETE FROM login_attempts WHERE email_hash = $1`, [hash]);
      await t.logIn(client.user.email, PASSWORD);
    });

    it('refuses a new password under 12 characters, and changes nothing', async () => {
      const client = await t.user(Role.CLIENT);
      const result = await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'short' }, client.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(result)).toEqual(['newPassword']);
      await t.logIn(client.user.email, PASSWORD);
    });

    it("sets the new password and ends every other login, keeping the caller's", async () => {
      const client = await t.user(Role.CLIENT);
      const laptop = await t.logIn(client.user.email);
      const phone = await t.logIn(client.user.email);

      expect((await t.ok(CHANGE_PASSWORD, { current: PASSWORD, next: NEW_PASSWORD }, laptop.token)).changePassword).toBe(true);

      // The other logins are over: their refresh tokens are refused.
      expect(codes(await t.gql(REFRESH, { r: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(REFRESH, { r: client.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      // The caller's own login goes on, through its access token and its refresh token.
      expect((await t.ok(ME, {}, laptop.token)).me.id).toBe(client.user.id);
      expect((await t.ok(REFRESH, { r: laptop.refreshToken })).refreshSession.accessToken).toBeTruthy();
      // Only the new password logs in.
      expect(codes(await t.gql(LOG_IN, { input: { email: client.user.email, password: PASSWORD } }))).toEqual(['UNAUTHENTICATED']);
      await t.logIn(client.user.email, NEW_PASSWORD);
      // The person is told, in the app and by email (the worker sends it).
      const notices = await t.db.query(`SELECT subject, body, email_status FROM notifications WHERE user_id = $1 AND kind = 'SECURITY'`, [client.user.id]);
      expect(notices).toEqual([expect.objectContaining({ subject: 'Your Anchored password was changed', email_status: 'PENDING' })]);
      expect(notices[0].body).not.toContain(NEW_PASSWORD);
    });
  });
});
