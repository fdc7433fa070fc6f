import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions, notificationDraft, runMigrations, testDatabaseUrl } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { Queues, createQueues } from './create-queues';
import type { LiveEvent } from './live-events';
import { NotificationOutbox } from './outbox';
import { JobName, jobIds } from './queues';
import { createRedis } from './redis';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The shared outbox against real Postgres (the run's test database) and real Redis (a prefix of its own). */
describe('NotificationOutbox', () => {
  const prefix = `anchored-test-outbox-${randomUUID().slice(0, 8)}`;
  const warnings: string[] = [];
  let db: DataSource;
  let redis: IORedis;
  let queues: Queues;
  let outbox: NotificationOutbox;
  let userId: string;

  beforeAll(async () => {
    await runMigrations(testDatabaseUrl());
    db = await new DataSource(dataSourceOptions(testDatabaseUrl())).initialize();
    redis = createRedis(REDIS_URL, 'worker');
    queues = createQueues(redis, { prefix, reminderOffsetsSeconds: [3600], scheduleHorizonHours: 48 });
    outbox = new NotificationOutbox(db, queues.email, (message) => warnings.push(message));
    const [user] = await db.query(
      `INSERT INTO users (email, name, role, timezone, password_hash, calendar_token) VALUES ($1, 'Client Outbox', 'CLIENT', 'UTC', 'not-a-login', $2) RETURNING id`,
      [`outbox.${randomUUID().slice(0, 8)}@example.com`, randomUUID()],
    );
    userId = user.id;
  });

  afterAll(async () => {
    await queues.email.obliterate({ force: true });
    await queues.reminders.obliterate({ force: true });
    await Promise.all([queues.email.close(), queues.reminders.close()]);
    redis.disconnect();
    await db.destroy();
  });

  const draft = (key: string) => notificationDraft(userId, NotificationKind.ENROLLMENT_UPDATE, key, { subject: 'Accepted', text: 'You are in.', html: '<p>You are in.</p>' });
  const rowsWithKey = (key: string): Promise<{ id: string }[]> => db.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [key]);
  const emailJobCount = async () => Object.values(await queues.email.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed')).reduce((a, b) => a + b, 0);

  it('stores in the transaction and queues the email only after the commit', async () => {
    const key = `outbox-test:${randomUUID()}`;
    const start = Date.now();
    let insideId = '';
    const result = await outbox.transaction(async (_manager, tx) => {
      const [stored] = await tx.notify([draft(key)]);
      insideId = stored.id;
      // Not committed yet: other connections do not see the row, and no job exists for it.
      expect(await rowsWithKey(key)).toEqual([]);
      expect(await queues.email.getJob(jobIds.sendEmail({ notificationId: stored.id }))).toBeUndefined();
      return 'done';
    });
    expect(result).toBe('done');
    expect(await rowsWithKey(key)).toEqual([{ id: insideId }]);
    const job = await queues.email.getJob(jobIds.sendEmail({ notificationId: insideId }));
    expect(job?.name).toBe(JobName.SEND_EMAIL);
    expect(job?.data).toEqual({ notificationId: insideId });
    expect(job!.timestamp + job!.delay - start).toBeLessThan(5_000);

    // The same occurrence again stores nothing new and queues nothing new (the dedupe key).
    const before = await emailJobCount();
    const again = await outbox.transaction((_manager, tx) => tx.notify([draft(key)]));
    expect(again).toEqual([]);
    expect(await rowsWithKey(key)).toHaveLength(1);
    expect(await emailJobCount()).toBe(before);
    expect(warnings).toEqual([]);
  });

  it('stores nothing and queues nothing when the transaction rolls back', async () => {
    const key = `outbox-test:${randomUUID()}`;
    const before = await emailJobCount();
    let storedId = '';
    await expect(
      outbox.transaction(async (_manager, tx) => {
        [{ id: storedId }] = await tx.notify([draft(key)]);
        throw new Error('the change failed after the notification was stored');
      }),
    ).rejects.toThrow('the change failed');
    expect(storedId).not.toBe('');
    expect(await rowsWithKey(key)).toEqual([]);
    expect(await queues.email.getJob(jobIds.sendEmail({ notificationId: storedId }))).toBeUndefined();
    expect(await emailJobCount()).toBe(before);
  });

  it('queues no email for a notification the recipient does not want by email', async () => {
    await db.query(`UPDATE users SET email_kinds = '{FEEDBACK_READY}' WHERE id = $1`, [userId]);
    try {
      const key = `outbox-test:${randomUUID()}`;
      const before = await emailJobCount();
      const [stored] = await outbox.transaction((_manager, tx) => tx.notify([draft(key)]));
      expect(stored.emailStatus).toBe('SKIPPED');
      expect(await emailJobCount()).toBe(before);
    } finally {
      await db.query(`UPDATE users SET email_kinds = NULL WHERE id = $1`, [userId]);
    }
  });

  it('announces live (notificationAdded) only what it stored, after the commit, and nothing on a rollback', async () => {
    const announced: LiveEvent[][] = [];
    let committedWhenAnnounced = false;
    const key = `outbox-live:${randomUUID()}`;
    const live = new NotificationOutbox(db, undefined, (message) => warnings.push(message), async (events) => {
      committedWhenAnnounced = (await rowsWithKey(key)).length === 1;
      announced.push(events);
    });
    const [stored] = await live.transaction((_m, tx) => tx.notify([draft(key)]));
    expect(announced).toEqual([[{ type: 'notification', userId, notificationId: stored.id }]]);
    expect(committedWhenAnnounced).toBe(true);
    // A retry stores nothing new: nothing is announced again.
    await live.transaction((_m, tx) => tx.notify([draft(key)]));
    expect(announced).toHaveLength(1);
    // A rollback stores nothing and announces nothing.
    await expect(
      live.transaction(async (_m, tx) => {
        await tx.notify([draft(`outbox-live:${randomUUID()}`)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(announced).toHaveLength(1);
    // A failing announcement does not fail the change.
    const failing = new NotificationOutbox(db, undefined, (message) => warnings.push(message), async () => {
      throw new Error('redis down');
    });
    await expect(failing.transaction((_m, tx) => tx.notify([draft(`outbox-live:${randomUUID()}`)]))).resolves.toHaveLength(1);
    expect(warnings.some((w) => w.includes('announce'))).toBe(true);
  });
});
