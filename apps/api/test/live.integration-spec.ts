import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { Role } from '@anchored/domain';
import { liveEventsChannel } from '@anchored/jobs';
import { LiveClient, liveClient, sleep, subscribe, subscribersOn } from './live-client';
import { PASSWORD, TestApp } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind subject body } }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;

/**
 * Two API instances (two Nest apps on two ports) sharing one database and one Redis, like two
 * processes behind a load balancer; real graphql-ws clients over real WebSockets.
 */
describe('Live updates over graphql-ws, two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: IORedis;
  const clients: LiveClient[] = [];
  const prefix = `live-${process.pid}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: prefix };
    [a, b] = await Promise.all([TestApp.start(env), TestApp.start(env)]);
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  afterAll(async () => {
    redis.disconnect();
    await Promise.all([a?.close(), b?.close()]);
  });

  const connect = (app: TestApp, token?: string) => {
    const live = liveClient(app, token);
    clients.push(live);
    return live;
  };

  it('an event raised through instance A reaches its owner subscribed on instance B, and nobody else', async () => {
    const owner = await a.user(Role.CLIENT);
    const other = await a.user(Role.CLIENT);
    const ownerSub = subscribe(connect(b, owner.token), NOTIFICATION_ADDED);
    const otherSub = subscribe(connect(b, other.token), NOTIFICATION_ADDED);
    await subscribersOn(b, 2);

    // changePassword stores a SECURITY notice for the caller (and keeps the caller's own login).
    await a.ok(CHANGE_PASSWORD, { c: PASSWORD, n: `${PASSWORD} again` }, owner.token);

    const first = await ownerSub.nth(1);
    expect(first.errors).toBeUndefined();
    expect(first.data?.notificationAdded).toMatchObject({ kind: 'SECURITY' });
    const stored = await a.ok(`{ myNotifications { id } }`, {}, owner.token);
    expect(stored.myNotifications.map((n: { id: string }) => n.id)).toContain(first.data.notificationAdded.id);
    await sleep(300);
    expect(otherSub.results).toEqual([]);
  });

  it('checks ownership at delivery: an event naming someone else’s notification is not delivered', async () => {
    const owner = await a.user(Role.CLIENT);
    const intruder = await a.user(Role.CLIENT);
    const intruderSub = subscribe(connect(b, intruder.token), NOTIFICATION_ADDED);
    await subscribersOn(b, 1);
    await a.ok(CHANGE_PASSWORD, { c: PASSWORD, n: `${PASSWORD} again` }, owner.token);
    const ownerRows = await a.ok(`{ myNotifications { id } }`, {}, owner.token);
    // A forged event on the shared channel: the intruder's user id, the owner's notification.
    await redis.publish(liveEventsChannel(prefix), JSON.stringify({ type: 'notification', userId: intruder.user.id, notificationId: ownerRows.myNotifications[0].id }));
    await redis.publish(liveEventsChannel(prefix), 'not json');
    await sleep(400);
    expect(intruderSub.results).toEqual([]);
  });

  it('refuses a connection without a valid access token (4403) and runs nothing', async () => {
    for (const token of [undefined, 'not-a-token', `${(await a.user(Role.CLIENT)).token}x`]) {
      const live = connect(b, token);
      const sub = subscribe(live, NOTIFICATION_ADDED);
      await sub.ended;
      expect(live.closes).toContain(4403);
      expect(sub.results).toEqual([]);
    }
  });

  it('refuses a logged-out login’s token', async () => {
    const session = await a.user(Role.COACH);
    await a.ok(`mutation { logOut }`, {}, session.token).catch(() => undefined);
    const live = connect(b, session.token);
    const sub = subscribe(live, NOTIFICATION_ADDED);
    await sub.ended;
    expect(live.closes).toContain(4403);
  });

  it('runs only subscriptions over the socket, with the HTTP limits', async () => {
    const session = await a.user(Role.CLIENT);
    const live = connect(b, session.token);
    const query = subscribe(live, `{ me { id } }`);
    const error = (await query.ended) as { message?: string }[];
    expect(JSON.stringify(error)).toMatch(/Only subscriptions/);
    const unknown = subscribe(live, `subscription { nope }`);
    expect(JSON.stringify(await unknown.ended)).toMatch(/nope/);
  });
});
