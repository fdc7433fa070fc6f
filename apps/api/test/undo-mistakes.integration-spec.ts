import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title instructions dueAt } }`;
const UPDATE_ASSIGNMENT = `mutation($input: UpdateAssignmentInput!) { updateAssignment(input: $input) { id title instructions dueAt } }`;
const DELETE_ASSIGNMENT = `mutation($id: ID!) { deleteAssignment(assignmentId: $id) }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { id feedback reviewedAt feedbackEditedAt } }`;
const EDIT_FEEDBACK = `mutation($s: ID!, $f: String!) { editFeedback(submissionId: $s, feedback: $f) { id status feedback reviewedAt feedbackEditedAt } }`;
const MY_SUBMISSION = `query($id: ID!) { assignment(id: $id) { mySubmission { id feedback reviewedAt feedbackEditedAt } } }`;
const SCHEDULE = `mutation($input: ScheduleSeriesInput!) { scheduleSessionSeries(input: $input) { id seriesId startsAt } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id seriesId } }`;
const UPDATE_SESSION = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { id title meetingUrl status } }`;
const CANCEL_SERIES = `mutation($id: ID!) { cancelSessionSeries(seriesId: $id) { id status startsAt } }`;
const SKIP_DATES = `mutation($id: ID!, $dates: [String!]!) { skipSeriesDates(seriesId: $id, dates: $dates) { id status startsAt } }`;

const ANSWER = { location: 'I could not tell yet', groundedness: 5, returnPractice: 'Three slow breaths.' };
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: TZ }).toISODate() as string;

describe('undoing mistakes', () => {
  let t: TestApp;
  let admin: Session;
  let foreignCoach: Session;
  let cohort: CoachingCohort;

  /** Everyone who must be refused, with the code they get. */
  const outsiders = () =>
    [
      [cohort.clients[0].token, 'FORBIDDEN'],
      [foreignCoach.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const;

  const assign = async (title?: string) =>
    (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'where-am-i-located', dueAt: hoursFromNow(48), ...(title ? { title } : {}) } }, cohort.coach.token)).assignHomework as {
      id: string;
      title: string;
      dueAt: string;
    };
  const assignmentRow = async (id: string) => (await t.db.query(`SELECT title, instructions, due_at FROM homework_assignments WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    foreignCoach = await t.user(Role.COACH);
    cohort = await coachingCohort(t, admin, { name: 'Second Chances', startsOn: daysAgo(14), timezone: TZ, clients: 2 });
    // The foreign coach coaches a cohort of their own, just not this one.
    await coachingCohort(t, admin, { name: 'Elsewhere', startsOn: daysAgo(14), timezone: TZ, coach: foreignCoach });
  });
  afterAll(() => t.close());

  describe('homework assignments', () => {
    it('lets the coach and an admin correct title, instructions and due time, and no one else', async () => {
      const assignment = await assign();
      const dueAt = hoursFromNow(72);
      const edited = (await t.ok(UPDATE_ASSIGNMENT, { input: { assignmentId: assignment.id, title: '  Where am I, week 3  ', instructions: 'Two minutes, no more.', dueAt } }, cohort.coach.token))
        .updateAssignment;
      expect(edited).toEqual({ id: assignment.id, title: 'Where am I, week 3', instructions: 'Two minutes, no more.', dueAt });

      // Omitted fields stay; an empty text removes the instructions.
      const byAdmin = (await t.ok(UPDATE_ASSIGNMENT, { input: { assignmentId: assignment.id, instructions: '' } }, admin.token)).updateAssignment;
      expect(byAdmin).toEqual({ ...edited, instructions: null });

      const before = await assignmentRow(assignment.id);
      for (const [token, code] of outsiders()) {
        expect(codes(await t.gql(UPDATE_ASSIGNMENT, { input: { assignmentId: assignment.id, title: 'Hijacked' } }, token))).toEqual([code]);
      }
      expect(codes(await t.gql(UPDATE_ASSIGNMENT, { input: { assignmentId: assignment.id, title: '   ' } }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(UPDATE_ASSIGNMENT, { input: { assignmentId: assignment.id, dueAt: 'next tuesday' } }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(UPDATE_ASSIGNMENT, { input: { assignmentId: randomUUID(), title: 'Ghost' } }, cohort.coach.token))).toEqual(['NOT_FOUND']);
      expect(await assignmentRow(assignment.id)).toEqual(before);
    });

    it('deletes an assignment nobody has answered, and refuses once someone has', async () => {
      const mistaken = await assign('Assigned by mistake');
      for (const [token, code] of outsiders()) expect(codes(await t.gql(DELETE_ASSIGNMENT, { id: mistaken.id }, token))).toEqual([code]);
      expect(await assignmentRow(mistaken.id)).toBeDefined();
      expect((await t.ok(DELETE_ASSIGNMENT, { id: mistaken.id }, cohort.coach.token)).deleteAssignment).toBe(mistaken.id);
      expect(await assignmentRow(mistaken.id)).toBeUndefined();
      expect(codes(await t.gql(DELETE_ASSIGNMENT, { id: mistaken.id }, cohort.coach.token))).toEqual(['NOT_FOUND']);

      const answered = await assign('Already answered');
      await t.ok(SUBMIT, { a: answered.id, r: ANSWER }, cohort.clients[0].token);
      const refused = await t.gql(DELETE_ASSIGNMENT, { id: answered.id }, cohort.coach.token);
      expect(codes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors?.[0].message).toMatch(/One client has already sent in answers/);
      expect(await assignmentRow(answered.id)).toBeDefined();
    });
  });

  describe('feedback', () => {
    let assignmentId: string;
    let submissionId: string;
    const feedbackNotices = async () =>
      (await t.db.query(`SELECT subject FROM notifications WHERE user_id = $1 AND kind = 'FEEDBACK_READY' ORDER BY created_at`, [cohort.clients[1].user.id])) as { subject: string }[];

    beforeAll(async () => {
      assignmentId = (await assign('Feedback practice')).id;
      submissionId = (await t.ok(SUBMIT, { a: assignmentId, r: ANSWER }, cohort.clients[1].token)).submitHomework.id;
    });

    it('edits feedback already sent: the client sees it was edited and is told again', async () => {
      expect(codes(await t.gql(EDIT_FEEDBACK, { s: submissionId, f: 'Nothing sent yet' }, cohort.coach.token))).toEqual(['CONFLICT']);
      const reviewed = (await t.ok(REVIEW, { s: submissionId, f: 'You noticed the pull to the past. Well donee.' }, cohort.coach.token)).reviewSubmission;
      expect(reviewed.feedbackEditedAt).toBeNull();
      // Sending again would silently overwrite: the coach edits instead.
      expect(codes(await t.gql(REVIEW, { s: submissionId, f: 'Again' }, cohort.coach.token))).toEqual(['CONFLICT']);

      const edited = (await t.ok(EDIT_FEEDBACK, { s: submissionId, f: 'You noticed the pull to the past. Well done.' }, cohort.coach.token)).editFeedback;
      expect(edited).toMatchObject({ status: 'REVIEWED', feedback: 'You noticed the pull to the past. Well done.', reviewedAt: reviewed.reviewedAt });
      expect(Date.parse(edited.feedbackEditedAt)).toBeGreaterThanOrEqual(Date.parse(reviewed.reviewedAt));

      const mine = (await t.ok(MY_SUBMISSION, { id: assignmentId }, cohort.clients[1].token)).assignment.mySubmission;
      expect(mine).toEqual({ id: submissionId, feedback: edited.feedback, reviewedAt: reviewed.reviewedAt, feedbackEditedAt: edited.feedbackEditedAt });
      const notices = await feedbackNotices();
      expect(notices.map((n) => n.subject)).toEqual(['Your coach has replied: Feedback practice', 'Your coach has edited their reply: Feedback practice']);
      // Still encrypted at rest.
      const [row] = await t.db.query(`SELECT feedback, feedback_encrypted FROM submissions WHERE id = $1`, [submissionId]);
      expect(row.feedback).toBeNull();
      expect(row.feedback_encrypted).not.toContain('Well done');
    });

    it('refuses other people and empty feedback, changing nothing', async () => {
      const before = (await t.db.query(`SELECT feedback_encrypted, feedback_edited_at FROM submissions WHERE id = $1`, [submissionId]))[0];
      const noticesBefore = (await feedbackNotices()).length;
      for (const [token, code] of [...outsiders(), [admin.token, 'FORBIDDEN']] as const) {
        expect(codes(await t.gql(EDIT_FEEDBACK, { s: submissionId, f: 'Rewritten' }, token))).toEqual([code]);
      }
      expect(codes(await t.gql(EDIT_FEEDBACK, { s: submissionId, f: '   ' }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(EDIT_FEEDBACK, { s: randomUUID(), f: 'Hello' }, cohort.coach.token))).toEqual(['NOT_FOUND']);
      expect((await t.db.query(`SELECT feedback_encrypted, feedback_edited_at FROM submissions WHERE id = $1`, [submissionId]))[0]).toEqual(before);
      expect(await feedbackNotices()).toHaveLength(noticesBefore);
    });
  });

  describe('sessions', () => {
    const sessionRows = async (seriesId: string) =>
      (await t.db.query(`SELECT id, status, sequence, starts_at FROM sessions WHERE series_id = $1 ORDER BY starts_at`, [seriesId])) as { id: string; status: string; sequence: number; starts_at: Date }[];
    const series = async (weekday: number) => {
      const created = (await t.ok(SCHEDULE, { input: { cohortId: cohort.id, title: 'Weekly circle', weekdays: [weekday], localTime: '18:30', durationMinutes: 60 } }, cohort.coach.token))
        .scheduleSessionSeries as { id: string; seriesId: string; startsAt: string }[];
      expect(new Set(created.map((s) => s.seriesId)).size).toBe(1);
      return { seriesId: created[0].seriesId, sessions: created };
    };

    it("corrects a session's title and meeting link, and bumps its calendar SEQUENCE", async () => {
      const { id } = (await t.ok(CREATE_SESSION, { input: { cohortId: cohort.id, title: 'Cirle', startsAt: hoursFromNow(30), durationMinutes: 60 } }, cohort.coach.token)).createSession;
      const fixed = (await t.ok(UPDATE_SESSION, { input: { sessionId: id, title: 'Circle', meetingUrl: 'https://meet.example.com/circle' } }, cohort.coach.token)).updateSession;
      expect(fixed).toEqual({ id, title: 'Circle', meetingUrl: 'https://meet.example.com/circle', status: 'SCHEDULED' });
      const unlinked = (await t.ok(UPDATE_SESSION, { input: { sessionId: id, meetingUrl: '' } }, admin.token)).updateSession;
      expect(unlinked).toEqual({ ...fixed, meetingUrl: null });
      const row = async () => (await t.db.query(`SELECT title, meeting_url, sequence FROM sessions WHERE id = $1`, [id]))[0];
      expect(await row()).toEqual({ title: 'Circle', meeting_url: null, sequence: 2 });

      const before = await row();
      for (const [token, code] of outsiders()) expect(codes(await t.gql(UPDATE_SESSION, { input: { sessionId: id, title: 'Hijacked' } }, token))).toEqual([code]);
      expect(codes(await t.gql(UPDATE_SESSION, { input: { sessionId: id, meetingUrl: 'javascript:alert(1)' } }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(UPDATE_SESSION, { input: { sessionId: id, title: ' ' } }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(await row()).toEqual(before);
    });

    it('skips chosen days of a series (holidays) and refuses days it has no session on', async () => {
      const { seriesId, sessions } = await series(2);
      const upcoming = sessions.filter((s) => Date.parse(s.startsAt) > Date.now());
      const holidays = [dayOf(upcoming[1].startsAt), dayOf(upcoming[3].startsAt)];

      const before = await sessionRows(seriesId);
      for (const [token, code] of outsiders()) expect(codes(await t.gql(SKIP_DATES, { id: seriesId, dates: holidays }, token))).toEqual([code]);
      const notTuesday = DateTime.fromISO(holidays[0]).plus({ days: 1 }).toISODate();
      for (const dates of [[], ['25.12.2026'], [holidays[0], notTuesday]]) {
        expect(codes(await t.gql(SKIP_DATES, { id: seriesId, dates }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      }
      expect(codes(await t.gql(SKIP_DATES, { id: randomUUID(), dates: holidays }, cohort.coach.token))).toEqual(['NOT_FOUND']);
      expect(await sessionRows(seriesId)).toEqual(before);

      const skipped = (await t.ok(SKIP_DATES, { id: seriesId, dates: holidays }, cohort.coach.token)).skipSeriesDates;
      expect(skipped.map((s: { id: string }) => s.id)).toEqual([upcoming[1].id, upcoming[3].id]);
      expect(skipped.every((s: { status: string }) => s.status === 'CANCELLED')).toBe(true);
      const after = await sessionRows(seriesId);
      expect(after.filter((s) => s.status === 'CANCELLED').map((s) => [s.id, s.sequence])).toEqual([
        [upcoming[1].id, 1],
        [upcoming[3].id, 1],
      ]);
    });

    it('cancels what is left of a series, keeping the sessions already held', async () => {
      const { seriesId, sessions } = await series(4);
      const past = sessions.filter((s) => Date.parse(s.startsAt) <= Date.now()).map((s) => s.id);
      expect(past.length).toBeGreaterThan(0);
      const before = await sessionRows(seriesId);
      for (const [token, code] of outsiders()) expect(codes(await t.gql(CANCEL_SERIES, { id: seriesId }, token))).toEqual([code]);
      expect(await sessionRows(seriesId)).toEqual(before);

      const cancelled = (await t.ok(CANCEL_SERIES, { id: seriesId }, admin.token)).cancelSessionSeries as { id: string; status: string }[];
      expect(cancelled).toHaveLength(sessions.length - past.length);
      const after = await sessionRows(seriesId);
      expect(after.filter((s) => s.status !== 'CANCELLED').map((s) => s.id)).toEqual(past);
      expect(after.filter((s) => s.status === 'CANCELLED').every((s) => s.sequence === 1)).toBe(true);
      // Nothing left to cancel.
      expect(codes(await t.gql(CANCEL_SERIES, { id: seriesId }, cohort.coach.token))).toEqual(['CONFLICT']);
    });
  });
});
