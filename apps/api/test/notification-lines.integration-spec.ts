import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { ASSIGN_COACH, CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp } from './test-app';

/*
 * The app's notification list reads as short lines that lead somewhere (summary, link), while the
 * email keeps its fuller text (body). Lines carry names and titles, never what anyone wrote.
 */

const MINE = `{ myNotifications(limit: 50) { id kind subject body summary link } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { id } }`;
const CREATE_POST = `mutation($c: ID!, $b: String!) { createPost(input: { cohortId: $c, body: $b }) { id } }`;
const REPLY = `mutation($p: ID!, $b: String!) { replyToPost(postId: $p, body: $b) { id } }`;
const START = `mutation($c: ID!, $u: ID!) { startConversation(cohortId: $c, withUserId: $u) { id } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(conversationId: $id, body: $body) { id } }`;

interface Line {
  id: string;
  kind: string;
  subject: string;
  body: string;
  summary: string;
  link: string | null;
}

describe('notification lines', () => {
  let t: TestApp;
  let circle: CoachingCohort;
  let client: Session;
  let other: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.user(Role.ADMIN);
    const startsOn = DateTime.now().setZone('Europe/Berlin').minus({ days: 14 }).toFormat('yyyy-MM-dd');
    circle = await coachingCohort(t, admin, { name: `Lines ${randomUUID().slice(0, 6)}`, startsOn, timezone: 'Europe/Berlin', clients: 2, clientNames: ['Ada Line', 'Corin Line'] });
    [client, other] = circle.clients;
    // A second coach: every seated client hears who can now read their answers.
    const coach2 = await t.user(Role.COACH, 'Grace Second');
    await t.ok(ASSIGN_COACH, { c: circle.id, u: coach2.user.id }, admin.token);
  });

  afterAll(async () => {
    await t?.close();
  });

  const linesOf = async (s: Session) => (await t.ok(MINE, {}, s.token)).myNotifications as Line[];

  it('says feedback is in, in one line that opens the homework, without the feedback or the answers', async () => {
    const title = `Week 3 reflection ${randomUUID().slice(0, 4)}`;
    const assignment = (await t.ok(ASSIGN, { input: { cohortId: circle.id, templateKey: 'boundary-practice-log', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), title } }, circle.coach.token))
      .assignHomework;
    const answer = `My sister asked me again ${randomUUID()}`;
    const submission = (
      await t.ok(SUBMIT, { a: assignment.id, r: { situation: answer, boundaryType: 'I said no', discomfortBefore: 8, discomfortAfter: 3, whatHappened: answer } }, client.token)
    ).submitHomework;
    const feedback = `You held it kindly ${randomUUID()}`;
    await t.ok(REVIEW, { s: submission.id, f: feedback }, circle.coach.token);

    const [line] = (await linesOf(client)).filter((n) => n.kind === 'FEEDBACK_READY');
    expect(line).toMatchObject({ summary: `New feedback on your ${title}`, link: `/homework/${assignment.id}` });
    // The fuller text stays for the email and the detail.
    expect(line.body.length).toBeGreaterThan(line.summary.length);
    expect(line.body).toContain('we never include feedback in emails');
    for (const secret of [answer, feedback]) expect(JSON.stringify(line)).not.toContain(secret);
    // Nor does the stored payload hold either.
    const [row] = await t.db.query(`SELECT about::text AS about FROM notifications WHERE id = $1`, [line.id]);
    expect(row.about).not.toContain(answer);
    expect(row.about).not.toContain(feedback);
    // Someone else's notifications are not in anyone else's list.
    expect((await linesOf(other)).some((n) => n.id === line.id)).toBe(false);

    // Feedback changed afterwards says so, and leads to the same place.
    const edited = `On reflection ${randomUUID()}`;
    await t.ok(`mutation($s: ID!, $f: String!) { editFeedback(submissionId: $s, feedback: $f) { id } }`, { s: submission.id, f: edited }, circle.coach.token);
    const [again] = (await linesOf(client)).filter((n) => n.kind === 'FEEDBACK_READY');
    expect(again).toMatchObject({ summary: `Your coach edited their feedback on your ${title}`, link: `/homework/${assignment.id}` });
    expect(JSON.stringify(again)).not.toContain(edited);
  });

  it('names the new coach and leads the client to their access log', async () => {
    const [line] = (await linesOf(client)).filter((n) => n.kind === 'COACH_ASSIGNED');
    expect(line).toMatchObject({ summary: expect.stringMatching(/^Grace Second joined Lines \w+ as a coach$/), link: '/privacy' });
  });

  it('leads a reply to the post and a message to the conversation, never quoting either', async () => {
    const post = (await t.ok(CREATE_POST, { c: circle.id, b: 'Soft start-up script, my try' }, client.token)).createPost;
    const reply = `That reads gently ${randomUUID()}`;
    await t.ok(REPLY, { p: post.id, b: reply }, other.token);
    const [replied] = (await linesOf(client)).filter((n) => n.kind === 'POST_REPLY');
    expect(replied).toMatchObject({ summary: expect.stringMatching(/^Corin Line replied to your post in Lines \w+$/), link: `/circle/${circle.id}?post=${post.id}` });
    expect(JSON.stringify(replied)).not.toContain(reply);

    const conversation = (await t.ok(START, { c: circle.id, u: client.user.id }, circle.coach.token)).startConversation;
    const text = `How are you holding up ${randomUUID()}`;
    await t.ok(SEND, { id: conversation.id, body: text }, circle.coach.token);
    const [message] = (await linesOf(client)).filter((n) => n.kind === 'NEW_MESSAGE');
    expect(message.summary).toMatch(/ sent you a message$/);
    expect(message.link).toBe(`/messages/${conversation.id}`);
    expect(JSON.stringify(message)).not.toContain(text);
  });

  it('reads a notification stored before lines existed by its subject, linked to its kind\'s screen', async () => {
    const [row] = await t.db.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, subject, body, html, email_status) VALUES ($1, 'FEEDBACK_READY', $2, 'Your coach has replied: Old one', 'Long text', '<p>x</p>', 'SKIPPED') RETURNING id`,
      [client.user.id, `legacy:${randomUUID()}`],
    );
    const legacy = (await linesOf(client)).find((n) => n.id === row.id);
    expect(legacy).toMatchObject({ summary: 'Your coach has replied: Old one', link: '/history' });
  });
});
