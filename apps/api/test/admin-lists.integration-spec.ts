import { Role } from '@anchored/domain';
import { ReceivedMail, TestMailbox } from '@anchored/mail/testing';
import { Session, TestApp, codes, uniqueEmail } from './test-app';

const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id name } }`;
const SET_STATUS = `mutation($id: ID!, $status: CohortStatus!) { setCohortStatus(cohortId: $id, status: $status) { id status } }`;
const APPLY = `mutation($cohortId: ID!) { applyToCohort(input: { cohortId: $cohortId }) { id } }`;
const DECIDE = `mutation($id: ID!, $decision: ApplicationDecision!, $note: String) { decideApplication(enrollmentId: $id, decision: $decision, note: $note) { id status } }`;
const DECIDE_MANY = `mutation($input: DecideApplicationsInput!) { decideApplications(input: $input) { enrollmentId errorCode errorMessage enrollment { id status } } }`;
const APPLICATIONS = `query($filter: ApplicationsFilterInput, $limit: Int, $offset: Int) { applications(filter: $filter, limit: $limit, offset: $offset) { id status client { name email } cohort { id } } }`;
const USERS = `query($role: Role, $cohortId: ID, $status: EnrollmentStatus, $search: String, $limit: Int, $offset: Int) { users(role: $role, cohortId: $cohortId, status: $status, search: $search, limit: $limit, offset: $offset) { id name role } }`;
const INVITATIONS = `query($status: InvitationStatus, $search: String, $limit: Int, $offset: Int) { invitations(status: $status, search: $search, limit: $limit, offset: $offset) { id email acceptedAt revokedAt } }`;

/**
 * The admin's lists (applications, people, invitations: filtered, searched, paged), decisions on
 * several applications at once under the capacity lock, and a rejection's personal note, which
 * reaches the client by email and is stored nowhere.
 */
describe('admin lists and decisions', () => {
  let t: TestApp;
  let smtp: TestMailbox;
  let admin: Session;
  let coach: Session;
  let client: Session;

  beforeAll(async () => {
    smtp = await TestMailbox.start();
    t = await TestApp.start({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://anchored.example', MAIL_FROM: 'Anchored <team@anchored.example>' });
    admin = await t.user(Role.ADMIN, 'Morgan Admin');
    coach = await t.user(Role.COACH);
    client = await t.user(Role.CLIENT);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const tag = () => Math.random().toString(36).slice(2, 8);

  async function cohort(capacity: number, name = `Circle ${tag()}`) {
    const { createCohort } = await t.ok(CREATE, { input: { name, startsOn: '2027-03-01', timezone: 'Europe/Berlin', capacity } }, admin.token);
    await t.ok(SET_STATUS, { id: createCohort.id, status: 'ENROLLING' }, admin.token);
    return createCohort as { id: string; name: string };
  }
  async function applicant(cohortId: string, name?: string) {
    const person = await t.user(Role.CLIENT, name);
    const { applyToCohort } = await t.ok(APPLY, { cohortId }, person.token);
    return { person, enrollmentId: applyToCohort.id as string };
  }
  const statuses = async (ids: string[]) =>
    Object.fromEntries(((await t.db.query(`SELECT id, status FROM enrollments WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; status: string }[]).map((r) => [r.id, r.status]));
  /** Decision emails only (a new client is also asked to confirm their address). */
  const mailsTo = async (email: string, count: number): Promise<ReceivedMail[]> => {
    const decisions = () => smtp.to(email).filter((m) => m.subject.startsWith('About your place'));
    const deadline = Date.now() + 10_000;
    while (decisions().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return decisions();
  };

  describe('a rejection with a personal note', () => {
    it('emails the note to the client with the decision; the stored notice only says a note was emailed', async () => {
      const c = await cohort(3);
      const { person, enrollmentId } = await applicant(c.id);
      const note = 'Thank you for your honesty.\nThe autumn group may suit you better: <please apply>.';
      expect((await t.ok(DECIDE, { id: enrollmentId, decision: 'REJECT', note: `  ${note}  ` }, admin.token)).decideApplication.status).toBe('REJECTED');

      const [mail] = await mailsTo(person.user.email, 1);
      expect(mail.subject).toBe(`About your place in ${c.name}`);
      expect(mail.text).toContain(`A note from the program team\n\n${note}`);
      expect(mail.html).toContain('&lt;please apply&gt;');

      const rows: { body: string; html: string; email_status: string }[] = await t.db.query(`SELECT body, html, email_status FROM notifications WHERE user_id = $1 AND kind = 'ENROLLMENT_UPDATE'`, [person.user.id]);
      expect(rows).toHaveLength(1);
      // The in-app copy is not emailed a second time, and the note is stored nowhere.
      expect(rows[0].email_status).toBe('SKIPPED');
      expect(rows[0].body).toContain('personal note');
      expect(rows[0].body).not.toContain('autumn group');
      const stored = await t.db.query(`SELECT 1 FROM notifications WHERE body LIKE '%autumn group%' OR html LIKE '%autumn group%'`);
      expect(stored).toHaveLength(0);
    });

    it('a rejection without a note is emailed by the worker as before (the notice stays PENDING here)', async () => {
      const c = await cohort(3);
      const { person, enrollmentId } = await applicant(c.id);
      await t.ok(DECIDE, { id: enrollmentId, decision: 'REJECT', note: '   ' }, admin.token);
      const [row] = await t.db.query(`SELECT body, email_status FROM notifications WHERE user_id = $1 AND kind = 'ENROLLMENT_UPDATE'`, [person.user.id]);
      expect(row.email_status).toBe('PENDING');
      expect(row.body).not.toContain('personal note');
    });

    it.each([
      ['a note with an acceptance', 'ACCEPT', 'Welcome!'],
      ['a note over 2000 characters', 'REJECT', 'x'.repeat(2001)],
    ])('refuses %s with BAD_USER_INPUT naming the note, and changes nothing', async (_what, decision, note) => {
      const c = await cohort(3);
      const { person, enrollmentId } = await applicant(c.id);
      const result = await t.gql(DECIDE, { id: enrollmentId, decision, note }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.['fields']).toEqual([expect.objectContaining({ field: 'note' })]);
      expect(await statuses([enrollmentId])).toEqual({ [enrollmentId]: 'APPLIED' });
      expect(await t.db.query(`SELECT 1 FROM notifications WHERE user_id = $1`, [person.user.id])).toHaveLength(0);
    });
  });

  describe('deciding several applications at once', () => {
    it('accepts while seats last, each under the capacity lock, and reports the rest as full', async () => {
      const c = await cohort(2);
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await applicant(c.id)).enrollmentId);
      const { decideApplications } = await t.ok(DECIDE_MANY, { input: { enrollmentIds: ids, decision: 'ACCEPT' } }, admin.token);
      expect(decideApplications.map((r: { enrollmentId: string }) => r.enrollmentId)).toEqual(ids);
      expect(decideApplications.slice(0, 2)).toEqual(ids.slice(0, 2).map((id) => ({ enrollmentId: id, errorCode: null, errorMessage: null, enrollment: { id, status: 'ENROLLED' } })));
      for (const failed of decideApplications.slice(2)) {
        expect(failed).toMatchObject({ errorCode: 'CONFLICT', enrollment: null });
        expect(failed.errorMessage).toContain('full');
      }
      expect(await statuses(ids)).toEqual({ [ids[0]]: 'ENROLLED', [ids[1]]: 'ENROLLED', [ids[2]]: 'APPLIED', [ids[3]]: 'APPLIED' });
    });

    it('two bulk accepts racing for the last seats never overfill the cohort', async () => {
      const c = await cohort(3);
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push((await applicant(c.id)).enrollmentId);
      const [a, b] = await Promise.all([
        t.ok(DECIDE_MANY, { input: { enrollmentIds: ids.slice(0, 3), decision: 'ACCEPT' } }, admin.token),
        t.ok(DECIDE_MANY, { input: { enrollmentIds: ids.slice(3), decision: 'ACCEPT' } }, admin.token),
      ]);
      const results = [...a.decideApplications, ...b.decideApplications];
      expect(results.filter((r) => r.errorCode === null)).toHaveLength(3);
      expect(results.filter((r) => r.errorCode === 'CONFLICT')).toHaveLength(3);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1 AND status = 'ENROLLED'`, [c.id]);
      expect(n).toBe(3);
    });

    it('rejects several with one note, each client getting it by email; an unknown id is reported, not fatal', async () => {
      const c = await cohort(5);
      const one = await applicant(c.id);
      const two = await applicant(c.id);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const { decideApplications } = await t.ok(DECIDE_MANY, { input: { enrollmentIds: [one.enrollmentId, unknown, two.enrollmentId], decision: 'REJECT', note: 'The group filled up fast.' } }, admin.token);
      expect(decideApplications.map((r: { errorCode: string | null }) => r.errorCode)).toEqual([null, 'NOT_FOUND', null]);
      for (const person of [one.person, two.person]) expect((await mailsTo(person.user.email, 1))[0].text).toContain('The group filled up fast.');
    });

    it.each([
      ['no ids', { enrollmentIds: [], decision: 'REJECT' }, 'enrollmentIds'],
      ['a malformed id', { enrollmentIds: ['nope'], decision: 'REJECT' }, 'enrollmentIds'],
      ['a repeated id', 'repeat', 'enrollmentIds'],
      ['more than 100 ids', 'many', 'enrollmentIds'],
      ['a note with a waitlisting', { decision: 'WAITLIST', note: 'Hold on' }, 'note'],
    ])('refuses %s with BAD_USER_INPUT naming it, and decides nothing', async (_what, bad, field) => {
      const c = await cohort(5);
      const { enrollmentId } = await applicant(c.id);
      const input =
        bad === 'repeat'
          ? { enrollmentIds: [enrollmentId, enrollmentId], decision: 'REJECT' }
          : bad === 'many'
            ? { enrollmentIds: [enrollmentId, ...Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)], decision: 'REJECT' }
            : { enrollmentIds: [enrollmentId], ...(bad as object) };
      const result = await t.gql(DECIDE_MANY, { input }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toContain(field);
      expect(await statuses([enrollmentId])).toEqual({ [enrollmentId]: 'APPLIED' });
    });
  });

  describe('the lists', () => {
    it('filters applications by cohort, status and a piece of name or email, and pages them oldest first', async () => {
      const c = await cohort(1);
      const other = await cohort(1);
      const key = tag();
      const a = await applicant(c.id, `Ada ${key}`);
      const b = await applicant(c.id, `Bea ${key}`);
      const d = await applicant(c.id, `Dee ${key}`);
      await applicant(other.id, `Ada ${key} elsewhere`);
      await t.ok(DECIDE, { id: a.enrollmentId, decision: 'ACCEPT' }, admin.token);

      const list = async (filter: Record<string, unknown>, limit = 50, offset = 0) =>
        ((await t.ok(APPLICATIONS, { filter, limit, offset }, admin.token)).applications as { id: string }[]).map((e) => e.id);
      expect(await list({ cohortId: c.id })).toEqual([a.enrollmentId, b.enrollmentId, d.enrollmentId]);
      expect(await list({ cohortId: c.id, status: 'APPLIED' })).toEqual([b.enrollmentId, d.enrollmentId]);
      expect(await list({ cohortId: c.id, search: `bea ${key}`.toUpperCase() })).toEqual([b.enrollmentId]);
      expect(await list({ cohortId: c.id, search: b.person.user.email.slice(0, 12) })).toEqual([b.enrollmentId]);
      expect(await list({ search: `Ada ${key}` })).toHaveLength(2);
      // A % is matched as itself, not as "anything".
      expect(await list({ cohortId: c.id, search: '%' })).toEqual([]);
      expect(await list({ cohortId: c.id }, 2, 0)).toEqual([a.enrollmentId, b.enrollmentId]);
      expect(await list({ cohortId: c.id }, 2, 2)).toEqual([d.enrollmentId]);
    });

    it('lists people by name, of a role, in a cohort (its clients and coaches), by enrollment status, by search, paged', async () => {
      const c = await cohort(3);
      const key = tag();
      const x = await applicant(c.id, `Xena ${key}`);
      const y = await applicant(c.id, `Yara ${key}`);
      await t.user(Role.CLIENT, `Zoe ${key}`);
      await t.ok(`mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }`, { c: c.id, u: coach.user.id }, admin.token);

      const ids = async (vars: Record<string, unknown>) => ((await t.ok(USERS, vars, admin.token)).users as { id: string }[]).map((u) => u.id);
      expect(new Set(await ids({ cohortId: c.id }))).toEqual(new Set([x.person.user.id, y.person.user.id, coach.user.id]));
      expect(await ids({ cohortId: c.id, role: 'CLIENT' })).toEqual([x.person.user.id, y.person.user.id]);
      await t.ok(DECIDE, { id: y.enrollmentId, decision: 'WAITLIST' }, admin.token);
      expect(await ids({ cohortId: c.id, status: 'WAITLISTED' })).toEqual([y.person.user.id]);
      expect(await ids({ cohortId: c.id, status: 'APPLIED' })).toEqual([x.person.user.id]);
      expect(await ids({ status: 'WAITLISTED', search: key })).toEqual([y.person.user.id]);
      expect(await ids({ search: key })).toHaveLength(3);
      expect(await ids({ search: key, limit: 2, offset: 2 })).toHaveLength(1);
      expect(await ids({ search: `yara ${key}` })).toEqual([y.person.user.id]);
    });

    it('lists invitations by status and email, newest first, paged', async () => {
      const key = tag();
      const invite = async () =>
        (await t.ok(`mutation($input: InviteInput!) { inviteUser(input: $input) { id } }`, { input: { email: uniqueEmail(`inv${key}`), role: 'COACH' } }, admin.token)).inviteUser.id as string;
      const first = await invite();
      const second = await invite();
      const revoked = await invite();
      await t.ok(`mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, { id: revoked }, admin.token);
      await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [first]);

      const ids = async (vars: Record<string, unknown>) => ((await t.ok(INVITATIONS, { search: `inv${key}`, ...vars }, admin.token)).invitations as { id: string }[]).map((i) => i.id);
      expect(await ids({})).toEqual([second, first]);
      expect(await ids({ status: 'EXPIRED' })).toEqual([first]);
      expect(await ids({ status: 'REVOKED' })).toEqual([revoked]);
      expect(await ids({ status: 'ACCEPTED' })).toEqual([]);
      expect(await ids({ limit: 1, offset: 1 })).toEqual([first]);
    });

    it.each([
      ['applications', 'limit', APPLICATIONS, { limit: 0 }],
      ['applications', 'offset', APPLICATIONS, { offset: -1 }],
      ['applications', 'cohortId', APPLICATIONS, { filter: { cohortId: 'nope' } }],
      ['applications', 'search', APPLICATIONS, { filter: { search: 'x'.repeat(201) } }],
      ['users', 'limit', USERS, { limit: 201 }],
      ['users', 'cohortId', USERS, { cohortId: 'nope' }],
      ['users', 'search', USERS, { search: 'x'.repeat(201) }],
      ['invitations', 'offset', INVITATIONS, { offset: -5 }],
      ['invitations', 'search', INVITATIONS, { search: 'x'.repeat(201) }],
    ])('%s refuses a bad %s with BAD_USER_INPUT naming it', async (_list, field, query, vars) => {
      const result = await t.gql(query, vars, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toContain(field);
    });
  });

  it('is for admins only: coaches, clients and anonymous callers are refused, and nothing is decided', async () => {
    const c = await cohort(3);
    const { enrollmentId } = await applicant(c.id);
    for (const [caller, code] of [
      [coach.token, 'FORBIDDEN'],
      [client.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await t.gql(APPLICATIONS, {}, caller))).toEqual([code]);
      expect(codes(await t.gql(USERS, {}, caller))).toEqual([code]);
      expect(codes(await t.gql(INVITATIONS, {}, caller))).toEqual([code]);
      expect(codes(await t.gql(DECIDE_MANY, { input: { enrollmentIds: [enrollmentId], decision: 'ACCEPT' } }, caller))).toEqual([code]);
      expect(codes(await t.gql(DECIDE, { id: enrollmentId, decision: 'REJECT', note: 'No.' }, caller))).toEqual([code]);
    }
    expect(await statuses([enrollmentId])).toEqual({ [enrollmentId]: 'APPLIED' });
  });
});
