import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort, countQueries } from './coaching-fixtures';
import { Session, TestApp } from './test-app';

const TZ = 'Europe/Berlin';
const PROGRESS = `query($id: ID!) { cohortProgress(cohortId: $id) { client { name } attendanceRate missing reachOutReasons } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const ATTEND = `mutation($s: ID!, $c: ID!, $status: AttendanceStatus!) { recordAttendance(sessionId: $s, clientId: $c, status: $status) { status } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;

const ANSWERS: Record<string, Record<string, unknown>> = {
  'giving-from-overflow': { gift: 'Time', source: 'I am not sure yet', energyAfter: 5, resentment: 2 },
  'where-am-i-located': { location: 'I could not tell yet', groundedness: 4, returnPractice: 'Three slow breaths.' },
};

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');

/**
 * The reach-out rule over the real GraphQL API. The worker's weekly summary test
 * (apps/worker/test/summaries.integration-spec.ts) seeds the same marks and homework and expects
 * the same people for the same reasons. Dates are relative to now.
 */
describe('cohortProgress.reachOutReasons', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
  });
  afterAll(() => t.close());

  async function seed(c: CoachingCohort, marks: Record<string, string[]>, handedIn: Record<string, boolean[]>) {
    const coach = c.coach.token;
    const sessions: string[] = [];
    for (const days of [21, 14, 7]) {
      sessions.push((await t.ok(CREATE_SESSION, { input: { cohortId: c.id, title: 'Circle', startsAt: hoursFromNow(-days * 24), durationMinutes: 60 } }, coach)).createSession.id);
    }
    await t.ok(CREATE_SESSION, { input: { cohortId: c.id, title: 'Next circle', startsAt: hoursFromNow(7 * 24), durationMinutes: 60 } }, coach);
    const templates = ['giving-from-overflow', 'where-am-i-located', 'giving-from-overflow'];
    const assignments: string[] = [];
    for (const [i, templateKey] of templates.entries()) {
      assignments.push((await t.ok(ASSIGN, { input: { cohortId: c.id, templateKey, dueAt: hoursFromNow(-(15 - i * 5) * 24) } }, coach)).assignHomework.id);
    }
    for (const client of c.clients) {
      for (const [i, status] of (marks[client.user.name] ?? []).entries()) {
        if (status) await t.ok(ATTEND, { s: sessions[i], c: client.user.id, status }, coach);
      }
      for (const [i, done] of (handedIn[client.user.name] ?? []).entries()) {
        if (done) await t.ok(SUBMIT, { a: assignments[i], r: ANSWERS[templates[i]] }, client.token);
      }
    }
  }

  it('flags the same people on the dashboard as in the weekly summary, excused absences left out', async () => {
    const c = await coachingCohort(t, admin, { name: 'Reach-out Circle', startsOn: daysAgo(28), timezone: TZ, clients: 4, clientNames: ['Ada', 'Ben', 'Cleo', 'Dev'] });
    await seed(
      c,
      {
        Ada: ['PRESENT', 'PRESENT', 'PRESENT'],
        // Missed the last two: the only reason the old weekly email and the dashboard agreed on.
        Ben: ['PRESENT', 'ABSENT', 'ABSENT'],
        // Excused twice: 1 of 1 counted. The dashboard used to show 33% and flag her.
        Cleo: ['EXCUSED', 'EXCUSED', 'PRESENT'],
        Dev: ['PRESENT', 'PRESENT', 'ABSENT'],
      },
      {
        Ada: [true, true, true],
        Ben: [true, true, true],
        // Two missing, but not the last two: the old weekly email did not flag her.
        Cleo: [false, true, false],
        Dev: [true, true, true],
      },
    );

    const progress = (await t.ok(PROGRESS, { id: c.id }, c.coach.token)).cohortProgress;
    expect(progress).toEqual([
      { client: { name: 'Ada' }, attendanceRate: 1, missing: 0, reachOutReasons: [] },
      { client: { name: 'Ben' }, attendanceRate: 1 / 3, missing: 0, reachOutReasons: ['MISSED_LAST_TWO_SESSIONS', 'LOW_ATTENDANCE'] },
      { client: { name: 'Cleo' }, attendanceRate: 1, missing: 2, reachOutReasons: ['MISSING_HOMEWORK'] },
      { client: { name: 'Dev' }, attendanceRate: 2 / 3, missing: 0, reachOutReasons: [] },
    ]);
  });

  it('serves every reason of the enum, and no check-in reason while there are no check-ins', async () => {
    const reasons = await t.ok(`{ __type(name: "ReachOutReason") { enumValues { name } } }`, {}, admin.token);
    expect(reasons.__type.enumValues.map((v: { name: string }) => v.name).sort()).toEqual([
      'ANCHORED_DROPPING',
      'LOW_ATTENDANCE',
      'MISSED_LAST_TWO_SESSIONS',
      'MISSING_HOMEWORK',
      'NO_RECENT_CHECK_IN',
    ]);
    // Four weeks in and nobody has ever checked in: still no NO_RECENT_CHECK_IN until check-ins exist.
    const quiet = await coachingCohort(t, admin, { name: 'Quiet Circle', startsOn: daysAgo(28), timezone: TZ, clients: 1 });
    expect((await t.ok(PROGRESS, { id: quiet.id }, quiet.coach.token)).cohortProgress[0].reachOutReasons).toEqual([]);
  });

  it('computes the reasons from the same rows: as many SQL statements for 8 clients as for 2', async () => {
    const cohortOf = async (clients: number) => {
      const c = await coachingCohort(t, admin, { name: `Count ${clients}`, startsOn: daysAgo(28), timezone: TZ, clients });
      const names = Object.fromEntries(c.clients.map((client, i) => [client.user.name, i % 2 ? ['ABSENT', 'ABSENT', 'ABSENT'] : ['PRESENT', 'EXCUSED', 'PRESENT']]));
      await seed(c, names, {});
      return c;
    };
    const small = await cohortOf(2);
    const large = await cohortOf(8);
    const count = async (c: CoachingCohort) => {
      await t.ok(PROGRESS, { id: c.id }, c.coach.token);
      return countQueries(t, () => t.ok(PROGRESS, { id: c.id }, c.coach.token));
    };
    const [a, b] = [await count(small), await count(large)];
    expect(b.result.cohortProgress.filter((p: { reachOutReasons: string[] }) => p.reachOutReasons.includes('MISSED_LAST_TWO_SESSIONS'))).toHaveLength(4);
    expect(b.count).toBe(a.count);
  });
});
