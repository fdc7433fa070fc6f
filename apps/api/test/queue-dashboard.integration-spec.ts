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

  /** Asks for a link as `who` and exchanges it; returns the exchange's status and cookie. */
  async function openDashboard(who: Session, link?: string) {
    const href = link ?? ((await t.ok(`{ queueDashboardUrl }`, {}, who.token)).queueDashboardUrl as string);
    const exchange = await fetch(url(new URL(href).pathname + new URL(href).search), { redirect: 'manual' });
    return { status: exchange.status, cookie: (exchange.headers.get('set-cookie') ?? '').split(';')[0], link: href };
  }

  it('takes each link once: a second use, even right after the first, is refused', async () => {
    const first = await openDashboard(admin);
    expect(first.status).toBe(302);
    const again = await openDashboard(admin, first.link);
    expect(again.status).toBe(401);
    expect(again.cookie).toBe('');

    // Two uses racing: exactly one wins.
    const link: string = (await t.ok(`{ queueDashboardUrl }`, {}, admin.token)).queueDashboardUrl;
    const both = await Promise.all([openDashboard(admin, link), openDashboard(admin, link)]);
    expect(both.map((r) => r.status).sort()).toEqual([302, 401]);
  });

  it("ends with the admin's login: after logOut the cookie opens nothing and the links already issued are dead", async () => {
    const own = await t.logIn(admin.user.email);
    const { status, cookie } = await openDashboard(own);
    expect(status).toBe(302);
    expect((await fetch(url('/admin/queues/api/queues'), { headers: { cookie } })).status).toBe(200);
    const unused: string = (await t.ok(`{ queueDashboardUrl }`, {}, own.token)).queueDashboardUrl;

    expect((await t.ok(`mutation { logOut }`, {}, own.token)).logOut).toBe(true);
    expect((await fetch(url('/admin/queues/api/queues'), { headers: { cookie } })).status).toBe(401);
    expect((await fetch(url('/admin/queues'), { headers: { cookie } })).status).toBe(401);
    expect((await openDashboard(own, unused)).status).toBe(401);

    // The admin's other login (another device) is untouched.
    expect((await openDashboard(admin)).status).toBe(302);
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
