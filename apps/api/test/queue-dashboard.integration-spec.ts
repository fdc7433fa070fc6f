import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { Role } from '@anchored/domain';
import { Session, TestApp, codes } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('queue dashboard (bull-board behind admin auth)', () => {
  let t: TestApp;
  let admin: Session;
  const prefix = `api-dashboard-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix });
    admin = await t.user(Role.ADMIN);
  });
  afterAll(async () => {
    await t.close();
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const url = (path: string) => `${t.url}${path}`;

  it('opens for an admin through a short-lived link that becomes an httpOnly cookie', async () => {
    const link: string = (await t.ok(`{ queueDashboardUrl }`, {}, admin.token)).queueDashboardUrl;
    const path = new URL(link).pathname + new URL(link).search;
    expect(path).toMatch(/^\/admin\/queues\?ticket=/);

    const exchange = await fetch(url(path), { redirect: 'manual' });
    expect(exchange.status).toBe(302);
    const cookie = exchange.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/anchored_queues=.+HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const page = await fetch(url('/admin/queues'), { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = await fetch(url('/admin/queues/api/queues'), { headers: { cookie: cookie.split(';')[0] } });
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['email', 'reminders']);
  });

  it('stays closed to everyone else', async () => {
    expect((await fetch(url('/admin/queues'))).status).toBe(401);
    expect((await fetch(url('/admin/queues/api/queues'))).status).toBe(401);
    // An ordinary access token is not a dashboard ticket, not even an admin's.
    expect((await fetch(url(`/admin/queues?ticket=${admin.token}`), { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(url('/admin/queues'), { headers: { cookie: `anchored_queues=${admin.token}` } })).status).toBe(401);
    for (const role of [Role.COACH, Role.CLIENT]) {
      const someone = await t.user(role);
      expect(codes(await t.gql(`{ queueDashboardUrl }`, {}, someone.token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(`{ queueDashboardUrl }`))).toEqual(['UNAUTHENTICATED']);
  });
});
