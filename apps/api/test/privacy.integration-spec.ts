import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { LegacyPlaintextService } from '../src/private-text/legacy-plaintext.service';
import { calendarTokenHash } from '../src/private-text/sealed-columns';
import { ASSIGN_COACH, CoachingCohort, applicant, coachingCohort, countQueries } from './coaching-fixtures';
import { PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const TZ = 'Europe/Berlin';
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;
const REVIEW = `mutation($s: ID!, $f: String!) { reviewSubmission(submissionId: $s, feedback: $f) { id feedback } }`;
const SUBMISSIONS = `query($id: ID!) { assignment(id: $id) { submissions { id responses client { id } } } }`;
const COHORT_ANSWERS = `query($id: ID!) { cohort(id: $id) { assignments { submissions { id responses } } } }`;
const UNASSIGN_COACH = `mutation($c: ID!, $u: ID!) { unassignCoach(cohortId: $c, coachId: $u) { id coaches { id } } }`;
const ACCESS_LOG = `query($limit: Int, $offset: Int) { myAccessLog(limit: $limit, offset: $offset) { reader { id name role } subject subjectId at } }`;
const AUDIT_LOG = `query($id: ID!) { cohortAuditLog(cohortId: $id) { id action at cohort { id } coach { id name } actor { id } } }`;
const INVITE = `mutation($input: InviteInput!) { inviteUser(input: $input) { token } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken user { id email role name } } }`;
const NOTIFICATIONS = `{ myNotifications { kind subject body } }`;
const MY_ENROLLMENTS = `{ myEnrollments { id motivation cohort { id } } }`;
const ME_CALENDAR = `{ me { id calendarUrl } }`;
const ROTATE = `mutation { rotateCalendarToken { calendarUrl } }`;

const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A valid answer to the boundary practice log, with `marker` in a free-text answer. */
const answer = (marker: string) => ({
  situation: 'My partner wanted me to skip my evening class again.',
  boundaryType: 'I said no',
  discomfortBefore: 7,
  discomfortAfter: 4,
  whatHappened: `I felt my chest tighten and said it anyway. ${marker}`,
});

describe('privacy: access log, coach audit log, encryption at rest', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let assignmentId: string;
  /** client id -> submission id */
  const submissionOf = new Map<string, string>();

  const accessLogOf = async (s: Session) => (await t.ok(ACCESS_LOG, {}, s.token)).myAccessLog as { reader: { id: string }; subject: string; subjectId: string; at: string }[];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    cohort = await coachingCohort(t, admin, { name: 'Privacy Circle', startsOn: daysAgo(7), timezone: TZ, clients: 4 });
    assignmentId = (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'boundary-practice-log', dueAt: inHours(48) } }, cohort.coach.token)).assignHomework.id;
    for (const client of cohort.clients) {
      const { submitHomework } = await t.ok(SUBMIT, { a: assignmentId, r: answer(`marker-${client.user.id}`) }, client.token);
      submissionOf.set(client.user.id, submitHomework.id);
    }
  });
  afterAll(() => t.close());

  describe('an admin who reads homework through a coach account of their own', () => {
    let rogue: Session;
    let enrolling: string;

    beforeAll(async () => {
      const email = uniqueEmail('rogue');
      const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
      const accepted = (await t.ok(ACCEPT, { input: { token: inviteUser.token, name: 'Helper Account', password: PASSWORD } })).acceptInvitation;
      rogue = { token: accepted.accessToken, refreshToken: accepted.refreshToken, user: accepted.user };
      enrolling = (await t.ok(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, { input: { name: 'Next Circle', startsOn: daysAgo(-30), timezone: TZ, capacity: 3 } }, admin.token)).createCohort.id;
      await t.ok(`mutation($id: ID!) { setCohortStatus(cohortId: $id, status: ENROLLING) { id } }`, { id: enrolling }, admin.token);
    });

    it('leaves an audit entry for the assignment and the removal, and access-log entries the clients can read', async () => {
      await t.ok(ASSIGN_COACH, { c: cohort.id, u: rogue.user.id }, admin.token);
      const read = (await t.ok(SUBMISSIONS, { id: assignmentId }, rogue.token)).assignment.submissions as { id: string; responses: { whatHappened: string } }[];
      expect(read).toHaveLength(cohort.clients.length);
      expect(read[0].responses.whatHappened).toContain('marker-');
      await t.ok(UNASSIGN_COACH, { c: cohort.id, u: rogue.user.id }, admin.token);
      expect(codes(await t.gql(SUBMISSIONS, { id: assignmentId }, rogue.token))).toEqual(['FORBIDDEN']);

      const audit = (await t.ok(AUDIT_LOG, { id: cohort.id }, admin.token)).cohortAuditLog as { action: string; coach: { id: string }; actor: { id: string }; cohort: { id: string } }[];
      const rogueEntries = audit.filter((e) => e.coach.id === rogue.user.id);
      // Newest first: the removal, then the assignment; both name the admin.
      expect(rogueEntries.map((e) => e.action)).toEqual(['COACH_UNASSIGNED', 'COACH_ASSIGNED']);
      expect(rogueEntries.every((e) => e.actor.id === admin.user.id && e.cohort.id === cohort.id)).toBe(true);
      // The original coach's assignment is in the log too.
      expect(audit.some((e) => e.coach.id === cohort.coach.user.id && e.action === 'COACH_ASSIGNED')).toBe(true);

      for (const client of cohort.clients) {
        const log = await accessLogOf(client);
        const byRogue = log.filter((r) => r.reader.id === rogue.user.id);
        expect(byRogue).toEqual([{ reader: expect.objectContaining({ id: rogue.user.id, name: 'Helper Account', role: 'COACH' }), subject: 'SUBMISSION', subjectId: submissionOf.get(client.user.id), at: expect.any(String) }]);
      }
    });

    it('tells the ENROLLED clients when the coach is added, without anything they wrote; applicants are not told', async () => {
      const onlyApplied = await applicant(t, enrolling);
      await t.ok(ASSIGN_COACH, { c: enrolling, u: rogue.user.id }, admin.token);
      expect(((await t.ok(NOTIFICATIONS, {}, onlyApplied.token)).myNotifications as { kind: string }[]).filter((n) => n.kind === 'COACH_ASSIGNED')).toEqual([]);
      for (const client of cohort.clients) {
        const told = ((await t.ok(NOTIFICATIONS, {}, client.token)).myNotifications as { kind: string; subject: string; body: string }[]).filter(
          (n) => n.kind === 'COACH_ASSIGNED' && n.subject.includes('Helper Account'),
        );
        expect(told).toHaveLength(1);
        expect(told[0].subject).toBe('A new coach in Privacy Circle: Helper Account');
        expect(told[0].body).not.toContain('marker-');
      }
    });

    it('keeps the audit log out of reach: no API edits it, and Postgres refuses UPDATE, DELETE and TRUNCATE', async () => {
      const [entry] = await t.db.query(`SELECT id FROM cohort_audit_log WHERE coach_id = $1 LIMIT 1`, [rogue.user.id]);
      await expect(t.db.query(`UPDATE cohort_audit_log SET actor_id = coach_id WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM cohort_audit_log WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`TRUNCATE cohort_audit_log`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`UPDATE access_log SET reader_id = owner_id`)).rejects.toThrow(/append-only/);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM cohort_audit_log WHERE coach_id = $1 AND cohort_id = $2`, [rogue.user.id, cohort.id]))[0].n).toBe(2);
    });
  });

  describe('myAccessLog', () => {
    it("is the owner's alone: others' reads of my answers are there, nobody else's are, and my own reads are not logged", async () => {
      const [a, b] = cohort.clients;
      await t.ok(`query($id: ID!) { assignment(id: $id) { mySubmission { responses } } }`, { id: assignmentId }, a.token);
      const logA = await accessLogOf(a);
      expect(logA.every((r) => r.subjectId === submissionOf.get(a.user.id))).toBe(true);
      expect(logA.some((r) => r.reader.id === a.user.id)).toBe(false);
      const logB = await accessLogOf(b);
      expect(logB.length).toBeGreaterThan(0);
      expect(logB.every((r) => r.subjectId === submissionOf.get(b.user.id))).toBe(true);
    });

    it('answers every role with their own log only, and no one anonymous', async () => {
      expect(codes(await t.gql(ACCESS_LOG))).toEqual(['UNAUTHENTICATED']);
      // Coaches and admins own no private text here: their log is empty, whatever they read.
      expect(await accessLogOf(cohort.coach)).toEqual([]);
      expect(await accessLogOf(admin)).toEqual([]);
      const stranger = await t.user(Role.CLIENT);
      expect(await accessLogOf(stranger)).toEqual([]);
      expect(codes(await t.gql(ACCESS_LOG, { limit: 0 }, stranger.token))).toEqual(['BAD_USER_INPUT']);
    });

    it("collapses one reader's repeated reads of an item within the hour into one record", async () => {
      const client = cohort.clients[2];
      for (let i = 0; i < 3; i++) await t.ok(SUBMISSIONS, { id: assignmentId }, cohort.coach.token);
      const after = (await accessLogOf(client)).filter((r) => r.reader.id === cohort.coach.user.id);
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ subject: 'SUBMISSION', subjectId: submissionOf.get(client.user.id) });
    });

    it("records a whole list of answers with one INSERT, not one per submission", async () => {
      const second = (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey: 'boundary-practice-log', dueAt: inHours(72) } }, cohort.coach.token)).assignHomework.id;
      for (const client of cohort.clients) await t.ok(SUBMIT, { a: second, r: answer('second') }, client.token);
      const coach = await t.user(Role.COACH);
      await t.ok(ASSIGN_COACH, { c: cohort.id, u: coach.user.id }, admin.token);

      const { result, statements } = await countQueries(t, () => t.ok(COHORT_ANSWERS, { id: cohort.id }, coach.token));
      const read = result.cohort.assignments.flatMap((a: { submissions: unknown[] }) => a.submissions);
      expect(read).toHaveLength(cohort.clients.length * 2);
      expect(statements.filter((s) => /INSERT INTO access_log/i.test(s))).toHaveLength(1);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM access_log WHERE reader_id = $1`, [coach.user.id]);
      expect(n).toBe(cohort.clients.length * 2);
    });
  });

  describe('cohortAuditLog', () => {
    it('is for admins only', async () => {
      expect(codes(await t.gql(AUDIT_LOG, { id: cohort.id }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(AUDIT_LOG, { id: cohort.id }, cohort.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(AUDIT_LOG, { id: cohort.id }, cohort.coach.token))).toEqual(['FORBIDDEN']);
      expect((await t.ok(AUDIT_LOG, { id: cohort.id }, admin.token)).cohortAuditLog.length).toBeGreaterThan(0);
      expect(codes(await t.gql(AUDIT_LOG, { id: randomUUID() }, admin.token))).toEqual(['NOT_FOUND']);
    });

    it('lets only admins assign or remove coaches (and so write to it)', async () => {
      const coach = await t.user(Role.COACH);
      for (const mutation of [ASSIGN_COACH, UNASSIGN_COACH]) {
        expect(codes(await t.gql(mutation, { c: cohort.id, u: coach.user.id }))).toEqual(['UNAUTHENTICATED']);
        expect(codes(await t.gql(mutation, { c: cohort.id, u: coach.user.id }, cohort.clients[0].token))).toEqual(['FORBIDDEN']);
        expect(codes(await t.gql(mutation, { c: cohort.id, u: coach.user.id }, cohort.coach.token))).toEqual(['FORBIDDEN']);
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM cohort_audit_log WHERE coach_id = $1`, [coach.user.id]))[0].n).toBe(0);
    });

    it('records nothing when nothing changed (assigning an assigned coach, removing one who is not)', async () => {
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM cohort_audit_log WHERE cohort_id = $1`, [cohort.id]))[0].n;
      const before = await count();
      await t.ok(ASSIGN_COACH, { c: cohort.id, u: cohort.coach.user.id }, admin.token);
      await t.ok(UNASSIGN_COACH, { c: cohort.id, u: (await t.user(Role.COACH)).user.id }, admin.token);
      expect(await count()).toBe(before);
    });
  });

  describe('encryption at rest', () => {
    it('stores coach feedback encrypted and shows it decrypted', async () => {
      const client = cohort.clients[0];
      const marker = `feedback-${randomUUID()}`;
      const { reviewSubmission } = await t.ok(REVIEW, { s: submissionOf.get(client.user.id), f: `You held the line. ${marker}` }, cohort.coach.token);
      expect(reviewSubmission.feedback).toBe(`You held the line. ${marker}`);
      const [row] = await t.db.query(`SELECT to_jsonb(s)::text AS all_columns, feedback, feedback_encrypted FROM submissions s WHERE id = $1`, [reviewSubmission.id]);
      expect(row.all_columns).not.toContain(marker);
      expect(row.feedback).toBeNull();
      expect(row.feedback_encrypted).toMatch(/^v1:/);
      const mine = await t.ok(`{ mySubmissions { id feedback } }`, {}, client.token);
      expect(mine.mySubmissions.find((s: { id: string }) => s.id === reviewSubmission.id).feedback).toBe(`You held the line. ${marker}`);
    });

    it('stores application motivations encrypted and shows them decrypted', async () => {
      const open = (await t.ok(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, { input: { name: 'Open', startsOn: daysAgo(-20), timezone: TZ, capacity: 3 } }, admin.token)).createCohort.id;
      await t.ok(`mutation($id: ID!) { setCohortStatus(cohortId: $id, status: ENROLLING) { id } }`, { id: open }, admin.token);
      const client = await t.user(Role.CLIENT);
      const marker = `motivation-${randomUUID()}`;
      const applied = (await t.ok(`mutation($c: ID!, $m: String) { applyToCohort(input: { cohortId: $c, motivation: $m }) { id motivation } }`, { c: open, m: `I keep abandoning myself. ${marker}` }, client.token)).applyToCohort;
      expect(applied.motivation).toBe(`I keep abandoning myself. ${marker}`);
      const [row] = await t.db.query(`SELECT to_jsonb(e)::text AS all_columns, motivation, motivation_encrypted FROM enrollments e WHERE id = $1`, [applied.id]);
      expect(row.all_columns).not.toContain(marker);
      expect(row.motivation).toBeNull();
      expect(row.motivation_encrypted).toMatch(/^v1:/);
      const listed = (await t.ok(`query($id: ID!) { cohort(id: $id) { enrollments { id motivation } } }`, { id: open }, admin.token)).cohort.enrollments;
      expect(listed.find((e: { id: string }) => e.id === applied.id).motivation).toBe(`I keep abandoning myself. ${marker}`);
    });

    it('keeps no usable calendar token in the database; the URL still works, shows again, and rotates', async () => {
      const client = cohort.clients[1];
      const url: string = (await t.ok(ME_CALENDAR, {}, client.token)).me.calendarUrl;
      const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)?.[1] as string;
      expect(token).toBeTruthy();
      const [row] = await t.db.query(`SELECT to_jsonb(u)::text AS all_columns, calendar_token, calendar_token_hash FROM users u WHERE id = $1`, [client.user.id]);
      expect(row.all_columns).not.toContain(token);
      expect(row.calendar_token).toBeNull();
      expect(row.calendar_token_hash).toBe(calendarTokenHash(token));
      const feed = await fetch(`${t.url}/calendar/${token}.ics`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      // The hash itself opens nothing.
      expect((await fetch(`${t.url}/calendar/${row.calendar_token_hash}.ics`)).status).toBe(404);
      // Shown again on the next visit (settings screen), unchanged.
      expect((await t.ok(ME_CALENDAR, {}, client.token)).me.calendarUrl).toBe(url);

      const rotated: string = (await t.ok(ROTATE, {}, client.token)).rotateCalendarToken.calendarUrl;
      expect(rotated).not.toBe(url);
      expect((await fetch(`${t.url}/calendar/${token}.ics`)).status).toBe(404);
      expect((await fetch(`${t.url}${new URL(rotated).pathname}`)).status).toBe(200);
      // Nobody else sees it.
      expect((await t.ok(`query($id: ID!) { cohort(id: $id) { coaches { id calendarUrl } } }`, { id: cohort.id }, client.token)).cohort.coaches.every((c: { calendarUrl: string | null }) => c.calendarUrl === null)).toBe(true);
    });

    it('seals what older versions stored in the clear, keeping it readable and feed URLs working', async () => {
      const client = cohort.clients[3];
      const submissionId = submissionOf.get(client.user.id) as string;
      const legacyToken = `legacy${randomUUID().replace(/-/g, '')}`;
      // What a database from before migration 1764400000000 holds (the migration hashes tokens in SQL).
      await t.db.query(`UPDATE submissions SET status = 'REVIEWED', reviewed_at = now(), feedback = 'Old plain feedback', feedback_encrypted = NULL WHERE id = $1`, [submissionId]);
      const [enrollment] = await t.db.query(`SELECT id FROM enrollments WHERE client_id = $1 AND cohort_id = $2`, [client.user.id, cohort.id]);
      await t.db.query(`UPDATE enrollments SET motivation = 'Old plain motivation', motivation_encrypted = NULL WHERE id = $1`, [enrollment.id]);
      await t.db.query(
        `UPDATE users SET calendar_token = $2, calendar_token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex'), calendar_token_encrypted = NULL WHERE id = $1`,
        [client.user.id, legacyToken],
      );
      expect((await t.db.query(`SELECT calendar_token_hash FROM users WHERE id = $1`, [client.user.id]))[0].calendar_token_hash).toBe(calendarTokenHash(legacyToken));

      // Readable before the app has sealed it...
      expect((await t.ok(`{ mySubmissions { id feedback } }`, {}, client.token)).mySubmissions.find((s: { id: string }) => s.id === submissionId).feedback).toBe('Old plain feedback');
      expect((await t.ok(ME_CALENDAR, {}, client.token)).me.calendarUrl).toMatch(new RegExp(`/calendar/${legacyToken}\\.ics$`));

      // ...and after: what the API does at every start.
      await t.app.get(LegacyPlaintextService).onApplicationBootstrap();
      const [s] = await t.db.query(`SELECT feedback, feedback_encrypted FROM submissions WHERE id = $1`, [submissionId]);
      expect(s).toEqual({ feedback: null, feedback_encrypted: expect.stringMatching(/^v1:/) });
      const [e] = await t.db.query(`SELECT motivation, motivation_encrypted FROM enrollments WHERE id = $1`, [enrollment.id]);
      expect(e).toEqual({ motivation: null, motivation_encrypted: expect.stringMatching(/^v1:/) });
      const [u] = await t.db.query(`SELECT calendar_token, calendar_token_hash, calendar_token_encrypted FROM users WHERE id = $1`, [client.user.id]);
      expect(u).toEqual({ calendar_token: null, calendar_token_hash: calendarTokenHash(legacyToken), calendar_token_encrypted: expect.stringMatching(/^v1:/) });

      expect((await t.ok(`{ mySubmissions { id feedback } }`, {}, client.token)).mySubmissions.find((x: { id: string }) => x.id === submissionId).feedback).toBe('Old plain feedback');
      expect((await t.ok(MY_ENROLLMENTS, {}, client.token)).myEnrollments.find((x: { id: string }) => x.id === enrollment.id).motivation).toBe('Old plain motivation');
      expect((await t.ok(ME_CALENDAR, {}, client.token)).me.calendarUrl).toMatch(new RegExp(`/calendar/${legacyToken}\\.ics$`));
      expect((await fetch(`${t.url}/calendar/${legacyToken}.ics`)).status).toBe(200);
    });

    it('finds a feed a direct insert left in the clear (no hash yet), until the app seals it', async () => {
      const token = `direct${randomUUID().replace(/-/g, '')}`;
      const [user] = await t.db.query(
        `INSERT INTO users (email, name, role, password_hash, calendar_token) VALUES ($1, 'Direct Insert', 'CLIENT', 'x', $2) RETURNING id`,
        [uniqueEmail('direct'), token],
      );
      expect((await fetch(`${t.url}/calendar/${token}.ics`)).status).toBe(200);
      await t.app.get(LegacyPlaintextService).onApplicationBootstrap();
      const [row] = await t.db.query(`SELECT calendar_token, calendar_token_hash FROM users WHERE id = $1`, [user.id]);
      expect(row).toEqual({ calendar_token: null, calendar_token_hash: calendarTokenHash(token) });
      expect((await fetch(`${t.url}/calendar/${token}.ics`)).status).toBe(200);
    });
  });

  describe('where admins may read homework (ADMINS_READ_HOMEWORK=true)', () => {
    let open: TestApp;
    afterAll(() => open?.close());

    it("logs the admin's reads in the client's access log too", async () => {
      open = await TestApp.start({ ADMINS_READ_HOMEWORK: 'true' });
      const boss = await open.user(Role.ADMIN);
      const small = await coachingCohort(open, boss, { name: 'Solo Practice', startsOn: daysAgo(7), timezone: TZ, clients: 1 });
      const assignment = (await open.ok(ASSIGN, { input: { cohortId: small.id, templateKey: 'boundary-practice-log', dueAt: inHours(24) } }, small.coach.token)).assignHomework.id;
      const { submitHomework } = await open.ok(SUBMIT, { a: assignment, r: answer('solo') }, small.clients[0].token);
      expect((await open.ok(SUBMISSIONS, { id: assignment }, boss.token)).assignment.submissions[0].responses.whatHappened).toContain('solo');
      const log = (await open.ok(ACCESS_LOG, {}, small.clients[0].token)).myAccessLog;
      expect(log).toEqual([expect.objectContaining({ reader: expect.objectContaining({ id: boss.user.id, role: 'ADMIN' }), subject: 'SUBMISSION', subjectId: submitHomework.id })]);
    });
  });
});
