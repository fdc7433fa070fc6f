import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { findTemplate } from '@anchored/curriculum';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort, countQueries } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title instructions dueAt cohort { id } template { key title fields { key kind required } } } }`;
const SUBMISSION_FIELDS = `id status late feedback reviewedAt submittedAt responses client { id } assignment { id }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { ${SUBMISSION_FIELDS} } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { ${SUBMISSION_FIELDS} } }`;
const MY_SUBMISSION = `query($id: ID!) { assignment(id: $id) { id mySubmission { ${SUBMISSION_FIELDS} } } }`;
const ALL_SUBMISSIONS = `query($id: ID!) { assignment(id: $id) { id submissions { ${SUBMISSION_FIELDS} } } }`;
const PROGRESS = `query($id: ID!) { cohortProgress(cohortId: $id) { client { id name } submitted missing late reviewed attendanceRate } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const ATTEND = `mutation($s: ID!, $c: ID!, $status: AttendanceStatus!) { recordAttendance(sessionId: $s, clientId: $c, status: $status) { status } }`;

/** A valid answer to the boundary practice log; `marker` lands in a free-text answer. */
function boundaryAnswer(marker: string) {
  return {
    situation: 'My sister asked me to host the holidays again.',
    boundaryType: 'I said no',
    discomfortBefore: 8,
    discomfortAfter: 3,
    whatHappened: `She was quiet for a while, then said she understood. ${marker}`,
  };
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');

describe('homework', () => {
  let t: TestApp;
  let admin: Session;
  let foreignCoach: Session;
  let cohort: CoachingCohort;
  let other: CoachingCohort;

  const submissionRows = async (assignmentId: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM submissions WHERE assignment_id = $1`, [assignmentId]))[0].n);
  const assignmentRows = async (cohortId: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM homework_assignments WHERE cohort_id = $1`, [cohortId]))[0].n);

  async function assign(target: CoachingCohort, templateKey: string, dueAt: string, extra: Record<string, unknown> = {}) {
    return (await t.ok(ASSIGN, { input: { cohortId: target.id, templateKey, dueAt, ...extra } }, target.coach.token)).assignHomework as {
      id: string;
      title: string;
      dueAt: string;
    };
  }

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    foreignCoach = await t.user(Role.COACH);
    cohort = await coachingCohort(t, admin, { name: 'Homework Circle', startsOn: daysAgo(14), timezone: TZ, clients: 3 });
    other = await coachingCohort(t, admin, { name: 'Other Circle', startsOn: daysAgo(14), timezone: TZ, clients: 1 });
  });
  afterAll(() => t.close());

  describe('assigning', () => {
    it('lets the coach assign a curriculum template, titled after it unless told otherwise', async () => {
      const dueAt = hoursFromNow(72);
      const assigned = (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'soft-start-up', dueAt } }, cohort.coach.token)).assignHomework;
      const template = findTemplate('soft-start-up');
      if (!template) throw new Error('The curriculum has no soft-start-up template');
      expect(assigned).toMatchObject({ title: template.title, instructions: null, dueAt, cohort: { id: cohort.id }, template: { key: 'soft-start-up' } });
      expect(assigned.template.fields.map((f: { key: string }) => f.key)).toEqual(template.fields.map((f) => f.key));

      const named = (
        await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'body-needs-check', dueAt, title: 'Body check, week 11', instructions: 'Log your calmest day.' } }, cohort.coach.token)
      ).assignHomework;
      expect(named).toMatchObject({ title: 'Body check, week 11', instructions: 'Log your calmest day.', template: { key: 'body-needs-check' } });
    });

    it('refuses an unknown template as BAD_USER_INPUT and stores nothing', async () => {
      const before = await assignmentRows(cohort.id);
      const result = await t.gql(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'gratitude-journal', dueAt: hoursFromNow(24) } }, cohort.coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['templateKey']);
      expect(await assignmentRows(cohort.id)).toBe(before);
    });

    it('refuses clients, coaches of other cohorts, admins and anonymous callers', async () => {
      const before = await assignmentRows(cohort.id);
      const input = { cohortId: cohort.id, templateKey: 'soft-start-up', dueAt: hoursFromNow(24) };
      for (const [who, token, code] of [
        ['client', cohort.clients[0].token, 'FORBIDDEN'],
        ['foreign coach', foreignCoach.token, 'FORBIDDEN'],
        ['coach of the other cohort', other.coach.token, 'FORBIDDEN'],
        ['admin', admin.token, 'FORBIDDEN'],
        ['anonymous', undefined, 'UNAUTHENTICATED'],
      ] as const) {
        expect({ who, codes: codes(await t.gql(ASSIGN, { input }, token)) }).toEqual({ who, codes: [code] });
      }
      expect(await assignmentRows(cohort.id)).toBe(before);
    });
  });

  describe('seeing an assignment', () => {
    it("shows it to the cohort's enrolled clients, and to no client of another cohort", async () => {
      const assignment = await assign(cohort, 'where-am-i-located', hoursFromNow(48));
      for (const client of cohort.clients) {
        const seen = await t.ok(`query($id: ID!) { assignment(id: $id) { id title mySubmission { id } template { key } } }`, { id: assignment.id }, client.token);
        expect(seen.assignment).toEqual({ id: assignment.id, title: assignment.title, mySubmission: null, template: { key: 'where-am-i-located' } });
        const listed = await t.ok(`query($id: ID!) { cohort(id: $id) { assignments { id } } }`, { id: cohort.id }, client.token);
        expect(listed.cohort.assignments.map((a: { id: string }) => a.id)).toContain(assignment.id);
      }

      const outsider = other.clients[0];
      const refused = await t.gql(`query($id: ID!) { assignment(id: $id) { id title } }`, { id: assignment.id }, outsider.token);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data).toBeNull();
      expect(codes(await t.gql(`query($id: ID!) { cohort(id: $id) { assignments { id } } }`, { id: cohort.id }, outsider.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(`query($id: ID!) { assignment(id: $id) { id } }`, { id: assignment.id }, foreignCoach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(`query($id: ID!) { assignment(id: $id) { id } }`, { id: randomUUID() }, cohort.clients[0].token))).toEqual(['NOT_FOUND']);
    });
  });

  // The submission that the tests below write, encrypt, review and read.
  let assignment: { id: string };
  let submissionId: string;
  const marker = `violet-harbour-${randomUUID()}`;

  describe('submitting', () => {
    beforeAll(async () => {
      assignment = await assign(cohort, 'boundary-practice-log', hoursFromNow(96));
    });

    it('lists every problem of an invalid answer in extensions.fields and stores nothing', async () => {
      const client = cohort.clients[0];
      const result = await t.gql(
        SUBMIT,
        {
          a: assignment.id,
          r: { situation: 'At work', boundaryType: 'I said maybe', discomfortBefore: 11, discomfortAfter: 2.5, selfSupport: 42, mood: 'fine' },
        },
        client.token,
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      const fields = result.errors?.[0].extensions?.fields ?? [];
      expect(fields.map((f) => f.field).sort()).toEqual(
        [
          'responses.mood', // not a field of the template
          'responses.boundaryType', // not one of its options
          'responses.discomfortBefore', // above 10
          'responses.discomfortAfter', // not a whole number
          'responses.whatHappened', // required, missing
          'responses.selfSupport', // not text
        ].sort(),
      );
      for (const { field, message } of fields) expect(message).toContain(field.replace('responses.', ''));
      expect(await submissionRows(assignment.id)).toBe(0);

      for (const notAnObject of ['I did it', [1, 2], null]) {
        const refused = await t.gql(SUBMIT, { a: assignment.id, r: notAnObject }, client.token);
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      }
      expect(await submissionRows(assignment.id)).toBe(0);
    });

    it('accepts a valid answer, on time', async () => {
      const client = cohort.clients[0];
      const submitted = (await t.ok(SUBMIT, { a: assignment.id, r: boundaryAnswer(marker) }, client.token)).submitHomework;
      expect(submitted).toMatchObject({
        status: 'SUBMITTED',
        late: false,
        feedback: null,
        reviewedAt: null,
        responses: boundaryAnswer(marker),
        client: { id: client.user.id },
        assignment: { id: assignment.id },
      });
      submissionId = submitted.id;
      expect(await submissionRows(assignment.id)).toBe(1);
    });

    it('replaces the answer on resubmission, keeping one row', async () => {
      const client = cohort.clients[0];
      const revised = { ...boundaryAnswer(marker), discomfortAfter: 2, selfSupport: 'A walk by the river' };
      const again = (await t.ok(SUBMIT, { a: assignment.id, r: revised }, client.token)).submitHomework;
      expect(again).toMatchObject({ id: submissionId, status: 'SUBMITTED', responses: revised });
      expect(await submissionRows(assignment.id)).toBe(1);
      expect((await t.ok(MY_SUBMISSION, { id: assignment.id }, client.token)).assignment.mySubmission.responses).toEqual(revised);
    });

    it('only takes answers from clients enrolled in the cohort', async () => {
      for (const [who, token] of [
        ['client of another cohort', other.clients[0].token],
        ['coach', cohort.coach.token],
        ['admin', admin.token],
      ] as const) {
        expect({ who, codes: codes(await t.gql(SUBMIT, { a: assignment.id, r: boundaryAnswer('x') }, token)) }).toEqual({ who, codes: ['FORBIDDEN'] });
      }
      expect(await submissionRows(assignment.id)).toBe(1);
    });

    it('keeps the answer encrypted at rest, yet readable by the client and the coach', async () => {
      const raw = await t.db.query(`SELECT s.*, s::text AS whole_row FROM submissions s WHERE s.id = $1`, [submissionId]);
      expect(raw).toHaveLength(1);
      expect(raw[0].responses_encrypted).toMatch(/^v1:[A-Za-z0-9_-]+:/);
      expect(JSON.stringify(raw[0])).not.toContain(marker);
      expect(JSON.stringify(raw[0])).not.toContain('host the holidays');

      // Nowhere else in the database either.
      const tables: { table_name: string }[] = await t.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((r) => r.table_name)).toContain('submissions');
      for (const { table_name } of tables) {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" r WHERE r::text LIKE $1`, [`%${marker}%`]);
        expect({ table_name, n }).toEqual({ table_name, n: 0 });
      }

      const mine = (await t.ok(MY_SUBMISSION, { id: assignment.id }, cohort.clients[0].token)).assignment.mySubmission;
      expect(mine.responses.whatHappened).toContain(marker);
      const coachView = (await t.ok(ALL_SUBMISSIONS, { id: assignment.id }, cohort.coach.token)).assignment.submissions;
      expect(coachView).toHaveLength(1);
      expect(coachView[0]).toMatchObject({ id: submissionId, client: { id: cohort.clients[0].user.id } });
      expect(coachView[0].responses.whatHappened).toContain(marker);
    });

    it('keeps the submission from other clients and from coaches of other cohorts', async () => {
      const classmate = cohort.clients[1];
      expect((await t.ok(MY_SUBMISSION, { id: assignment.id }, classmate.token)).assignment.mySubmission).toBeNull();
      const listed = await t.gql(ALL_SUBMISSIONS, { id: assignment.id }, classmate.token);
      expect(codes(listed)).toContain('FORBIDDEN');
      expect(listed.data).toBeNull();
      expect(JSON.stringify(listed)).not.toContain(marker);
      const theirs = (await t.ok(`{ mySubmissions { id } }`, {}, classmate.token)).mySubmissions;
      expect(theirs.map((s: { id: string }) => s.id)).not.toContain(submissionId);

      for (const token of [other.clients[0].token, foreignCoach.token, other.coach.token]) {
        const refused = await t.gql(ALL_SUBMISSIONS, { id: assignment.id }, token);
        expect(codes(refused)).toContain('FORBIDDEN');
        expect(JSON.stringify(refused)).not.toContain(marker);
      }
    });

    it('keeps answers from admins unless ADMINS_READ_HOMEWORK is on', async () => {
      const denied = await t.gql(ALL_SUBMISSIONS, { id: assignment.id }, admin.token);
      expect(codes(denied)).toEqual(['FORBIDDEN']);
      expect(denied.errors?.[0]).toMatchObject({ path: ['assignment', 'submissions', 0, 'responses'] });
      expect(JSON.stringify(denied)).not.toContain(marker);
      // That an answer exists is not secret; what it says is.
      const meta = await t.ok(`query($id: ID!) { assignment(id: $id) { submissions { id status late client { id } } } }`, { id: assignment.id }, admin.token);
      expect(meta.assignment.submissions).toEqual([{ id: submissionId, status: 'SUBMITTED', late: false, client: { id: cohort.clients[0].user.id } }]);
      // The same admin on an API with ADMINS_READ_HOMEWORK=true: see the last describe block.
    });

    it('lets the coach review with feedback, which the client reads; then the answer is final', async () => {
      const client = cohort.clients[0];
      for (const [token, code] of [
        [client.token, 'FORBIDDEN'],
        [foreignCoach.token, 'FORBIDDEN'],
        [other.coach.token, 'FORBIDDEN'],
        [admin.token, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const) {
        expect(codes(await t.gql(REVIEW, { s: submissionId, f: 'Lovely.' }, token))).toEqual([code]);
      }
      expect(codes(await t.gql(REVIEW, { s: submissionId, f: '   ' }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect((await t.db.query(`SELECT status, feedback FROM submissions WHERE id = $1`, [submissionId]))[0]).toEqual({ status: 'SUBMITTED', feedback: null });

      const feedback = `You held it kindly. ${randomUUID()}`;
      const reviewed = (await t.ok(REVIEW, { s: submissionId, f: feedback }, cohort.coach.token)).reviewSubmission;
      expect(reviewed).toMatchObject({ id: submissionId, status: 'REVIEWED', feedback });
      expect(reviewed.reviewedAt).toEqual(expect.any(String));

      const mine = (await t.ok(MY_SUBMISSION, { id: assignment.id }, client.token)).assignment.mySubmission;
      expect(mine).toMatchObject({ id: submissionId, status: 'REVIEWED', feedback, reviewedAt: reviewed.reviewedAt });
      const listed = (await t.ok(`{ mySubmissions { id feedback status } }`, {}, client.token)).mySubmissions;
      expect(listed).toContainEqual({ id: submissionId, feedback, status: 'REVIEWED' });

      const before = mine.responses;
      const late = await t.gql(SUBMIT, { a: assignment.id, r: boundaryAnswer('changed my mind') }, client.token);
      expect(codes(late)).toEqual(['CONFLICT']);
      expect(await submissionRows(assignment.id)).toBe(1);
      const after = (await t.ok(MY_SUBMISSION, { id: assignment.id }, client.token)).assignment.mySubmission;
      expect(after).toMatchObject({ status: 'REVIEWED', feedback, responses: before });
    });

    it('accepts an answer after the due time and marks it late', async () => {
      const overdue = await assign(cohort, 'giving-from-overflow', hoursFromNow(-1));
      const answer = { gift: 'An afternoon helping a friend move', source: 'Overflow: I wanted to and had enough', energyAfter: 6, resentment: 1 };
      const submitted = (await t.ok(SUBMIT, { a: overdue.id, r: answer }, cohort.clients[1].token)).submitHomework;
      expect(submitted).toMatchObject({ status: 'SUBMITTED', late: true, responses: answer });
      expect(Date.parse(submitted.submittedAt)).toBeGreaterThan(Date.parse(overdue.dueAt));
      expect((await t.db.query(`SELECT late FROM submissions WHERE id = $1`, [submitted.id]))[0].late).toBe(true);
    });
  });

  describe('cohort progress', () => {
    it('counts submitted, missing, late, reviewed and attendance per client', async () => {
      const p = await coachingCohort(t, admin, { name: 'Progress Circle', startsOn: daysAgo(28), timezone: TZ, clients: 3, clientNames: ['Ada', 'Ben', 'Cleo'] });
      const [ada, ben, cleo] = p.clients;
      const coach = p.coach.token;

      const session = async (startsAt: string) =>
        (await t.ok(CREATE_SESSION, { input: { cohortId: p.id, title: 'Circle', startsAt, durationMinutes: 60 } }, coach)).createSession.id as string;
      const held1 = await session(hoursFromNow(-14 * 24));
      const held2 = await session(hoursFromNow(-7 * 24));
      const cancelled = await session(hoursFromNow(-3 * 24));
      const upcoming = await session(hoursFromNow(7 * 24));
      const attend = (s: string, c: Session, status: string) => t.ok(ATTEND, { s, c: c.user.id, status }, coach);
      await attend(held1, ada, 'PRESENT');
      await attend(held2, ada, 'PRESENT');
      await attend(held1, ben, 'PRESENT');
      await attend(held2, ben, 'ABSENT');
      await attend(held1, cleo, 'EXCUSED');
      await attend(cancelled, cleo, 'PRESENT'); // the session is then cancelled: it was never held
      await t.ok(`mutation($id: ID!) { cancelSession(sessionId: $id) { id } }`, { id: cancelled }, coach);
      await attend(upcoming, cleo, 'PRESENT'); // not held yet

      const a1 = await assign(p, 'giving-from-overflow', hoursFromNow(-5 * 24));
      const a2 = await assign(p, 'where-am-i-located', hoursFromNow(-2 * 24));
      const a3 = await assign(p, 'boundary-practice-log', hoursFromNow(5 * 24));
      const gift = { gift: 'Time', source: 'I am not sure yet', energyAfter: 5, resentment: 2 };
      const located = { location: 'I could not tell yet', groundedness: 4, returnPractice: 'Three slow breaths.' };
      await t.ok(SUBMIT, { a: a1.id, r: gift }, ada.token); // late
      const onTime = (await t.ok(SUBMIT, { a: a3.id, r: boundaryAnswer('ada') }, ada.token)).submitHomework;
      await t.ok(REVIEW, { s: onTime.id, f: 'Well done.' }, coach);
      await t.ok(SUBMIT, { a: a2.id, r: located }, ben.token); // late, not reviewed
      // Another cohort's homework does not count here.
      const elsewhere = await assign(other, 'giving-from-overflow', hoursFromNow(-24));
      await t.ok(SUBMIT, { a: elsewhere.id, r: gift }, other.clients[0].token);

      const progress = (await t.ok(PROGRESS, { id: p.id }, coach)).cohortProgress;
      expect(progress).toEqual([
        { client: { id: ada.user.id, name: 'Ada' }, submitted: 2, missing: 1, late: 1, reviewed: 1, attendanceRate: 1 },
        { client: { id: ben.user.id, name: 'Ben' }, submitted: 1, missing: 1, late: 1, reviewed: 0, attendanceRate: 0.5 },
        { client: { id: cleo.user.id, name: 'Cleo' }, submitted: 0, missing: 2, late: 0, reviewed: 0, attendanceRate: 0 },
      ]);
      // Admins see the same figures.
      expect((await t.ok(PROGRESS, { id: p.id }, admin.token)).cohortProgress).toEqual(progress);

      for (const [token, code] of [
        [ada.token, 'FORBIDDEN'],
        [other.clients[0].token, 'FORBIDDEN'],
        [foreignCoach.token, 'FORBIDDEN'],
        [cohort.coach.token, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const) {
        const refused = await t.gql(PROGRESS, { id: p.id }, token);
        expect(codes(refused)).toEqual([code]);
        expect(refused.data).toBeNull();
      }
    });

    it('gives a cohort without held sessions a null attendance rate', async () => {
      const fresh = await coachingCohort(t, admin, { name: 'Fresh Circle', startsOn: daysAgo(-7), timezone: TZ, clients: 1 });
      await t.ok(CREATE_SESSION, { input: { cohortId: fresh.id, title: 'First circle', startsAt: hoursFromNow(24 * 8), durationMinutes: 60 } }, fresh.coach.token);
      const progress = (await t.ok(PROGRESS, { id: fresh.id }, fresh.coach.token)).cohortProgress;
      expect(progress).toEqual([{ client: { id: fresh.clients[0].user.id, name: fresh.clients[0].user.name }, submitted: 0, missing: 0, late: 0, reviewed: 0, attendanceRate: null }]);
    });

    it('runs as many SQL statements for 12 clients as for 3 (no N+1)', async () => {
      const DASHBOARD = `query($id: ID!) {
        cohortProgress(cohortId: $id) { client { id name email } submitted missing late reviewed attendanceRate }
        cohort(id: $id) {
          id name enrolledCount waitlistCount coaches { id name }
          enrollments { id status client { id name } }
          sessions { id status moduleKey attendance { status client { id name } } }
          assignments { id title template { key } submissions { id status late responses client { id name } } }
        }
      }`;

      async function populated(clients: number) {
        const c = await coachingCohort(t, admin, { name: `Dashboard ${clients}`, startsOn: daysAgo(21), timezone: TZ, clients });
        const sessions: string[] = [];
        for (const days of [14, 7]) {
          sessions.push((await t.ok(CREATE_SESSION, { input: { cohortId: c.id, title: 'Circle', startsAt: hoursFromNow(-days * 24), durationMinutes: 60 } }, c.coach.token)).createSession.id);
        }
        const due = await assign(c, 'giving-from-overflow', hoursFromNow(-24));
        const open = await assign(c, 'where-am-i-located', hoursFromNow(24));
        for (const [i, client] of c.clients.entries()) {
          await t.ok(SUBMIT, { a: (i % 2 ? open : due).id, r: i % 2 ? { location: 'I could not tell yet', groundedness: 5, returnPractice: 'Walking.' } : { gift: 'Time', source: 'I am not sure yet', energyAfter: 5, resentment: 2 } }, client.token);
          for (const s of sessions) await t.ok(ATTEND, { s, c: client.user.id, status: i % 3 ? 'PRESENT' : 'ABSENT' }, c.coach.token);
        }
        return c;
      }

      const small = await populated(3);
      const large = await populated(12);
      const measure = async (c: CoachingCohort) => {
        // Once to warm up anything cached per process, then counted.
        await t.ok(DASHBOARD, { id: c.id }, c.coach.token);
        return countQueries(t, () => t.ok(DASHBOARD, { id: c.id }, c.coach.token));
      };
      const a = await measure(small);
      const b = await measure(large);

      // Both answers are complete, so every resolver ran.
      expect(a.result.cohortProgress).toHaveLength(3);
      expect(b.result.cohortProgress).toHaveLength(12);
      expect(b.result.cohort.enrollments).toHaveLength(12);
      expect(b.result.cohort.sessions.flatMap((s: { attendance: unknown[] }) => s.attendance)).toHaveLength(24);
      expect(b.result.cohort.assignments.flatMap((x: { submissions: unknown[] }) => x.submissions)).toHaveLength(12);

      expect(a.count).toBeGreaterThan(5);
      expect({ clients: 12, count: b.count }).toEqual({ clients: 12, count: a.count });

      // The progress query on its own, too.
      const p3 = await countQueries(t, () => t.ok(PROGRESS, { id: small.id }, small.coach.token));
      const p12 = await countQueries(t, () => t.ok(PROGRESS, { id: large.id }, large.coach.token));
      expect(p3.count).toBeGreaterThan(0);
      expect(p12.count).toBe(p3.count);
    });
  });

  // Last, because Passport strategies are registered process-wide: once a second app has started,
  // logging in on the first goes through the second's strategy, which must then stay open.
  describe('with ADMINS_READ_HOMEWORK on', () => {
    let permissive: TestApp;
    beforeAll(async () => (permissive = await TestApp.start({ ADMINS_READ_HOMEWORK: 'true' })));
    afterAll(() => permissive.close());

    it('lets admins read homework answers, and still no other client', async () => {
      const sameAdmin = await permissive.logIn(admin.user.email);
      const read = await permissive.ok(ALL_SUBMISSIONS, { id: assignment.id }, sameAdmin.token);
      expect(read.assignment.submissions).toHaveLength(1);
      expect(read.assignment.submissions[0]).toMatchObject({ id: submissionId, client: { id: cohort.clients[0].user.id } });
      expect(read.assignment.submissions[0].responses.whatHappened).toContain(marker);
      const classmate = await permissive.gql(ALL_SUBMISSIONS, { id: assignment.id }, cohort.clients[1].token);
      expect(codes(classmate)).toContain('FORBIDDEN');
      expect(JSON.stringify(classmate)).not.toContain(marker);
      // The default app still refuses the same admin.
      expect(codes(await t.gql(ALL_SUBMISSIONS, { id: assignment.id }, admin.token))).toEqual(['FORBIDDEN']);
    });
  });
});
