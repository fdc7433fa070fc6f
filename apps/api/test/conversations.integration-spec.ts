import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { PrivateTextCipher, buildDataExport } from '@anchored/data';
import { MESSAGES_PER_MINUTE, MESSAGE_MAX_LENGTH, Role } from '@anchored/domain';
import { PRIVATE_TEXT_CIPHER } from '../src/private-text/private-text-cipher';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { liveClient, sleep, subscribe, subscribersOn } from './live-client';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TZ = 'Europe/Berlin';
const START = `mutation($c: ID!, $u: ID!) { startConversation(cohortId: $c, withUserId: $u) { id cohort { id } participants { id name } unreadCount lastMessageAt } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(conversationId: $id, body: $body) { id body createdAt crisisResources author { id } conversation { id } } }`;
const READ = `mutation($id: ID!) { markConversationRead(conversationId: $id) { id unreadCount } }`;
const CONVERSATION = `query($id: ID!) { conversation(id: $id) { id participants { id } unreadCount lastMessageAt } }`;
const MESSAGES = `query($id: ID!, $before: DateTime, $limit: Int) { conversation(id: $id) { id messages(before: $before, limit: $limit) { id body createdAt crisisResources author { id } } } }`;
const MINE = `{ myConversations { id unreadCount participants { id } cohort { id } } }`;
const MESSAGE_ADDED = `subscription { messageAdded { id body author { id } conversation { id } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrollment(enrollmentId: $id) { id status } }`;

const daysFromNow = (days: number) => DateTime.now().setZone(TZ).plus({ days }).toFormat('yyyy-MM-dd');

describe('private conversations', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let other: CoachingCohort;
  let client: Session;
  let coach: Session;
  let conversationId: string;
  const prefix = `conversations-${process.pid}-${randomUUID().slice(0, 8)}`;

  /** Rows that must not change when a call is refused. */
  const fingerprint = async () => JSON.stringify(await t.db.query(`SELECT (SELECT count(*) FROM conversations) AS c, (SELECT count(*) FROM messages) AS m, (SELECT count(*) FROM notifications WHERE kind = 'NEW_MESSAGE') AS n`));

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix });
    admin = await t.user(Role.ADMIN);
    cohort = await coachingCohort(t, admin, { startsOn: daysFromNow(-7), timezone: TZ, clients: 6, name: 'The Circle' });
    other = await coachingCohort(t, admin, { startsOn: daysFromNow(-7), timezone: TZ, clients: 1, name: 'Another Circle' });
    [client, coach] = [cohort.clients[0], cohort.coach];
    conversationId = (await t.ok(START, { c: cohort.id, u: coach.user.id }, client.token)).startConversation.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('a client and their cohort’s coach have one conversation, whoever starts it', async () => {
    const again = (await t.ok(START, { c: cohort.id, u: coach.user.id }, client.token)).startConversation;
    const fromCoach = (await t.ok(START, { c: cohort.id, u: client.user.id }, coach.token)).startConversation;
    expect(again.id).toBe(conversationId);
    expect(fromCoach.id).toBe(conversationId);
    expect(fromCoach.cohort.id).toBe(cohort.id);
    expect(fromCoach.participants.map((p: { id: string }) => p.id).sort()).toEqual([client.user.id, coach.user.id].sort());
  });

  it('sendMessage: the text is encrypted at rest, unread for the other, NEW_MESSAGE names who and where without the text', async () => {
    const secret = `my private words ${randomUUID()}`;
    const sent = (await t.ok(SEND, { id: conversationId, body: `  ${secret}  ` }, client.token)).sendMessage;
    expect(sent).toMatchObject({ body: secret, author: { id: client.user.id }, conversation: { id: conversationId }, crisisResources: null });
    const [row] = await t.db.query(`SELECT body_encrypted FROM messages WHERE id = $1`, [sent.id]);
    expect(row.body_encrypted).not.toContain('private words');

    expect((await t.ok(CONVERSATION, { id: conversationId }, coach.token)).conversation).toMatchObject({ unreadCount: 1, lastMessageAt: sent.createdAt });
    expect((await t.ok(CONVERSATION, { id: conversationId }, client.token)).conversation.unreadCount).toBe(0);
    const coachList = (await t.ok(MINE, {}, coach.token)).myConversations;
    expect(coachList.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ unreadCount: 1 });

    const [notice] = await t.db.query(`SELECT subject, body, html FROM notifications WHERE user_id = $1 AND kind = 'NEW_MESSAGE' ORDER BY created_at DESC LIMIT 1`, [coach.user.id]);
    expect(notice.subject).toContain(client.user.name);
    expect(notice.body).toContain('The Circle');
    expect(notice.body).toContain(`/messages/${conversationId}`);
    expect(`${notice.subject}${notice.body}${notice.html}`).not.toContain('private words');

    expect((await t.ok(READ, { id: conversationId }, coach.token)).markConversationRead.unreadCount).toBe(0);
    expect((await t.ok(CONVERSATION, { id: conversationId }, coach.token)).conversation.unreadCount).toBe(0);
  });

  it('pages newest first, by `before`', async () => {
    const { id } = (await t.ok(START, { c: cohort.id, u: coach.user.id }, cohort.clients[1].token)).startConversation;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      sent.push((await t.ok(SEND, { id, body: `message ${i}` }, i % 2 ? coach.token : cohort.clients[1].token)).sendMessage.id);
      await sleep(5);
    }
    const first = (await t.ok(MESSAGES, { id, limit: 2 }, coach.token)).conversation.messages;
    expect(first.map((m: { body: string }) => m.body)).toEqual(['message 4', 'message 3']);
    const next = (await t.ok(MESSAGES, { id, limit: 2, before: first[1].createdAt }, coach.token)).conversation.messages;
    expect(next.map((m: { body: string }) => m.body)).toEqual(['message 2', 'message 1']);
    const rest = (await t.ok(MESSAGES, { id, before: next[1].createdAt }, cohort.clients[1].token)).conversation.messages;
    expect(rest.map((m: { body: string }) => m.body)).toEqual(['message 0']);
    expect(codes(await t.gql(MESSAGES, { id, limit: 0 }, coach.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('admins see that a conversation exists and who is in it, never its messages; they have none of their own', async () => {
    const seen = (await t.ok(CONVERSATION, { id: conversationId }, admin.token)).conversation;
    expect(seen.participants.map((p: { id: string }) => p.id).sort()).toEqual([client.user.id, coach.user.id].sort());
    expect(codes(await t.gql(MESSAGES, { id: conversationId }, admin.token))).toEqual(['FORBIDDEN']);
    expect((await t.ok(MINE, {}, admin.token)).myConversations).toEqual([]);
    const before = await fingerprint();
    expect(codes(await t.gql(SEND, { id: conversationId, body: 'hello' }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(START, { c: cohort.id, u: client.user.id }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(READ, { id: conversationId }, admin.token))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
  });

  it('nobody else reads, writes or marks it', async () => {
    const outsiders = [cohort.clients[2], other.clients[0], other.coach];
    const before = await fingerprint();
    for (const s of outsiders) {
      expect(codes(await t.gql(CONVERSATION, { id: conversationId }, s.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MESSAGES, { id: conversationId }, s.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(SEND, { id: conversationId, body: 'hello' }, s.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(READ, { id: conversationId }, s.token))).toEqual(['FORBIDDEN']);
      expect((await t.ok(MINE, {}, s.token)).myConversations.map((c: { id: string }) => c.id)).not.toContain(conversationId);
    }
    expect(codes(await t.gql(CONVERSATION, { id: conversationId }))).toEqual(['UNAUTHENTICATED']);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses messaging outside the rules, bad bodies and unknown ids with typed errors that change nothing', async () => {
    const applicant = await t.user(Role.CLIENT);
    const before = await fingerprint();
    const refused = async (op: string, vars: Record<string, unknown>, s: Session, code: string) => expect({ vars, codes: codes(await t.gql(op, vars, s.token)) }).toEqual({ vars, codes: [code] });
    await refused(START, { c: cohort.id, u: cohort.clients[1].user.id }, client, 'FORBIDDEN'); // two clients, not buddies
    await refused(START, { c: cohort.id, u: other.coach.user.id }, client, 'FORBIDDEN'); // a coach of another cohort
    await refused(START, { c: other.id, u: other.coach.user.id }, client, 'FORBIDDEN'); // a cohort the client is not in
    await refused(START, { c: cohort.id, u: coach.user.id }, applicant, 'FORBIDDEN'); // no seat
    await refused(START, { c: cohort.id, u: other.clients[0].user.id }, coach, 'FORBIDDEN'); // not this coach's client
    await refused(START, { c: cohort.id, u: admin.user.id }, client, 'FORBIDDEN');
    await refused(START, { c: cohort.id, u: client.user.id }, client, 'BAD_USER_INPUT');
    await refused(START, { c: randomUUID(), u: coach.user.id }, client, 'NOT_FOUND');
    await refused(START, { c: cohort.id, u: randomUUID() }, client, 'NOT_FOUND');
    await refused(START, { c: 'not-an-id', u: coach.user.id }, client, 'BAD_USER_INPUT');
    await refused(SEND, { id: conversationId, body: '' }, client, 'BAD_USER_INPUT');
    await refused(SEND, { id: conversationId, body: ' \n\t ' }, client, 'BAD_USER_INPUT');
    await refused(SEND, { id: conversationId, body: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) }, client, 'BAD_USER_INPUT');
    await refused(SEND, { id: randomUUID(), body: 'hello' }, client, 'NOT_FOUND');
    await refused(SEND, { id: 'nope', body: 'hello' }, client, 'BAD_USER_INPUT');
    await refused(READ, { id: randomUUID() }, client, 'NOT_FOUND');
    await refused(CONVERSATION, { id: randomUUID() }, client, 'NOT_FOUND');
    expect(await fingerprint()).toBe(before);
    const tooLong = await t.gql(SEND, { id: conversationId, body: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) }, client.token);
    expect(tooLong.errors?.[0].message).toContain(String(MESSAGE_MAX_LENGTH));
    expect((await t.ok(SEND, { id: conversationId, body: 'x'.repeat(MESSAGE_MAX_LENGTH) }, client.token)).sendMessage.body).toHaveLength(MESSAGE_MAX_LENGTH);
  });

  it('a message that reads like a crisis shows its author the crisis resources and tells the coach, without the text', async () => {
    const author = cohort.clients[2];
    const { id } = (await t.ok(START, { c: cohort.id, u: coach.user.id }, author.token)).startConversation;
    const sent = (await t.ok(SEND, { id, body: 'Some days I want to die, honestly.' }, author.token)).sendMessage;
    expect(sent.crisisResources).toEqual(expect.stringContaining('emergency'));
    const asAuthor = (await t.ok(MESSAGES, { id }, author.token)).conversation.messages[0];
    const asCoach = (await t.ok(MESSAGES, { id }, coach.token)).conversation.messages[0];
    expect(asAuthor.crisisResources).toBeTruthy();
    expect(asCoach.crisisResources).toBeNull();
    const notices = await t.db.query(`SELECT subject, body, html FROM notifications WHERE user_id = $1 AND dedupe_key LIKE 'message-flag:%'`, [coach.user.id]);
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toContain('may need your attention');
    expect(JSON.stringify(notices)).not.toContain('want to die');
    const calm = (await t.ok(SEND, { id, body: 'Thank you, today was better.' }, author.token)).sendMessage;
    expect(calm.crisisResources).toBeNull();
  });

  it('messageAdded reaches both participants, checked at delivery; a client who leaves the cohort stops receiving and reading', async () => {
    const leaver = cohort.clients[3];
    const { id } = (await t.ok(START, { c: cohort.id, u: coach.user.id }, leaver.token)).startConversation;
    const clients = [liveClient(t, leaver.token), liveClient(t, coach.token), liveClient(t, other.coach.token)];
    try {
      const [leaverSub, coachSub, outsiderSub] = clients.map((c) => subscribe(c, MESSAGE_ADDED));
      await subscribersOn(t, 3);
      const sent = (await t.ok(SEND, { id, body: 'live hello' }, coach.token)).sendMessage;
      for (const sub of [leaverSub, coachSub]) {
        expect((await sub.nth(1)).data?.messageAdded).toEqual({ id: sent.id, body: 'live hello', author: { id: coach.user.id }, conversation: { id } });
      }
      const [enrollment] = (await t.ok(`{ myEnrollments { id cohort { id } } }`, {}, leaver.token)).myEnrollments.filter((e: { cohort: { id: string } }) => e.cohort.id === cohort.id);
      await t.ok(WITHDRAW, { id: enrollment.id }, leaver.token);
      // The conversation is closed now: no more messages, for either side, live or not.
      expect(codes(await t.gql(SEND, { id, body: 'still there?' }, coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MESSAGES, { id }, leaver.token))).toEqual(['FORBIDDEN']);
      expect((await t.ok(MINE, {}, coach.token)).myConversations.map((c: { id: string }) => c.id)).not.toContain(id);
      // An event for it (as if raised elsewhere) is refused at delivery.
      await t.app.get((await import('../src/realtime/live-events.publisher')).LiveEventsPublisher).publish({ type: 'message', conversationId: id, messageId: sent.id });
      await sleep(400);
      expect(leaverSub.results).toHaveLength(1);
      expect(coachSub.results).toHaveLength(1);
      expect(outsiderSub.results).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it(`limits sending to ${MESSAGES_PER_MINUTE} messages a minute per person`, async () => {
    const sender = cohort.clients[4];
    const { id } = (await t.ok(START, { c: cohort.id, u: coach.user.id }, sender.token)).startConversation;
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) await t.ok(SEND, { id, body: `m${i}` }, sender.token);
    const refused = await t.gql(SEND, { id, body: 'one too many' }, sender.token);
    expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1`, [id]);
    expect(count).toBe(MESSAGES_PER_MINUTE);
  });

  it('the data export has the person’s own messages; deleting the account erases them, the other keeps theirs', async () => {
    const leaving = cohort.clients[5];
    const { id } = (await t.ok(START, { c: cohort.id, u: coach.user.id }, leaving.token)).startConversation;
    await t.ok(SEND, { id, body: 'mine to take away' }, leaving.token);
    await t.ok(SEND, { id, body: 'the coach wrote this' }, coach.token);
    const exported = await buildDataExport(t.db.manager, t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER), leaving.user.id);
    expect(exported.messages).toEqual([expect.objectContaining({ cohort: 'The Circle', to: coach.user.name, body: 'mine to take away' })]);

    await t.ok(`mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`, { p: PASSWORD }, leaving.token);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1 AND author_id IS NOT NULL AND body_encrypted IS NOT NULL AND author_id <> $2`, [id, coach.user.id]);
    expect(count).toBe(0);
    const [left] = await t.db.query(`SELECT user_a_id, user_b_id FROM conversations WHERE id = $1`, [id]);
    expect([left.user_a_id, left.user_b_id]).toContain(null);
    const [{ coachMessages }] = await t.db.query(`SELECT count(*)::int AS "coachMessages" FROM messages WHERE conversation_id = $1 AND author_id = $2`, [id, coach.user.id]);
    expect(coachMessages).toBe(1);
    // Closed: the coach no longer lists it, nor reads it.
    expect(codes(await t.gql(MESSAGES, { id }, coach.token))).toEqual(['FORBIDDEN']);
  });
});
