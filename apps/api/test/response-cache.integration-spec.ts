import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort, countQueries } from './coaching-fixtures';
import { Session, TestApp } from './test-app';

const TZ = 'Europe/Berlin';
const DASHBOARD = `query Dashboard($id: ID!) {
  cohort(id: $id) { id name enrolledCount sessions { id status attendance { status client { id } } } }
  cohortProgress(cohortId: $id) { client { id name } attendanceRate }
}`;
const WITH_ANSWERS = `query($id: ID!) { cohort(id: $id) { id assignments { id submissions { id responses } } } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const ATTEND = `mutation($s: ID!, $c: ID!, $status: AttendanceStatus!) { recordAttendance(sessionId: $s, clientId: $c, status: $status) { status } }`;
const SAVE_DRAFT_LIKE = `mutation { markAllNotificationsRead }`;

/**
 * The coach's response cache (apps/api/src/graphql/response-cache.ts, docs/performance.md): a
 * repeated cohort-screen read is answered without executing, only to the same coach, never after a
 * write, never for a logged-out token, and never for private text.
 */
describe('response cache', () => {
  let t: TestApp;
  let admin: Session;
  let c: CoachingCohort;
  let sessionId: string;

  beforeAll(async () => {
    t = await TestApp.start({ RESPONSE_CACHE_SECONDS: '30' });
    admin = await t.user(Role.ADMIN);
    c = await coachingCohort(t, admin, { startsOn: DateTime.now().setZone(TZ).minus({ days: 14 }).toFormat('yyyy-MM-dd'), timezone: TZ, clients: 2 });
    sessionId = (await t.ok(CREATE_SESSION, { input: { cohortId: c.id, title: 'Circle', startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 60 } }, c.coach.token)).createSession.id;
  });
  afterAll(() => t.close());

  it('answers a repeated read from the cache (only the login check reaches the database), the same answer', async () => {
    const first = await countQueries(t, () => t.ok(DASHBOARD, { id: c.id }, c.coach.token));
    const second = await countQueries(t, () => t.ok(DASHBOARD, { id: c.id }, c.coach.token));
    expect(first.count).toBeGreaterThan(3);
    // The cache's login check counts for the guard too: one lookup on a miss as on a hit.
    expect(first.statements.filter((sql) => sql.includes('refresh_tokens'))).toHaveLength(1);
    expect(second.count).toBe(1);
    expect(second.statements[0]).toContain('refresh_tokens');
    expect(second.result).toEqual(first.result);
  });

  it('executes again after a write, and shows it', async () => {
    await t.ok(DASHBOARD, { id: c.id }, c.coach.token);
    await t.ok(ATTEND, { s: sessionId, c: c.clients[0].user.id, status: 'PRESENT' }, c.coach.token);
    const after = await t.ok(DASHBOARD, { id: c.id }, c.coach.token);
    const session = after.cohort.sessions.find((s: { id: string }) => s.id === sessionId);
    expect(session.attendance).toEqual([{ status: 'PRESENT', client: { id: c.clients[0].user.id } }]);
    expect(after.cohortProgress.find((p: { client: { id: string } }) => p.client.id === c.clients[0].user.id).attendanceRate).toBe(1);
  });

  it('is not moved on by a write that cannot change the screens', async () => {
    await t.ok(DASHBOARD, { id: c.id }, c.coach.token);
    await t.ok(SAVE_DRAFT_LIKE, {}, c.coach.token);
    expect((await countQueries(t, () => t.ok(DASHBOARD, { id: c.id }, c.coach.token))).count).toBe(1);
  });

  it("never gives one coach's answer to another caller", async () => {
    await t.ok(DASHBOARD, { id: c.id }, c.coach.token);
    const stranger = await t.user(Role.COACH);
    const denied = await t.gql(DASHBOARD, { id: c.id }, stranger.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const client = await t.gql(DASHBOARD, { id: c.id }, c.clients[0].token);
    expect(client.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a logged-out token even when its answer is cached', async () => {
    const coach = await t.logIn(c.coach.user.email);
    await t.ok(DASHBOARD, { id: c.id }, coach.token);
    await t.ok(`mutation { logOut }`, {}, coach.token);
    const after = await t.gql(DASHBOARD, { id: c.id }, coach.token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never caches an operation that reads private text (each read is executed and recorded)', async () => {
    await t.ok(WITH_ANSWERS, { id: c.id }, c.coach.token);
    const again = await countQueries(t, () => t.ok(WITH_ANSWERS, { id: c.id }, c.coach.token));
    expect(again.count).toBeGreaterThan(1);
  });
});

describe('response cache over two API instances and Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = { RESPONSE_CACHE_SECONDS: '30', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `response-cache-${process.pid}-${randomUUID().slice(0, 8)}` };
    a = await TestApp.start(env);
    b = await TestApp.start(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a write on one instance makes the other execute the next read, which shows it', async () => {
    const admin = await a.user(Role.ADMIN);
    const c = await coachingCohort(a, admin, { startsOn: DateTime.now().setZone(TZ).minus({ days: 14 }).toFormat('yyyy-MM-dd'), timezone: TZ, clients: 1 });
    const sessionId = (await a.ok(CREATE_SESSION, { input: { cohortId: c.id, title: 'Circle', startsAt: new Date(Date.now() - 86_400_000).toISOString(), durationMinutes: 60 } }, c.coach.token)).createSession.id;
    await a.ok(DASHBOARD, { id: c.id }, c.coach.token);
    expect((await countQueries(a, () => a.ok(DASHBOARD, { id: c.id }, c.coach.token))).count).toBe(1);

    await b.ok(ATTEND, { s: sessionId, c: c.clients[0].user.id, status: 'EXCUSED' }, c.coach.token);
    const after = await countQueries(a, () => a.ok(DASHBOARD, { id: c.id }, c.coach.token));
    expect(after.count).toBeGreaterThan(1);
    expect(after.result.cohort.sessions.find((s: { id: string }) => s.id === sessionId).attendance).toEqual([{ status: 'EXCUSED', client: { id: c.clients[0].user.id } }]);
  });
});
