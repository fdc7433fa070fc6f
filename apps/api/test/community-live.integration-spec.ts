import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { LiveClient, liveClient, sleep, subscribe, subscribersOn } from './live-client';
import { Session, TestApp } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TZ = 'Europe/Berlin';
const FEED_EVENTS = `subscription($c: ID!) { cohortFeedEvents(cohortId: $c) { kind post { id body author { id } replyCount } reply { id body } } }`;
const CREATE = `mutation($c: ID!, $b: String!) { createPost(input: { cohortId: $c, body: $b }) { id } }`;
const REPLY = `mutation($p: ID!, $b: String!) { replyToPost(postId: $p, body: $b) { id } }`;

/** cohortFeedEvents over real WebSockets, written through one API instance and received on another. */
describe('the community feed, live (two API instances)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Session;
  let circle: CoachingCohort;
  const clients: LiveClient[] = [];
  const prefix = `feed-live-${process.pid}-${randomUUID().slice(0, 8)}`;
  const connect = (app: TestApp, token: string) => {
    const live = liveClient(app, token);
    clients.push(live);
    return live;
  };

  beforeAll(async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: prefix };
    [a, b] = await Promise.all([TestApp.start(env), TestApp.start(env)]);
    admin = await a.user(Role.ADMIN);
    circle = await coachingCohort(a, admin, { name: 'Live Circle', startsOn: DateTime.now().setZone(TZ).minus({ days: 3 }).toFormat('yyyy-MM-dd'), timezone: TZ, clients: 2 });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('a client posts through A; the coach subscribed on B sees the post and then the reply, as they may see them', async () => {
    const coachFeed = subscribe(connect(b, circle.coach.token), FEED_EVENTS, { c: circle.id });
    await subscribersOn(b, 1);
    const { id } = (await a.ok(CREATE, { c: circle.id, b: 'Live from the harbour' }, circle.clients[0].token)).createPost;
    const first = await coachFeed.nth(1);
    expect(first.errors).toBeUndefined();
    expect(first.data.cohortFeedEvents).toEqual({ kind: 'POST_CREATED', post: { id, body: 'Live from the harbour', author: { id: circle.clients[0].user.id }, replyCount: 0 }, reply: null });
    const reply = (await a.ok(REPLY, { p: id, b: 'Welcome!' }, circle.clients[1].token)).replyToPost;
    const second = await coachFeed.nth(2);
    expect(second.data.cohortFeedEvents).toMatchObject({ kind: 'REPLY_CREATED', post: { id, replyCount: 1 }, reply: { id: reply.id, body: 'Welcome!' } });
  });

  it('refuses outsiders when subscribing', async () => {
    const outsider = await a.user(Role.CLIENT);
    const sub = subscribe(connect(b, outsider.token), FEED_EVENTS, { c: circle.id });
    const ended = await sub.ended;
    // Refused as the subscription starts: an error (FORBIDDEN), never a feed event.
    expect(JSON.stringify([ended, sub.results])).toContain('FORBIDDEN');
    expect(sub.results.filter((r) => r.data?.cohortFeedEvents)).toEqual([]);
  });

  it('a client withdrawn from the cohort stops receiving at once', async () => {
    const member = circle.clients[1];
    const sub = subscribe(connect(b, member.token), FEED_EVENTS, { c: circle.id });
    await subscribersOn(b, 1);
    await a.ok(CREATE, { c: circle.id, b: 'Before' }, circle.coach.token);
    expect((await sub.nth(1)).data.cohortFeedEvents.post.body).toBe('Before');
    const enrollment = (await a.ok(`{ myEnrollments { id cohort { id } } }`, {}, member.token)).myEnrollments.find((e: { cohort: { id: string } }) => e.cohort.id === circle.id);
    await a.ok(`mutation($e: ID!) { withdrawEnrollment(enrollmentId: $e) { id status } }`, { e: enrollment.id }, admin.token);
    await a.ok(CREATE, { c: circle.id, b: 'After' }, circle.coach.token);
    await sleep(500);
    expect(sub.results).toHaveLength(1);
  });
});
