import { Role } from '@anchored/domain';
import { DateTime } from 'luxon';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const TZ = 'America/New_York';
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const SAVE = `mutation($a: ID!, $r: JSON!) { saveHomeworkDraft(assignmentId: $a, responses: $r) { responses savedAt } }`;
const DISCARD = `mutation($a: ID!) { discardHomeworkDraft(assignmentId: $a) }`;
const MY_DRAFT = `query($a: ID!) { assignment(id: $a) { id myDraft { responses savedAt } } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;
const SAVE_FEEDBACK = `mutation($s: ID!, $f: String!) { saveFeedbackDraft(submissionId: $s, feedback: $f) { feedback savedAt } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { id } }`;
const SUBMISSIONS = `query($a: ID!) { assignment(id: $a) { submissions { id myFeedbackDraft { feedback } } } }`;
const ANSWER = { location: 'I could not tell yet', groundedness: 6, returnPractice: 'Three slow breaths.' };

// Nothing typed is lost: unsent answers and feedback live on the server, for their author alone.
describe('drafts', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let other: CoachingCohort;
  let assignmentId: string;

  beforeAll(async () => {
    t = await TestApp.start({ ADMINS_READ_HOMEWORK: 'true' });
    admin = await t.user(Role.ADMIN);
    const startsOn = DateTime.now().setZone(TZ).minus({ days: 7 }).toISODate() as string;
    cohort = await coachingCohort(t, admin, { startsOn, timezone: TZ, clients: 2 });
    other = await coachingCohort(t, admin, { startsOn, timezone: TZ, clients: 1 });
    const dueAt = DateTime.now().plus({ days: 7 }).toUTC().toISO();
    assignmentId = (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'where-am-i-located', dueAt } }, cohort.coach.token)).assignHomework.id;
  });
  afterAll(() => t.close());

  const rawDrafts = () => t.db.query(`SELECT body_encrypted FROM drafts`) as Promise<{ body_encrypted: string }[]>;

  it('keeps a client’s half-written answers, encrypted, and gives them back on any device', async () => {
    const [client] = cohort.clients;
    const partial = { location: 'Out in my partner’s mood' };
    const saved = (await t.ok(SAVE, { a: assignmentId, r: partial }, client.token)).saveHomeworkDraft;
    expect(saved.responses).toEqual(partial);
    const more = { ...partial, groundedness: 3 };
    await t.ok(SAVE, { a: assignmentId, r: more }, client.token);
    // A second login (another device) reads the same, newest draft.
    const elsewhere = await t.logIn(client.user.email);
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, elsewhere.token)).assignment.myDraft.responses).toEqual(more);
    // Stored encrypted: the words are nowhere in the table.
    expect(JSON.stringify(await rawDrafts())).not.toContain('partner');
  });

  it('lets nobody else read it: not the other client, the coach or an admin', async () => {
    const [, second] = cohort.clients;
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, second.token)).assignment.myDraft).toBeNull();
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, cohort.coach.token)).assignment.myDraft).toBeNull();
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, admin.token)).assignment.myDraft).toBeNull();
    // Discarding someone else's draft is impossible: only the caller's own is ever touched.
    expect((await t.ok(DISCARD, { a: assignmentId }, second.token)).discardHomeworkDraft).toBe(false);
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, cohort.clients[0].token)).assignment.myDraft).not.toBeNull();
  });

  it('refuses bad drafts and outsiders with typed errors, changing nothing', async () => {
    const [client] = cohort.clients;
    const before = await rawDrafts();
    for (const r of [{ notAField: 'x' }, { location: 'x'.repeat(10_001) }, ['location'], { location: { nested: true } }]) {
      expect(codes(await t.gql(SAVE, { a: assignmentId, r }, client.token))).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await t.gql(SAVE, { a: assignmentId, r: {} }, other.clients[0].token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SAVE, { a: assignmentId, r: {} }, cohort.coach.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SAVE, { a: '00000000-0000-4000-8000-000000000000', r: {} }, client.token))).toEqual(['NOT_FOUND']);
    expect(await rawDrafts()).toEqual(before);
  });

  it('is gone once the answer is sent, and can be discarded by its author', async () => {
    const [client, second] = cohort.clients;
    const { id: submissionId } = (await t.ok(SUBMIT, { a: assignmentId, r: ANSWER }, client.token)).submitHomework;
    expect(submissionId).toBeTruthy();
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, client.token)).assignment.myDraft).toBeNull();
    await t.ok(SAVE, { a: assignmentId, r: { location: 'Wandering' } }, second.token);
    expect((await t.ok(DISCARD, { a: assignmentId }, second.token)).discardHomeworkDraft).toBe(true);
    expect((await t.ok(MY_DRAFT, { a: assignmentId }, second.token)).assignment.myDraft).toBeNull();
  });

  it('keeps a coach’s unsent feedback for that coach alone until the review is sent; none once reviewed answers are final', async () => {
    const [client] = cohort.clients;
    const [{ id: submissionId }] = (await t.ok(SUBMISSIONS, { a: assignmentId }, cohort.coach.token)).assignment.submissions;
    await t.ok(SAVE_FEEDBACK, { s: submissionId, f: 'You noticed the pull outward early —' }, cohort.coach.token);
    const seen = (await t.ok(SUBMISSIONS, { a: assignmentId }, cohort.coach.token)).assignment.submissions;
    expect(seen).toEqual([{ id: submissionId, myFeedbackDraft: { feedback: 'You noticed the pull outward early —' } }]);
    // The client and admins never see it (nor does another coach: the permission is the cohort's coaches).
    expect(codes(await t.gql(SAVE_FEEDBACK, { s: submissionId, f: 'x' }, other.coach.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SAVE_FEEDBACK, { s: submissionId, f: 'x' }, client.token))).toEqual(['FORBIDDEN']);
    expect((await t.ok(SUBMISSIONS, { a: assignmentId }, admin.token)).assignment.submissions[0].myFeedbackDraft).toBeNull();
    expect(codes(await t.gql(SAVE_FEEDBACK, { s: submissionId, f: 'x'.repeat(10_001) }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);

    await t.ok(REVIEW, { s: submissionId, f: 'You noticed the pull outward early. Well done.' }, cohort.coach.token);
    expect((await t.ok(SUBMISSIONS, { a: assignmentId }, cohort.coach.token)).assignment.submissions[0].myFeedbackDraft).toBeNull();
    // The answer is reviewed: a draft of it would be a promise the form cannot keep.
    expect(codes(await t.gql(SAVE, { a: assignmentId, r: { location: 'Late thought' } }, client.token))).toEqual(['CONFLICT']);
  });
});
