import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { NotificationOutbox, completeDataExport } from '@anchored/jobs';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../src/private-text/private-text-cipher';
import { APPLY, DECIDE, SET_COHORT_STATUS, coachingCohort } from './coaching-fixtures';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const DELETE = `mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`;
const ME = `{ me { id } }`;
const ENROLLMENTS = `{ myEnrollments { id status } }`;

describe('deleteMyAccount', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
  });
  afterAll(() => t?.close());

  /** Every row of every table whose uuid columns hold this id (foreign keys or not). */
  async function rowsNaming(id: string): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await t.db.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
       WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.data_type = 'uuid'`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" = $1`, [id]);
      if (n) found.push(`${table_name}.${column_name}: ${n}`);
    }
    return found;
  }

  /** A cohort of capacity 2, both seats taken (Ada, Ben), Cleo then Dan on the waitlist, running; Ada has written, attended and been read. */
  async function fullCohort() {
    const circle = await coachingCohort(t, admin, { startsOn: DateTime.now().setZone(TZ).minus({ days: 7 }).toFormat('yyyy-MM-dd'), timezone: TZ, capacity: 2, clients: 2, activate: false });
    const waitlisted: Session[] = [];
    for (let i = 0; i < 2; i++) {
      const s = await t.user(Role.CLIENT);
      const id = (await t.ok(APPLY, { cohortId: circle.id }, s.token)).applyToCohort.id;
      await t.ok(DECIDE, { id, decision: 'WAITLIST' }, admin.token);
      waitlisted.push(s);
    }
    await t.ok(SET_COHORT_STATUS, { id: circle.id, status: 'ACTIVE' }, admin.token);
    const [ada, ben] = circle.clients;
    const [cleo, dan] = waitlisted;

    const assignment = (
      await t.ok(`mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`, { input: { cohortId: circle.id, templateKey: 'where-am-i-located', dueAt: DateTime.now().plus({ days: 3 }).toISO() } }, circle.coach.token)
    ).assignHomework.id;
    await t.ok(`mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`, { a: assignment, r: { location: 'I could not tell yet', groundedness: 4, returnPractice: 'Ada wrote this.' } }, ada.token);
    // The coach reads it (an access-log row whose owner is Ada).
    await t.ok(`query($a: ID!) { assignment(id: $a) { submissions { responses } } }`, { a: assignment }, circle.coach.token);
    const session = (
      await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input: { cohortId: circle.id, title: 'Circle', startsAt: DateTime.now().minus({ days: 1 }).toISO(), durationMinutes: 60 } }, circle.coach.token)
    ).createSession.id;
    for (const client of [ada, ben]) {
      await t.ok(`mutation($s: ID!, $c: ID!) { recordAttendance(sessionId: $s, clientId: $c, status: PRESENT) { status } }`, { s: session, c: client.user.id }, circle.coach.token);
    }
    return { circle, ada, ben, cleo, dan, session };
  }

  it('with a wrong password changes nothing and counts like a failed login', async () => {
    const { ada } = await fullCohort();
    const before = await rowsNaming(ada.user.id);
    const result = await t.gql(DELETE, { p: 'not my password at all' }, ada.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.fields).toEqual([{ field: 'currentPassword', message: 'Your current password is not correct.' }]);
    expect(await rowsNaming(ada.user.id)).toEqual(before);
    const [{ failures }] = await t.db.query(`SELECT coalesce(sum(failures), 0)::int AS failures FROM login_attempts WHERE email_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [`login:${ada.user.email}`]);
    expect(failures).toBeGreaterThan(0);
    expect((await t.ok(ME, {}, ada.token)).me.id).toBe(ada.user.id);
  });

  it("erases a client: seat freed and the first waitlisted seated, tokens dead, export dead, nothing left that names them, attendance kept without them", async () => {
    const { circle, ada, ben, cleo, dan, session } = await fullCohort();
    const exportId = (await t.ok(`mutation { requestDataExport { id } }`, {}, ada.token)).requestDataExport.id;
    await completeDataExport(t.app.get(NotificationOutbox), t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER), exportId, 'https://x.example/settings');
    const link = (await t.ok(`{ myDataExports { downloadUrl } }`, {}, ada.token)).myDataExports[0].downloadUrl as string;
    const { search } = new URL(link);
    expect((await fetch(`${t.url}/exports/${exportId}${search}`)).status).toBe(200);
    expect(await rowsNaming(ada.user.id)).not.toEqual([]);

    expect((await t.ok(DELETE, { p: PASSWORD }, ada.token)).deleteMyAccount).toBe(true);

    expect(await rowsNaming(ada.user.id)).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [ada.user.email])).toEqual([{ n: 0 }]);
    // Her access token, her refresh token and her password no longer open anything.
    expect(codes(await t.gql(ME, {}, ada.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(`mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }`, { r: ada.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: ada.user.email, password: PASSWORD } }))).toEqual(['UNAUTHENTICATED']);
    expect((await fetch(`${t.url}/exports/${exportId}${search}`)).status).toBe(404);

    // Cleo, first in line, has the seat; Dan still waits; Ben keeps his.
    expect((await t.ok(ENROLLMENTS, {}, cleo.token)).myEnrollments.map((e: { status: string }) => e.status)).toEqual(['ENROLLED']);
    expect((await t.ok(ENROLLMENTS, {}, dan.token)).myEnrollments.map((e: { status: string }) => e.status)).toEqual(['WAITLISTED']);
    expect((await t.ok(ENROLLMENTS, {}, ben.token)).myEnrollments.map((e: { status: string }) => e.status)).toEqual(['ENROLLED']);
    // The session still counts two present, one of them nobody's.
    expect(await t.db.query(`SELECT client_id FROM attendance WHERE session_id = $1 ORDER BY client_id NULLS LAST`, [session])).toEqual([{ client_id: ben.user.id }, { client_id: null }]);
    const progress = (await t.ok(`query($c: ID!) { cohortProgress(cohortId: $c) { client { id } } }`, { c: circle.id }, circle.coach.token)).cohortProgress;
    expect(progress.map((p: { client: { id: string } }) => p.client.id).sort()).toEqual([ben.user.id, cleo.user.id].sort());
  });

  it('refuses a coach of an ACTIVE cohort (CONFLICT, nothing changes); a coach who left is "a deleted account" in the logs that keep them', async () => {
    const { circle, ben } = await fullCohort();
    const before = await rowsNaming(circle.coach.user.id);
    const refused = await t.gql(DELETE, { p: PASSWORD }, circle.coach.token);
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].message).toMatch(/^You coach .+, which is running\./);
    expect(await rowsNaming(circle.coach.user.id)).toEqual(before);

    // Another coach, assigned to an ENROLLING cohort, who once read Ben's answers.
    const other = await t.user(Role.COACH);
    const enrolling = await coachingCohort(t, admin, { startsOn: DateTime.now().setZone(TZ).plus({ days: 30 }).toFormat('yyyy-MM-dd'), timezone: TZ, coach: other, activate: false });
    await t.db.query(`INSERT INTO access_log (owner_id, reader_id, subject, subject_id, hour) VALUES ($1, $2, 'SUBMISSION', $3, date_trunc('hour', now()))`, [ben.user.id, other.user.id, randomUUID()]);
    expect((await t.ok(DELETE, { p: PASSWORD }, other.token)).deleteMyAccount).toBe(true);
    expect(await rowsNaming(other.user.id)).toEqual([]);

    const log = (await t.ok(`{ myAccessLog { reader { id name } } }`, {}, ben.token)).myAccessLog as { reader: { name: string } }[];
    expect(log.map((r) => r.reader.name)).toContain('A deleted account');
    const audit = (await t.ok(`query($c: ID!) { cohortAuditLog(cohortId: $c) { action coach { name } actor { id } } }`, { c: enrolling.id }, admin.token)).cohortAuditLog;
    expect(audit).toEqual([{ action: 'COACH_ASSIGNED', coach: { name: 'A deleted account' }, actor: { id: admin.user.id } }]);
    // The audit log is still append-only for everything else.
    await expect(t.db.query(`UPDATE cohort_audit_log SET action = 'COACH_UNASSIGNED' WHERE cohort_id = $1`, [enrolling.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM cohort_audit_log WHERE cohort_id = $1`, [enrolling.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE access_log SET reader_id = $2 WHERE owner_id = $1`, [ben.user.id, admin.user.id])).rejects.toThrow(/append-only/);
  });
});
