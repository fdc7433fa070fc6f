import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { JobName, NotificationOutbox, REMINDERS_QUEUE, completeDataExport, jobIds } from '@anchored/jobs';
import { redactUrl } from '../src/common/logging';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../src/private-text/private-text-cipher';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TZ = 'Europe/Berlin';
const MINE = 'I notice I check her face before I know what I feel';
const THEIRS = 'A sentence only the other client wrote';

const REQUEST = `mutation { requestDataExport { id status requestedAt readyAt downloadUrl } }`;
const MINE_LIST = `{ myDataExports { id status requestedAt readyAt downloadUrl } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;

describe('data exports (API)', () => {
  const prefix = `api-test-${randomUUID()}`;
  let t: TestApp;
  let redis: IORedis;
  let reminders: Queue;
  let circle: CoachingCohort;
  let ada: Session;
  let ben: Session;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix, PUBLIC_URL: 'https://anchored.example' });
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    reminders = new Queue(REMINDERS_QUEUE, { connection: redis, prefix });
    const admin = await t.user(Role.ADMIN);
    circle = await coachingCohort(t, admin, { startsOn: DateTime.now().setZone(TZ).minus({ days: 7 }).toFormat('yyyy-MM-dd'), timezone: TZ, clients: 2 });
    [ada, ben] = circle.clients;
    const dueAt = DateTime.now().plus({ days: 4 }).toISO();
    const assignment = (await t.ok(ASSIGN, { input: { cohortId: circle.id, templateKey: 'where-am-i-located', dueAt } }, circle.coach.token)).assignHomework.id;
    await t.ok(SUBMIT, { a: assignment, r: { location: 'I could not tell yet', groundedness: 5, returnPractice: MINE } }, ada.token);
    await t.ok(SUBMIT, { a: assignment, r: { location: 'I could not tell yet', groundedness: 3, returnPractice: THEIRS } }, ben.token);
  });

  afterAll(async () => {
    await t?.close();
    if (redis) {
      await reminders.obliterate({ force: true });
      await reminders.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  /** What the worker's build-data-export job runs (apps/worker/test/data-export.integration-spec.ts drives it through BullMQ). */
  const build = (id: string) =>
    completeDataExport(t.app.get(NotificationOutbox), t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER), id, `${t.config.publicUrl}/settings`);

  it('queues one export per request, returns the pending one when asked again, and serves the built file by its secret link only', async () => {
    const first = (await t.ok(REQUEST, {}, ada.token)).requestDataExport;
    expect(first).toMatchObject({ status: 'PENDING', readyAt: null, downloadUrl: null });
    const again = (await t.ok(REQUEST, {}, ada.token)).requestDataExport;
    expect(again.id).toBe(first.id);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM data_exports WHERE user_id = $1`, [ada.user.id])).toEqual([{ n: 1 }]);
    const job = await reminders.getJob(jobIds.buildDataExport({ exportId: first.id }));
    expect(job?.name).toBe(JobName.BUILD_DATA_EXPORT);

    expect(await build(first.id)).toBe('built');
    const [listed] = (await t.ok(MINE_LIST, {}, ada.token)).myDataExports;
    expect(listed).toMatchObject({ id: first.id, status: 'READY', readyAt: expect.any(String) });
    const url = new URL(listed.downloadUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`https://anchored.example/exports/${first.id}`);
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only its hash and a ciphertext are stored.
    expect(JSON.stringify(await t.db.query(`SELECT * FROM data_exports WHERE id = $1`, [first.id]))).not.toContain(token);

    const notices = (await t.ok(`{ myNotifications { kind subject body } }`, {}, ada.token)).myNotifications.filter((n: { kind: string }) => n.kind === 'DATA_EXPORT_READY');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices)).not.toContain(MINE);
    expect(JSON.stringify(notices)).not.toContain(token);

    const download = (query: string) => fetch(`${t.url}/exports/${first.id}${query}`);
    for (let i = 0; i < 2; i++) {
      const res = await download(`?token=${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="anchored-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const file = (await res.json()) as { about: { format: string }; profile: unknown; homework: unknown; enrollments: unknown; notifications: { kind: string }[] };
      expect(file.about.format).toBe('anchored-data-export/1');
      expect(file.profile).toMatchObject({ id: ada.user.id, email: ada.user.email });
      expect(file.homework).toEqual([expect.objectContaining({ answers: { location: 'I could not tell yet', groundedness: 5, returnPractice: MINE } })]);
      expect(file.enrollments).toEqual([expect.objectContaining({ status: 'ENROLLED' })]);
      expect(file.notifications.map((n: { kind: string }) => n.kind)).toContain('ENROLLMENT_UPDATE');
      const text = JSON.stringify(file);
      expect(text).not.toContain(THEIRS);
      expect(text).not.toContain(ben.user.email);
      expect(text).not.toContain(ben.user.id);
    }
    expect((await download('')).status).toBe(404);
    expect((await download(`?token=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);
    expect((await download(`?token=${token}&token=${token}`)).status).toBe(404);
    expect((await fetch(`${t.url}/exports/${randomUUID()}?token=${token}`)).status).toBe(404);
    // A request with someone's access token but not the link gets nothing either.
    expect((await fetch(`${t.url}/exports/${first.id}`, { headers: { authorization: `Bearer ${ada.token}` } })).status).toBe(404);

    // 24 hours later (moved in the database, not waited for): the link is dead even before the worker deletes the file.
    await t.db.query(`UPDATE data_exports SET ready_at = ready_at - interval '24 hours', expires_at = expires_at - interval '24 hours' WHERE id = $1`, [first.id]);
    expect((await download(`?token=${token}`)).status).toBe(404);
    expect((await t.ok(MINE_LIST, {}, ada.token)).myDataExports[0]).toMatchObject({ id: first.id, status: 'EXPIRED', downloadUrl: null });

    // A new request once the last one is done.
    const next = (await t.ok(REQUEST, {}, ada.token)).requestDataExport;
    expect(next.id).not.toBe(first.id);
  });

  it("nobody else sees or downloads my export", async () => {
    const mine = (await t.ok(REQUEST, {}, circle.coach.token)).requestDataExport;
    await build(mine.id);
    const theirs = (await t.ok(MINE_LIST, {}, ben.token)).myDataExports as { id: string }[];
    expect(theirs.map((e) => e.id)).not.toContain(mine.id);
    expect(codes(await t.gql(MINE_LIST))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(REQUEST))).toEqual(['UNAUTHENTICATED']);
    // Ben's own link does not open the coach's export.
    const bens = (await t.ok(REQUEST, {}, ben.token)).requestDataExport;
    await build(bens.id);
    const bensToken = new URL((await t.ok(MINE_LIST, {}, ben.token)).myDataExports[0].downloadUrl).searchParams.get('token');
    expect((await fetch(`${t.url}/exports/${mine.id}?token=${bensToken}`)).status).toBe(404);
  });

  it('logs the download URL without its secret', () => {
    expect(redactUrl('/exports/6f1c0d5e-0000-4000-8000-000000000000?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe(
      '/exports/6f1c0d5e-0000-4000-8000-000000000000?token=[redacted]',
    );
  });
});
