import { Role } from '@anchored/domain';
import { Session, TestApp, codes } from './test-app';

const COHORT_FIELDS = `id name status startsOn endsOn programWeeks timezone capacity enrolledCount waitlistCount coaches { id }`;
const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { ${COHORT_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: CohortStatus!) { setCohortStatus(cohortId: $id, status: $status) { id status } }`;
const APPLY = `mutation($cohortId: ID!, $motivation: String) { applyToCohort(input: { cohortId: $cohortId, motivation: $motivation }) { id status motivation client { id } } }`;
const DECIDE = `mutation($id: ID!, $decision: ApplicationDecision!) { decideApplication(enrollmentId: $id, decision: $decision) { id status waitlistPosition decidedAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrollment(enrollmentId: $id) { id status } }`;
const PROMOTE = `mutation($cohortId: ID!, $id: ID) { promoteFromWaitlist(cohortId: $cohortId, enrollmentId: $id) { id status } }`;
const ENROLLMENTS = `query($id: ID!, $status: EnrollmentStatus) { cohort(id: $id) { enrolledCount waitlistCount enrollments(status: $status) { id status waitlistPosition client { id } } } }`;

describe('cohorts and enrollment', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
  });
  afterAll(() => t.close());

  const countRows = async (table: string) => Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  async function cohort(capacity = 3, status: 'DRAFT' | 'ENROLLING' = 'ENROLLING', extra: Record<string, unknown> = {}) {
    const created = (
      await t.ok(CREATE, { input: { name: 'Autumn Circle', startsOn: '2027-03-01', timezone: 'America/New_York', capacity, ...extra } }, admin.token)
    ).createCohort;
    if (status === 'ENROLLING') await t.ok(SET_STATUS, { id: created.id, status: 'ENROLLING' }, admin.token);
    return created as { id: string; name: string; endsOn: string; programWeeks: number; status: string };
  }

  async function applicant(cohortId: string) {
    const client = await t.user(Role.CLIENT);
    const enrollment = (await t.ok(APPLY, { cohortId, motivation: 'I want to stop outsourcing my worth.' }, client.token)).applyToCohort;
    return { client, enrollmentId: enrollment.id as string };
  }

  describe('creating cohorts', () => {
    it('creates a DRAFT cohort of 26 weeks by default, ending 26 weeks after it starts', async () => {
      const created = await cohort(12, 'DRAFT');
      expect(created).toMatchObject({ status: 'DRAFT', programWeeks: 26, endsOn: '2027-08-30' });
    });

    it.each([
      ['name', { name: '   ' }],
      ['timezone', { timezone: 'Mars/Olympus_Mons' }],
      ['capacity', { capacity: 0 }],
      ['startsOn', { startsOn: '2027-02-30' }],
      ['programWeeks', { programWeeks: 0 }],
    ])('rejects a bad %s with BAD_USER_INPUT naming it, and creates nothing', async (field, bad) => {
      const before = await countRows('cohorts');
      const result = await t.gql(CREATE, { input: { name: 'X', startsOn: '2027-03-01', timezone: 'Europe/Berlin', capacity: 8, ...bad } }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toContain(field);
      expect(await countRows('cohorts')).toBe(before);
    });

    it('only lets admins create cohorts, change status and assign coaches', async () => {
      const coach = await t.user(Role.COACH);
      const client = await t.user(Role.CLIENT);
      const input = { name: 'X', startsOn: '2027-03-01', timezone: 'Europe/Berlin', capacity: 8 };
      const target = await cohort(4, 'DRAFT');
      for (const caller of [coach, client]) {
        expect(codes(await t.gql(CREATE, { input }, caller.token))).toEqual(['FORBIDDEN']);
        expect(codes(await t.gql(SET_STATUS, { id: target.id, status: 'ENROLLING' }, caller.token))).toEqual(['FORBIDDEN']);
        expect(codes(await t.gql(`mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }`, { c: target.id, u: coach.user.id }, caller.token))).toEqual(['FORBIDDEN']);
      }
      expect(codes(await t.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
      expect((await t.ok(`query($id: ID!) { cohort(id: $id) { status } }`, { id: target.id }, admin.token)).cohort.status).toBe('DRAFT');
    });

    it('assigns only coaches as coaches', async () => {
      const target = await cohort(4, 'DRAFT');
      const client = await t.user(Role.CLIENT);
      const coach = await t.user(Role.COACH);
      const assign = `mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { coaches { id } } }`;
      expect(codes(await t.gql(assign, { c: target.id, u: client.user.id }, admin.token))).toEqual(['BAD_USER_INPUT']);
      const assigned = await t.ok(assign, { c: target.id, u: coach.user.id }, admin.token);
      expect(assigned.assignCoach.coaches).toEqual([{ id: coach.user.id }]);
    });
  });

  describe('cohort status', () => {
    it('moves DRAFT → ENROLLING → ACTIVE → COMPLETED → ARCHIVED and no other way', async () => {
      const c = await cohort(4, 'DRAFT');
      const move = (status: string) => t.gql(SET_STATUS, { id: c.id, status }, admin.token);
      expect(codes(await move('ACTIVE'))).toEqual(['CONFLICT']);
      expect(codes(await move('COMPLETED'))).toEqual(['CONFLICT']);
      for (const status of ['ENROLLING', 'ACTIVE', 'COMPLETED', 'ARCHIVED']) {
        const result = await move(status);
        expect(result.errors).toBeUndefined();
        expect(result.data.setCohortStatus.status).toBe(status);
      }
      expect(codes(await move('ENROLLING'))).toEqual(['CONFLICT']);
      expect(codes(await move('DRAFT'))).toEqual(['CONFLICT']);
    });

    it('turns ENROLLED clients into GRADUATED alumni when the cohort completes', async () => {
      const c = await cohort(2);
      const a = await applicant(c.id);
      const b = await applicant(c.id);
      const w = await applicant(c.id);
      await t.ok(DECIDE, { id: a.enrollmentId, decision: 'ACCEPT' }, admin.token);
      await t.ok(DECIDE, { id: b.enrollmentId, decision: 'ACCEPT' }, admin.token);
      await t.ok(WITHDRAW, { id: b.enrollmentId }, b.client.token);
      await t.ok(DECIDE, { id: w.enrollmentId, decision: 'WAITLIST' }, admin.token);
      await t.ok(SET_STATUS, { id: c.id, status: 'ACTIVE' }, admin.token);
      await t.ok(SET_STATUS, { id: c.id, status: 'COMPLETED' }, admin.token);
      const mine = async (s: Session) => (await t.ok(`{ myEnrollments { cohort { id } status } }`, {}, s.token)).myEnrollments;
      expect(await mine(a.client)).toEqual([{ cohort: { id: c.id }, status: 'GRADUATED' }]);
      expect(await mine(b.client)).toEqual([{ cohort: { id: c.id }, status: 'WITHDRAWN' }]);
      expect((await mine(w.client))[0].status).not.toBe('WAITLISTED');
      // The new alumnus is told, in the same transaction; nobody else hears about the graduation.
      const graduation = async (s: Session) =>
        (await t.db.query(`SELECT subject FROM notifications WHERE user_id = $1 AND dedupe_key LIKE '%:GRADUATED:%'`, [s.user.id])) as { subject: string }[];
      expect(await graduation(a.client)).toHaveLength(1);
      expect((await graduation(a.client))[0].subject).toContain('Autumn Circle');
      expect(await graduation(b.client)).toEqual([]);
      expect(await graduation(w.client)).toEqual([]);
    });
  });

  describe('applications', () => {
    it('lets a client apply once to an ENROLLING cohort and nowhere else', async () => {
      const draft = await cohort(3, 'DRAFT');
      const open = await cohort(3);
      const client = await t.user(Role.CLIENT);
      expect(codes(await t.gql(APPLY, { cohortId: draft.id }, client.token))).toEqual(['CONFLICT']);
      const applied = (await t.ok(APPLY, { cohortId: open.id, motivation: 'Ready.' }, client.token)).applyToCohort;
      expect(applied).toMatchObject({ status: 'APPLIED', motivation: 'Ready.', client: { id: client.user.id } });
      expect(codes(await t.gql(APPLY, { cohortId: open.id }, client.token))).toEqual(['CONFLICT']);
      expect(codes(await t.gql(APPLY, { cohortId: '00000000-0000-4000-8000-000000000000' }, client.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(APPLY, { cohortId: 'not-a-uuid' }, client.token))).toEqual(['BAD_USER_INPUT']);
    });

    it('does not let coaches or admins apply', async () => {
      const open = await cohort(3);
      const coach = await t.user(Role.COACH);
      expect(codes(await t.gql(APPLY, { cohortId: open.id }, coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(APPLY, { cohortId: open.id }, admin.token))).toEqual(['FORBIDDEN']);
    });

    it('only lets admins decide', async () => {
      const open = await cohort(3);
      const { client, enrollmentId } = await applicant(open.id);
      const coach = await t.user(Role.COACH);
      await t.ok(`mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }`, { c: open.id, u: coach.user.id }, admin.token);
      for (const caller of [client, coach]) {
        expect(codes(await t.gql(DECIDE, { id: enrollmentId, decision: 'ACCEPT' }, caller.token))).toEqual(['FORBIDDEN']);
      }
      expect((await t.ok(`{ myEnrollments { status } }`, {}, client.token)).myEnrollments).toEqual([{ status: 'APPLIED' }]);
    });
  });

  describe('capacity', () => {
    it('refuses to accept beyond capacity with CONFLICT', async () => {
      const c = await cohort(1);
      const first = await applicant(c.id);
      const second = await applicant(c.id);
      await t.ok(DECIDE, { id: first.enrollmentId, decision: 'ACCEPT' }, admin.token);
      const refused = await t.gql(DECIDE, { id: second.enrollmentId, decision: 'ACCEPT' }, admin.token);
      expect(codes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors?.[0].message).toMatch(/full/);
      const after = (await t.ok(ENROLLMENTS, { id: c.id }, admin.token)).cohort;
      expect(after.enrolledCount).toBe(1);
      expect(after.enrollments.find((e: { id: string }) => e.id === second.enrollmentId).status).toBe('APPLIED');
    });

    it('never overfills a cohort under concurrent accepts', async () => {
      const capacity = 3;
      const c = await cohort(capacity);
      const applicants = await Promise.all(Array.from({ length: 10 }, () => applicant(c.id)));
      const results = await Promise.all(applicants.map((a) => t.gql(DECIDE, { id: a.enrollmentId, decision: 'ACCEPT' }, admin.token)));
      const accepted = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(accepted).toHaveLength(capacity);
      expect(refused.map((r) => codes(r)[0])).toEqual(Array(10 - capacity).fill('CONFLICT'));
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1 AND status = 'ENROLLED'`, [c.id]);
      expect(n).toBe(capacity);
    });
  });

  describe('waitlist', () => {
    it('keeps its order, frees seats on withdrawal and promotes the first in line unless another is chosen', async () => {
      const c = await cohort(1);
      const seated = await applicant(c.id);
      await t.ok(DECIDE, { id: seated.enrollmentId, decision: 'ACCEPT' }, admin.token);
      const line = [];
      for (let i = 0; i < 3; i++) {
        const a = await applicant(c.id);
        await t.ok(DECIDE, { id: a.enrollmentId, decision: 'WAITLIST' }, admin.token);
        line.push(a);
      }
      const positions = async () => {
        const data = (await t.ok(ENROLLMENTS, { id: c.id, status: 'WAITLISTED' }, admin.token)).cohort;
        return { count: data.waitlistCount, order: data.enrollments.map((e: { id: string; waitlistPosition: number }) => [e.id, e.waitlistPosition]) };
      };
      expect(await positions()).toEqual({ count: 3, order: line.map((a, i) => [a.enrollmentId, i + 1]) });

      // No free seat yet: promotion is a conflict.
      expect(codes(await t.gql(PROMOTE, { cohortId: c.id }, admin.token))).toEqual(['CONFLICT']);

      // The seated client withdraws: the first in line gets the seat.
      await t.ok(WITHDRAW, { id: seated.enrollmentId }, seated.client.token);
      const promoted = (await t.ok(PROMOTE, { cohortId: c.id }, admin.token)).promoteFromWaitlist;
      expect(promoted).toEqual({ id: line[0].enrollmentId, status: 'ENROLLED' });
      expect(await positions()).toEqual({ count: 2, order: [[line[1].enrollmentId, 1], [line[2].enrollmentId, 2]] });

      // An admin withdraws the newly seated client, then picks the last in line instead of the first.
      await t.ok(WITHDRAW, { id: line[0].enrollmentId }, admin.token);
      const chosen = (await t.ok(PROMOTE, { cohortId: c.id, id: line[2].enrollmentId }, admin.token)).promoteFromWaitlist;
      expect(chosen).toEqual({ id: line[2].enrollmentId, status: 'ENROLLED' });
      expect(await positions()).toEqual({ count: 1, order: [[line[1].enrollmentId, 1]] });

      // A client sees their own position.
      const mine = (await t.ok(`{ myEnrollments { status waitlistPosition } }`, {}, line[1].client.token)).myEnrollments;
      expect(mine).toEqual([{ status: 'WAITLISTED', waitlistPosition: 1 }]);
    });

    it('tells a client withdrawn by an admin that the program team did it, for what they had, and tells no one who withdrew', async () => {
      const c = await cohort(1);
      const applied = await applicant(c.id);
      const waiting = await applicant(c.id);
      const self = await applicant(c.id);
      await t.ok(DECIDE, { id: waiting.enrollmentId, decision: 'WAITLIST' }, admin.token);
      await t.ok(WITHDRAW, { id: applied.enrollmentId }, admin.token);
      await t.ok(WITHDRAW, { id: waiting.enrollmentId }, admin.token);
      await t.ok(WITHDRAW, { id: self.enrollmentId }, self.client.token);
      const withdrawalNotices = async (token: string) =>
        (await t.ok(`{ myNotifications { kind subject body } }`, {}, token)).myNotifications.filter((n: { subject: string }) => n.subject.startsWith('About your place'));
      const [toApplicant] = await withdrawalNotices(applied.client.token);
      expect(toApplicant.kind).toBe('ENROLLMENT_UPDATE');
      expect(toApplicant.body).toContain(`The program team has withdrawn your application to ${c.name}.`);
      const [toWaiting] = await withdrawalNotices(waiting.client.token);
      expect(toWaiting.body).toContain(`The program team has withdrawn your place on the waitlist for ${c.name}.`);
      // Nobody who never met the group is thanked for their time with it.
      for (const notice of [toApplicant, toWaiting]) expect(notice.body).not.toMatch(/time you spent with the group|you withdrew|you have left/i);
      expect(await withdrawalNotices(self.client.token)).toEqual([]);
      // Their own screens say who did it, too.
      const byTeam = async (token: string) => (await t.ok(`{ myEnrollments { withdrawnByTeam } }`, {}, token)).myEnrollments;
      expect(await byTeam(applied.client.token)).toEqual([{ withdrawnByTeam: true }]);
      expect(await byTeam(self.client.token)).toEqual([{ withdrawnByTeam: false }]);
    });

    it('lets only the client or an admin withdraw', async () => {
      const c = await cohort(2);
      const a = await applicant(c.id);
      const other = await t.user(Role.CLIENT);
      expect(codes(await t.gql(WITHDRAW, { id: a.enrollmentId }, other.token))).toEqual(['FORBIDDEN']);
      expect((await t.ok(WITHDRAW, { id: a.enrollmentId }, a.client.token)).withdrawEnrollment.status).toBe('WITHDRAWN');
      expect(codes(await t.gql(WITHDRAW, { id: a.enrollmentId }, a.client.token))).toEqual(['CONFLICT']);
    });
  });

  describe('who sees what', () => {
    it('shows a client only their own enrollments and hides cohort enrollments from them', async () => {
      const c = await cohort(3);
      const a = await applicant(c.id);
      const b = await applicant(c.id);
      const mine = (await t.ok(`{ myEnrollments { id client { id } } }`, {}, a.client.token)).myEnrollments;
      expect(mine).toEqual([{ id: a.enrollmentId, client: { id: a.client.user.id } }]);
      const result = await t.gql(ENROLLMENTS, { id: c.id }, b.client.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(result)).not.toContain(a.client.user.id);
    });

    it('shows a coach only the cohorts they run, with their enrollments', async () => {
      const mineCohort = await cohort(3);
      const otherCohort = await cohort(3);
      const coach = await t.user(Role.COACH);
      await t.ok(`mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }`, { c: mineCohort.id, u: coach.user.id }, admin.token);
      const a = await applicant(mineCohort.id);
      const listed = (await t.ok(`{ cohorts { id } }`, {}, coach.token)).cohorts.map((c: { id: string }) => c.id);
      expect(listed).toEqual([mineCohort.id]);
      const enrollments = (await t.ok(ENROLLMENTS, { id: mineCohort.id }, coach.token)).cohort.enrollments;
      expect(enrollments.map((e: { id: string }) => e.id)).toEqual([a.enrollmentId]);
      expect(codes(await t.gql(ENROLLMENTS, { id: otherCohort.id }, coach.token))).toEqual(['FORBIDDEN']);
    });

    it('shows clients enrolling cohorts and their own, never drafts', async () => {
      const draft = await cohort(3, 'DRAFT');
      const open = await cohort(3);
      const client = await t.user(Role.CLIENT);
      const listed = (await t.ok(`{ cohorts { id } }`, {}, client.token)).cohorts.map((c: { id: string }) => c.id);
      expect(listed).toContain(open.id);
      expect(listed).not.toContain(draft.id);
      expect(codes(await t.gql(`query($id: ID!) { cohort(id: $id) { id } }`, { id: draft.id }, client.token))).toEqual(expect.arrayContaining([expect.stringMatching(/FORBIDDEN|NOT_FOUND/)]));
    });

    it('lists users only for admins', async () => {
      const client = await t.user(Role.CLIENT);
      const coach = await t.user(Role.COACH);
      const query = `{ users(role: CLIENT) { id } }`;
      expect(codes(await t.gql(query, {}, client.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(query, {}, coach.token))).toEqual(['FORBIDDEN']);
      const ids = (await t.ok(query, {}, admin.token)).users.map((u: { id: string }) => u.id);
      expect(ids).toContain(client.user.id);
      expect(ids).not.toContain(coach.user.id);
    });
  });
});
