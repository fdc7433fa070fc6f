import { GraphQLSchemaHost } from '@nestjs/graphql';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { GraphQLObjectType, isObjectType } from 'graphql';
import { Role } from '@anchored/domain';
import { ACTORS, Actor, OPEN_FIELDS, PRIVATE_FIELDS, ROOT_FIELDS } from '../src/access/access-table';
import { APPLY, ASSIGN_COACH, CREATE_COHORT, DECIDE, SET_COHORT_STATUS } from './coaching-fixtures';
import { totpCode } from '../src/two-factor/totp';
import { GqlResult, PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

/**
 * Walks the whole schema against the access table (apps/api/src/access/access-table.ts): every
 * root field for every role, and every private field by every path that returns it, over the real
 * API and Postgres, on one set of fixtures. A root field without a row, an object field in
 * neither PRIVATE_FIELDS nor OPEN_FIELDS, or a row without a probe here fails the build.
 */

const TZ = 'Europe/Berlin';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const daysFromNow = (days: number) => DateTime.now().setZone(TZ).plus({ days }).toFormat('yyyy-MM-dd');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const ANSWER = { location: 'I could not tell yet', groundedness: 5, returnPractice: 'Walking.' };
const TEMPLATE = { title: 'Evening notes', instructions: '', fields: [{ key: 'note', label: 'A note', kind: 'TEXT', required: true }] };

interface Fixtures {
  sessions: Record<Exclude<Actor, 'anonymous'>, Session>;
  admin: Session;
  spareCoach: Session;
  cohort: string;
  otherCohort: string;
  openCohort: string;
  session: string;
  reviewed: string;
  reviewedSubmission: string;
  openAssignment: string;
  clientEnrollment: string;
  otherClientEnrollment: string;
  notificationOf: Map<string, string>;
  /** The cohort's client's check-in of today, with a note. */
  checkIn: string;
  /** The client's conversation with the coach, and the client's message in it (it reads like a crisis). */
  conversation: string;
  message: string;
}

interface Call {
  vars?: Record<string, unknown>;
  /** Use this token instead of the actor's (e.g. a second login for logOut). */
  token?: string;
}

interface Case {
  op: string;
  /** Valid arguments for this actor (for `own` rows: the actor's own things). */
  call?: (actor: Actor, s: Session | undefined) => Promise<Call> | Call;
  /** For `own` rows: someone else's thing, which must be refused and left unchanged. */
  others?: (actor: Actor, s: Session) => Promise<Call> | Call;
}

describe('authorization: every root field and private field, every role, against the access table', () => {
  let t: TestApp;
  let fx: Fixtures;
  const prefix = `authz-${process.pid}-${randomUUID().slice(0, 6)}`;

  const gql = (op: string, vars: Record<string, unknown> = {}, token?: string) => t.gql(op, vars, token);

  /** A client with an open application to a fresh ENROLLING cohort: returns the enrollment id. */
  async function freshApplication(client?: Session): Promise<{ cohortId: string; enrollmentId: string; client: Session }> {
    const who = client ?? (await t.user(Role.CLIENT));
    const cohortId = (await t.ok(CREATE_COHORT, { input: { name: 'Spare', startsOn: daysFromNow(30), timezone: TZ, capacity: 5 } }, fx.admin.token)).createCohort.id;
    await t.ok(SET_COHORT_STATUS, { id: cohortId, status: 'ENROLLING' }, fx.admin.token);
    const enrollmentId = (await t.ok(APPLY, { cohortId }, who.token)).applyToCohort.id;
    return { cohortId, enrollmentId, client: who };
  }

  async function freshInvitation(): Promise<string> {
    return (await t.ok(`mutation($input: InviteInput!) { inviteUser(input: $input) { id } }`, { input: { email: uniqueEmail('invite'), role: 'COACH' } }, fx.admin.token)).inviteUser.id;
  }

  const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
  async function freshAssignment(): Promise<string> {
    return (await t.ok(ASSIGN, { input: { cohortId: fx.cohort, templateKey: 'where-am-i-located', dueAt: inHours(96) } }, fx.sessions.coach.token)).assignHomework.id;
  }

  /** A submission of the fixture client that is not reviewed yet. */
  async function freshSubmission(): Promise<string> {
    const a = await freshAssignment();
    return (await t.ok(`mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`, { a, r: ANSWER }, fx.sessions.client.token)).submitHomework.id;
  }

  /** A weekly series in the fixture cohort and the day (in its timezone) of its first session still to come. */
  async function freshSeries(): Promise<{ seriesId: string; firstDay: string }> {
    const created = (
      await t.ok(
        `mutation($input: ScheduleSeriesInput!) { scheduleSessionSeries(input: $input) { seriesId startsAt } }`,
        { input: { cohortId: fx.cohort, title: 'Weekly', weekdays: [5], localTime: '18:00', durationMinutes: 60 } },
        fx.admin.token,
      )
    ).scheduleSessionSeries as { seriesId: string; startsAt: string }[];
    const next = created.find((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000) as { seriesId: string; startsAt: string };
    return { seriesId: next.seriesId, firstDay: DateTime.fromISO(next.startsAt, { zone: TZ }).toISODate() as string };
  }

  async function freshSession(): Promise<string> {
    return (await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input: { cohortId: fx.cohort, title: 'Extra', startsAt: inHours(72), durationMinutes: 60 } }, fx.admin.token)).createSession.id;
  }

  /** A usable one-time link token of a fresh account (stored as sha256, like the API does). */
  async function accountToken(purpose: 'RESET_PASSWORD' | 'VERIFY_EMAIL'): Promise<string> {
    const owner = await t.user(Role.CLIENT);
    const token = `${randomUUID()}${randomUUID()}`;
    await t.db.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, $2, encode(sha256($3::bytea), 'hex'), $4, now() + interval '1 hour')`,
      [owner.user.id, purpose, token, owner.user.email],
    );
    return token;
  }

  /** A fresh template owned by `owner` (a coach): its key. */
  async function freshTemplate(owner: Session): Promise<string> {
    return (await t.ok(`mutation($input: HomeworkTemplateInput!) { createHomeworkTemplate(input: $input) { key } }`, { input: TEMPLATE }, owner.token)).createHomeworkTemplate.key;
  }

  /**
   * A fresh account of a staff actor's role (the fixtures' people keep logging in with the password
   * alone), with two-factor sign-in set up (`confirmed`: on, with its recovery codes); none for
   * clients and anonymous callers, who are refused before any of it matters.
   */
  async function freshStaff(actor: Actor, confirmed: boolean): Promise<{ s: Session; secret: string; recovery: string[] } | undefined> {
    if (actor !== 'admin' && actor !== 'coach' && actor !== 'otherCoach') return undefined;
    const s = await t.user(actor === 'admin' ? Role.ADMIN : Role.COACH);
    const { secret } = (await t.ok(`mutation { startTwoFactorSetup { secret } }`, {}, s.token)).startTwoFactorSetup;
    const recovery = confirmed ? (await t.ok(`mutation($c: String!) { confirmTwoFactorSetup(code: $c) }`, { c: await totpCode(secret) }, s.token)).confirmTwoFactorSetup : [];
    return { s, secret, recovery };
  }

  /** The login (refresh-token family) an access token belongs to. */
  const familyOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())['sid'];

  /** Everything a denied call could have changed. */
  async function fingerprint(): Promise<string> {
    const tables = ['users', 'cohorts', 'cohort_coaches', 'enrollments', 'sessions', 'attendance', 'homework_assignments', 'submissions', 'homework_templates', 'homework_template_versions', 'homework_uploads', 'invitations', 'notifications', 'cohort_audit_log', 'refresh_tokens', 'posts', 'post_replies', 'post_reactions', 'post_reports'];
    const parts = await Promise.all(tables.map(async (table) => (await t.db.query(`SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM ${table} x`))[0].h as string));
    return parts.join(':');
  }

  const CASES: Record<string, Case> = {
    'Query.assignment': { op: `query($id: ID!) { assignment(id: $id) { id } }`, call: () => ({ vars: { id: fx.reviewed } }) },
    'Query.cohort': { op: `query($id: ID!) { cohort(id: $id) { id } }`, call: () => ({ vars: { id: fx.cohort } }) },
    'Query.buddyPairs': { op: `query($c: ID!) { buddyPairs(cohortId: $c) { id members { id } } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Query.myBuddy': { op: `query($c: ID!) { myBuddy(cohortId: $c) { id } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Query.previewBuddyPairs': {
      op: `query($c: ID!) { previewBuddyPairs(cohortId: $c) { overlapMinutes members { id } } }`,
      call: async () => {
        await secondBuddy();
        return { vars: { c: fx.cohort } };
      },
    },
    'Mutation.pairBuddies': {
      op: `mutation($c: ID!) { pairBuddies(cohortId: $c) { id } }`,
      call: async () => {
        await secondBuddy();
        return { vars: { c: fx.cohort } };
      },
    },
    'Mutation.shareWeatherWithBuddy': {
      op: `mutation($c: ID!) { shareWeatherWithBuddy(cohortId: $c, share: true) { id } }`,
      call: async (actor) => {
        if (actor === 'client') await pairedBuddies();
        return { vars: { c: fx.cohort } };
      },
    },
    'Query.cohortAuditLog': { op: `query($id: ID!) { cohortAuditLog(cohortId: $id) { id } }`, call: () => ({ vars: { id: fx.cohort } }) },
    'Query.cohortProgress': { op: `query($id: ID!) { cohortProgress(cohortId: $id) { submitted } }`, call: () => ({ vars: { id: fx.cohort } }) },
    'Query.cohorts': { op: `{ cohorts { id } }` },
    'Query.curriculum': { op: `{ curriculum { key } }` },
    'Query.curriculumWeek': { op: `{ curriculumWeek(week: 1) { key } }` },
    'Query.openCohorts': { op: `{ openCohorts { id coaches { name } } }` },
    'Query.homeworkTemplates': { op: `{ homeworkTemplates { key } }` },
    'Query.invitations': { op: `{ invitations { id } }` },
    'Query.applications': { op: `query($c: ID) { applications(filter: { cohortId: $c }) { id } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Query.me': { op: `{ me { id } }` },
    'Query.myAccessLog': { op: `{ myAccessLog { subjectId } }` },
    'Query.myDataExports': { op: `{ myDataExports { id status } }` },
    'Query.myEnrollments': { op: `{ myEnrollments { id } }` },
    'Query.myLoginSessions': { op: `{ myLoginSessions { id current } }` },
    'Query.myNotifications': { op: `{ myNotifications { id } }` },
    'Query.mySubmissions': { op: `{ mySubmissions { id } }` },
    'Query.myHomeworkTemplates': { op: `{ myHomeworkTemplates { key version source } }` },
    'Mutation.createHomeworkTemplate': { op: `mutation($input: HomeworkTemplateInput!) { createHomeworkTemplate(input: $input) { key version } }`, call: () => ({ vars: { input: TEMPLATE } }) },
    'Mutation.updateHomeworkTemplate': {
      op: `mutation($k: String!, $input: HomeworkTemplateInput!) { updateHomeworkTemplate(key: $k, input: $input) { key version } }`,
      call: async (actor, s) => ({ vars: { k: await freshTemplate(s && (actor === 'coach' || actor === 'otherCoach') ? s : fx.sessions.coach), input: TEMPLATE } }),
      others: async (actor) => ({ vars: { k: await freshTemplate(actor === 'coach' ? fx.sessions.otherCoach : fx.sessions.coach), input: TEMPLATE } }),
    },
    'Query.myConversations': { op: `{ myConversations { id } }` },
    'Query.conversation': { op: `query($id: ID!) { conversation(id: $id) { id participants { id } } }`, call: () => ({ vars: { id: fx.conversation } }) },
    'Mutation.startConversation': {
      op: `mutation($c: ID!, $u: ID!) { startConversation(cohortId: $c, withUserId: $u) { id } }`,
      call: (actor) => ({ vars: { c: fx.cohort, u: (actor === 'coach' ? fx.sessions.client : fx.sessions.coach).user.id } }),
    },
    'Mutation.sendMessage': { op: `mutation($id: ID!) { sendMessage(conversationId: $id, body: "hello") { id } }`, call: () => ({ vars: { id: fx.conversation } }) },
    'Mutation.markConversationRead': { op: `mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, call: () => ({ vars: { id: fx.conversation } }) },
    'Query.queueDashboardUrl': { op: `{ queueDashboardUrl }` },
    'Query.unreadNotificationCount': { op: `{ unreadNotificationCount }` },
    'Query.users': { op: `{ users { id } }` },
    'Query.cohortFeed': { op: `query($c: ID!) { cohortFeed(cohortId: $c) { id body } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Query.post': { op: `query($id: ID!) { post(id: $id) { id body } }`, call: () => ({ vars: { id: circle.post } }) },
    'Mutation.createPost': { op: `mutation($c: ID!) { createPost(input: { cohortId: $c, body: "Hello, circle" }) { id } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Mutation.editPost': {
      op: `mutation($p: ID!) { editPost(postId: $p, body: "Edited") { id } }`,
      call: async (actor, s) => ({ vars: { p: await freshPost(s && (actor === 'client' || actor === 'coach') ? s : fx.sessions.client) } }),
      others: async (actor) => ({ vars: { p: await freshPost(actor === 'client' ? fx.sessions.coach : fx.sessions.client) } }),
    },
    'Mutation.deletePost': {
      op: `mutation($p: ID!) { deletePost(postId: $p) { id removed } }`,
      call: async () => ({ vars: { p: await freshPost(fx.sessions.client) } }),
      others: async () => ({ vars: { p: await freshPost(fx.sessions.coach) } }),
    },
    'Mutation.deleteReply': {
      op: `mutation($r: ID!) { deleteReply(replyId: $r) { id removed } }`,
      call: async () => ({ vars: { r: await freshReply(fx.sessions.client) } }),
      others: async () => ({ vars: { r: await freshReply(fx.sessions.coach) } }),
    },
    'Mutation.hidePost': { op: `mutation($p: ID!) { hidePost(postId: $p, reason: "Off topic") { id hidden } }`, call: async () => ({ vars: { p: await freshPost(fx.sessions.client) } }) },
    'Mutation.pinPost': { op: `mutation($p: ID!) { pinPost(postId: $p, pinned: true) { id pinned } }`, call: () => ({ vars: { p: circle.post } }) },
    'Mutation.react': { op: `mutation($p: ID!) { react(postId: $p, reaction: HEART) { id } }`, call: () => ({ vars: { p: circle.post } }) },
    'Mutation.replyToPost': { op: `mutation($p: ID!) { replyToPost(postId: $p, body: "Thank you") { id } }`, call: () => ({ vars: { p: circle.post } }) },
    'Mutation.reportPost': { op: `mutation($p: ID!) { reportPost(postId: $p, reason: "Please look") }`, call: () => ({ vars: { p: circle.post } }) },
    /** Always the cohort's client's own submission: anyone else sharing it is refused. */
    'Mutation.shareReflection': {
      op: `mutation($s: ID!) { shareReflection(input: { submissionId: $s, fieldKeys: ["location"] }) { id } }`,
      call: () => ({ vars: { s: fx.reviewedSubmission } }),
    },

    'Mutation.acceptInvitation': {
      op: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }`,
      call: async () => {
        const { inviteUser } = await t.ok(`mutation($input: InviteInput!) { inviteUser(input: $input) { token } }`, { input: { email: uniqueEmail('invited'), role: 'CLIENT' } }, fx.admin.token);
        return { vars: { input: { token: inviteUser.token, name: 'Invited Person', password: PASSWORD } } };
      },
    },
    'Mutation.applyToCohort': { op: `mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }`, call: () => ({ vars: { c: fx.openCohort } }) },
    'Mutation.assignCoach': { op: `mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }`, call: () => ({ vars: { c: fx.openCohort, u: fx.spareCoach.user.id } }) },
    'Mutation.assignHomework': {
      op: `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`,
      call: () => ({ vars: { input: { cohortId: fx.cohort, templateKey: 'where-am-i-located', dueAt: inHours(96) } } }),
    },
    'Mutation.cancelSession': { op: `mutation($s: ID!) { cancelSession(sessionId: $s) { id } }`, call: async () => ({ vars: { s: await freshSession() } }) },
    'Mutation.createCohort': {
      op: `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`,
      call: () => ({ vars: { input: { name: 'New Circle', startsOn: daysFromNow(60), timezone: TZ, capacity: 4 } } }),
    },
    'Mutation.updateCohort': {
      op: `mutation($c: ID!) { updateCohort(cohortId: $c, input: { description: "Updated by the authorization walk" }) { id } }`,
      call: () => ({ vars: { c: fx.openCohort } }),
    },
    'Mutation.createSession': {
      op: `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      call: () => ({ vars: { input: { cohortId: fx.cohort, title: 'Circle', startsAt: inHours(48), durationMinutes: 60 } } }),
    },
    /** To the same password: the actor keeps logging in with PASSWORD in later cases. */
    'Mutation.changePassword': { op: `mutation($p: String!) { changePassword(currentPassword: $p, newPassword: $p) }`, call: () => ({ vars: { p: PASSWORD } }) },
    /** A fresh staff account with a setup waiting for its first code. */
    'Mutation.confirmTwoFactorSetup': {
      op: `mutation($c: String!) { confirmTwoFactorSetup(code: $c) }`,
      call: async (actor) => {
        const staff = await freshStaff(actor, false);
        return staff ? { vars: { c: await totpCode(staff.secret) }, token: staff.s.token } : { vars: { c: '123456' } };
      },
    },
    'Mutation.confirmEmail': { op: `mutation($t: String!) { confirmEmail(token: $t) }`, call: async () => ({ vars: { t: await accountToken('VERIFY_EMAIL') } }) },
    /** A fresh account of the actor's role each time (the fixtures' people stay). */
    'Mutation.deleteMyAccount': {
      op: `mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`,
      call: async (actor) => {
        const role = actor === 'admin' ? Role.ADMIN : actor === 'coach' || actor === 'otherCoach' ? Role.COACH : Role.CLIENT;
        return { vars: { p: PASSWORD }, token: actor === 'anonymous' ? undefined : (await t.user(role)).token };
      },
    },
    /** A fresh staff account with two-factor sign-in on, turned off with a recovery code. */
    'Mutation.disableTwoFactor': {
      op: `mutation($p: String!, $c: String!) { disableTwoFactor(currentPassword: $p, code: $c) }`,
      call: async (actor) => {
        const staff = await freshStaff(actor, true);
        return staff ? { vars: { p: PASSWORD, c: staff.recovery[0] }, token: staff.s.token } : { vars: { p: PASSWORD, c: '123456' } };
      },
    },
    'Mutation.decideApplication': {
      op: `mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: WAITLIST) { id } }`,
      call: async () => ({ vars: { e: (await freshApplication()).enrollmentId } }),
    },
    'Mutation.decideApplications': {
      op: `mutation($e: ID!) { decideApplications(input: { enrollmentIds: [$e], decision: WAITLIST }) { enrollmentId errorCode } }`,
      call: async () => ({ vars: { e: (await freshApplication()).enrollmentId } }),
    },
    'Mutation.inviteUser': { op: `mutation($input: InviteInput!) { inviteUser(input: $input) { id } }`, call: () => ({ vars: { input: { email: uniqueEmail('invite'), role: 'COACH' } } }) },
    'Mutation.resendInvitation': { op: `mutation($id: ID!) { resendInvitation(id: $id) { id } }`, call: async () => ({ vars: { id: await freshInvitation() } }) },
    'Mutation.revokeInvitation': { op: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, call: async () => ({ vars: { id: await freshInvitation() } }) },
    'Mutation.logIn': { op: `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, call: () => ({ vars: { input: { email: fx.sessions.client.user.email, password: PASSWORD } } }) },
    'Mutation.logOut': { op: `mutation { logOut }`, call: async (_actor, s) => ({ token: s ? (await t.logIn(s.user.email)).token : undefined }) },
    'Mutation.markAllNotificationsRead': { op: `mutation { markAllNotificationsRead }` },
    'Mutation.markNotificationRead': {
      op: `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
      call: (_actor, s) => ({ vars: { id: s ? fx.notificationOf.get(s.user.id) : fx.notificationOf.get(fx.sessions.client.user.id) } }),
      others: (actor) => ({ vars: { id: fx.notificationOf.get((actor === 'client' ? fx.sessions.otherClient : fx.sessions.client).user.id) } }),
    },
    'Mutation.promoteFromWaitlist': {
      op: `mutation($c: ID!, $e: ID) { promoteFromWaitlist(cohortId: $c, enrollmentId: $e) { id } }`,
      call: async () => {
        const { cohortId, enrollmentId } = await freshApplication();
        await t.ok(DECIDE, { id: enrollmentId, decision: 'WAITLIST' }, fx.admin.token);
        return { vars: { c: cohortId, e: enrollmentId } };
      },
    },
    'Mutation.recordAttendance': {
      op: `mutation($s: ID!, $c: ID!) { recordAttendance(sessionId: $s, clientId: $c, status: PRESENT) { status } }`,
      call: () => ({ vars: { s: fx.session, c: fx.sessions.client.user.id } }),
    },
    'Mutation.refreshSession': {
      op: `mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }`,
      call: async () => ({ vars: { r: (await t.logIn(fx.sessions.client.user.email)).refreshToken } }),
    },
    'Mutation.regenerateRecoveryCodes': {
      op: `mutation($c: String!) { regenerateRecoveryCodes(code: $c) }`,
      call: async (actor) => {
        const staff = await freshStaff(actor, true);
        return staff ? { vars: { c: staff.recovery[0] }, token: staff.s.token } : { vars: { c: '123456' } };
      },
    },
    /** To a new address each time; nothing changes until its link is followed. */
    'Mutation.requestEmailChange': { op: `mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, currentPassword: $p) }`, call: () => ({ vars: { e: uniqueEmail('moved'), p: PASSWORD } }) },
    'Mutation.requestPasswordReset': { op: `mutation($e: String!) { requestPasswordReset(email: $e) }`, call: () => ({ vars: { e: uniqueEmail('forgot') } }) },
    'Mutation.resendVerificationEmail': { op: `mutation { resendVerificationEmail }` },
    /** For a fresh account each time: a reset ends every login of its user. */
    'Mutation.resetPassword': { op: `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, call: async () => ({ vars: { t: await accountToken('RESET_PASSWORD'), p: PASSWORD } }) },
    'Mutation.rescheduleSession': { op: `mutation($s: ID!, $at: DateTime!) { rescheduleSession(sessionId: $s, startsAt: $at) { id } }`, call: async () => ({ vars: { s: await freshSession(), at: inHours(100) } }) },
    'Mutation.revokeLoginSession': {
      op: `mutation($id: ID!) { revokeLoginSession(id: $id) }`,
      // A second login of the actor (of a client for anonymous callers), so the fixture logins stay.
      call: async (_actor, s) => ({ vars: { id: familyOf((await t.logIn((s ?? fx.sessions.client).user.email)).token) } }),
      others: async (actor) => ({ vars: { id: familyOf((await t.logIn((actor === 'client' ? fx.sessions.otherClient : fx.sessions.client).user.email)).token) } }),
    },
    'Mutation.reviewSubmission': { op: `mutation($s: ID!) { reviewSubmission(submissionId: $s, feedback: "Well noticed.") { id } }`, call: async () => ({ vars: { s: await freshSubmission() } }) },
    'Mutation.editFeedback': { op: `mutation($s: ID!) { editFeedback(submissionId: $s, feedback: "Well noticed, on reflection.") { id } }`, call: () => ({ vars: { s: fx.reviewedSubmission } }) },
    'Mutation.updateAssignment': { op: `mutation($a: ID!) { updateAssignment(input: { assignmentId: $a, title: "Where am I, renamed" }) { id } }`, call: () => ({ vars: { a: fx.openAssignment } }) },
    'Mutation.deleteAssignment': { op: `mutation($a: ID!) { deleteAssignment(assignmentId: $a) }`, call: async () => ({ vars: { a: await freshAssignment() } }) },
    'Mutation.updateSession': { op: `mutation($s: ID!) { updateSession(input: { sessionId: $s, title: "Renamed" }) { id } }`, call: async () => ({ vars: { s: await freshSession() } }) },
    'Mutation.cancelSessionSeries': { op: `mutation($id: ID!) { cancelSessionSeries(seriesId: $id) { id } }`, call: async () => ({ vars: { id: (await freshSeries()).seriesId } }) },
    'Mutation.skipSeriesDates': {
      op: `mutation($id: ID!, $d: [String!]!) { skipSeriesDates(seriesId: $id, dates: $d) { id } }`,
      call: async () => {
        const { seriesId, firstDay } = await freshSeries();
        return { vars: { id: seriesId, d: [firstDay] } };
      },
    },
    'Mutation.requestDataExport': { op: `mutation { requestDataExport { id status } }` },
    'Mutation.rotateCalendarToken': { op: `mutation { rotateCalendarToken { id } }` },
    'Mutation.scheduleSessionSeries': {
      op: `mutation($input: ScheduleSeriesInput!) { scheduleSessionSeries(input: $input) { id } }`,
      call: () => ({ vars: { input: { cohortId: fx.cohort, title: 'Weekly', weekdays: [3], localTime: '18:00', durationMinutes: 60 } } }),
    },
    'Mutation.setCohortStatus': {
      op: `mutation($id: ID!) { setCohortStatus(cohortId: $id, status: ENROLLING) { id } }`,
      call: async () => ({ vars: { id: (await t.ok(CREATE_COHORT, { input: { name: 'Draft', startsOn: daysFromNow(40), timezone: TZ, capacity: 3 } }, fx.admin.token)).createCohort.id } }),
    },
    'Mutation.signUp': { op: `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, call: () => ({ vars: { input: { email: uniqueEmail('new'), password: PASSWORD, name: 'New Person' } } }) },
    /** A setup waiting for its first code changes nothing for logging in: the fixtures' staff may start one. */
    'Mutation.startTwoFactorSetup': { op: `mutation { startTwoFactorSetup { secret } }` },
    'Mutation.checkIn': { op: `mutation { checkIn(input: { location: WITH_MYSELF, state: SETTLED, anchored: 6, note: "private-note" }) { id } }` },
    'Query.myCheckIns': { op: `{ myCheckIns { id } }` },
    'Query.clientCheckIns': { op: `query($c: ID!, $u: ID!) { clientCheckIns(cohortId: $c, clientId: $u) { id } }`, call: () => ({ vars: { c: fx.cohort, u: fx.sessions.client.user.id } }) },
    'Query.cohortWeather': { op: `query($c: ID!) { cohortWeather(cohortId: $c) { clientsCheckedIn } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Query.myCheckInTrend': { op: `query($c: ID!) { myCheckInTrend(cohortId: $c) { streak { current } } }`, call: () => ({ vars: { c: fx.cohort } }) },
    'Mutation.saveHomeworkDraft': { op: `mutation($a: ID!) { saveHomeworkDraft(assignmentId: $a, responses: {}) { savedAt } }`, call: () => ({ vars: { a: fx.openAssignment } }) },
    'Mutation.discardHomeworkDraft': { op: `mutation($a: ID!) { discardHomeworkDraft(assignmentId: $a) }`, call: () => ({ vars: { a: fx.openAssignment } }) },
    'Mutation.saveFeedbackDraft': { op: `mutation($s: ID!) { saveFeedbackDraft(submissionId: $s, feedback: "Half a thought") { savedAt } }`, call: () => ({ vars: { s: fx.reviewedSubmission } }) },
    'Mutation.discardFeedbackDraft': { op: `mutation($s: ID!) { discardFeedbackDraft(submissionId: $s) }`, call: () => ({ vars: { s: fx.reviewedSubmission } }) },
    'Mutation.submitHomework': { op: `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`, call: () => ({ vars: { a: fx.openAssignment, r: ANSWER } }) },
    'Mutation.unassignCoach': { op: `mutation($c: ID!, $u: ID!) { unassignCoach(cohortId: $c, coachId: $u) { id } }`, call: () => ({ vars: { c: fx.openCohort, u: fx.spareCoach.user.id } }) },
    'Mutation.updateNotificationPreferences': {
      op: `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { quietHoursStart } }`,
      call: () => ({ vars: { input: { quietHoursStart: '22:00', quietHoursEnd: '07:00' } } }),
    },
    'Mutation.updateProfile': { op: `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, call: () => ({ vars: { input: { timezone: TZ } } }) },
    'Mutation.withdrawEnrollment': {
      op: `mutation($e: ID!) { withdrawEnrollment(enrollmentId: $e) { id } }`,
      call: async (actor, s) => {
        const own = s && ['client', 'otherClient', 'applicant'].includes(actor) ? s : undefined;
        return { vars: { e: (await freshApplication(own)).enrollmentId } };
      },
      others: (actor) => ({ vars: { e: actor === 'client' ? fx.otherClientEnrollment : fx.clientEnrollment } }),
    },
  };

  /**
   * Paths to the private value: each query, run as each role, and the id of the object (the
   * cohort's ENROLLED client's submission, enrollment, account; the cohort; its session) whose
   * field is looked for anywhere in the answer.
   */
  const PROBES: Record<string, { target: () => string; queries: string[] }> = {
    'Submission.responses': { target: () => fx.reviewedSubmission, queries: submissionPaths('responses') },
    'Submission.feedback': { target: () => fx.reviewedSubmission, queries: submissionPaths('feedback') },
    'Enrollment.motivation': {
      target: () => fx.clientEnrollment,
      queries: [`{ myEnrollments { id motivation } }`, `query($cohort: ID!) { cohort(id: $cohort) { enrollments { id motivation } } }`],
    },
    'User.email': { target: () => fx.sessions.client.user.id, queries: userPaths('email') },
    'User.calendarUrl': { target: () => fx.sessions.client.user.id, queries: userPaths('calendarUrl') },
    'User.emailVerified': { target: () => fx.sessions.client.user.id, queries: userPaths('emailVerified') },
    'User.twoFactorEnabled': { target: () => fx.sessions.client.user.id, queries: userPaths('twoFactorEnabled') },
    'User.notificationPreferences': { target: () => fx.sessions.client.user.id, queries: userPaths('notificationPreferences { quietHoursStart }') },
    'HomeworkAssignment.mySubmission': {
      target: () => fx.reviewed,
      queries: [`query($assignment: ID!) { assignment(id: $assignment) { id mySubmission { id } } }`, `query($cohort: ID!) { cohort(id: $cohort) { assignments { id mySubmission { id } } } }`],
    },
    'HomeworkAssignment.submissions': {
      target: () => fx.reviewed,
      queries: [`query($assignment: ID!) { assignment(id: $assignment) { id submissions { id } } }`, `query($cohort: ID!) { cohort(id: $cohort) { assignments { id submissions { id } } } }`],
    },
    'Cohort.enrollments': { target: () => fx.cohort, queries: cohortPaths('enrollments { id }') },
    'Cohort.sessions': { target: () => fx.cohort, queries: cohortPaths('sessions { id }') },
    'Cohort.assignments': { target: () => fx.cohort, queries: [...cohortPaths('assignments { id }'), `query($assignment: ID!) { assignment(id: $assignment) { cohort { id assignments { id } } } }`] },
    'Session.attendance': { target: () => fx.session, queries: [`query($cohort: ID!) { cohort(id: $cohort) { sessions { id attendance { status } } } }`] },
    'Session.meetingUrl': { target: () => fx.session, queries: [`query($cohort: ID!) { cohort(id: $cohort) { sessions { id meetingUrl } } }`, `{ cohorts { sessions { id meetingUrl } } }`] },
    'Session.calendarFileUrl': {
      target: () => fx.session,
      queries: [`query($cohort: ID!) { cohort(id: $cohort) { sessions { id calendarFileUrl } } }`, `{ cohorts { sessions { id calendarFileUrl } } }`],
    },
    'Invitation.token': { target: () => invitationId, queries: [`{ invitations { id token } }`] },
    'Post.crisisResources': {
      target: () => circle.crisisPost,
      get queries() {
        return [`{ post(id: "${circle.crisisPost}") { id crisisResources } }`, `query($cohort: ID!) { cohortFeed(cohortId: $cohort, limit: 50) { id crisisResources } }`];
      },
    },
    'Post.hiddenReason': {
      target: () => circle.hiddenPost,
      get queries() {
        return [`{ post(id: "${circle.hiddenPost}") { id hiddenReason } }`, `query($cohort: ID!) { cohortFeed(cohortId: $cohort, limit: 50) { id hiddenReason } }`];
      },
    },
    'Conversation.messages': { target: () => fx.conversation, queries: [`{ myConversations { id messages { id } } }`] },
    'Message.body': { target: () => fx.message, queries: [`{ myConversations { id messages { id body } } }`] },
    'Message.crisisResources': { target: () => fx.message, queries: [`{ myConversations { id messages { id crisisResources } } }`] },
    'CheckIn.note': {
      target: () => fx.checkIn,
      queries: [`{ myCheckIns { id note } }`, `query($cohort: ID!, $client: ID!) { clientCheckIns(cohortId: $cohort, clientId: $client) { id note } }`],
    },
    'Notification.body': { target: () => fx.notificationOf.get(fx.sessions.client.user.id) as string, queries: [`{ myNotifications { id body } }`] },
  };
  let invitationId = '';
  /** The cohort's community: a post, a post that reads like a crisis (by the client), a hidden post (by the client). */
  let circle = { post: '', crisisPost: '', hiddenPost: '' };

  /** A post in the cohort by `author`, made older than the posting rate limit's window so the cases never run into it. */
  async function freshPost(author: Session, body = 'A fresh post'): Promise<string> {
    const id = (await t.ok(`mutation($c: ID!, $b: String!) { createPost(input: { cohortId: $c, body: $b }) { id } }`, { c: fx.cohort, b: body }, author.token)).createPost.id as string;
    await t.db.query(`UPDATE posts SET created_at = created_at - interval '2 minutes' WHERE id = $1`, [id]);
    return id;
  }

  async function freshReply(author: Session): Promise<string> {
    const id = (await t.ok(`mutation($p: ID!) { replyToPost(postId: $p, body: "A fresh reply") { id } }`, { p: circle.post }, author.token)).replyToPost.id as string;
    await t.db.query(`UPDATE post_replies SET created_at = created_at - interval '2 minutes' WHERE id = $1`, [id]);
    return id;
  }

  /** The cohort's second ENROLLED client, so it can be paired (seated directly: the cohort is ACTIVE). */
  let buddy: Promise<void> | null = null;
  const secondBuddy = () =>
    (buddy ??= (async () => {
      const second = await t.user(Role.CLIENT);
      await t.db.query(`INSERT INTO enrollments (cohort_id, client_id, status, decided_at) VALUES ($1, $2, 'ENROLLED', now())`, [fx.cohort, second.user.id]);
    })());
  /** The fixture client in a current pair. */
  const pairedBuddies = async () => {
    await secondBuddy();
    await t.ok(`mutation($c: ID!) { pairBuddies(cohortId: $c) { id } }`, { c: fx.cohort }, fx.sessions.coach.token);
  };

  function submissionPaths(field: string): string[] {
    return [
      `{ mySubmissions { id ${field} } }`,
      `query($assignment: ID!) { assignment(id: $assignment) { mySubmission { id ${field} } submissions { id ${field} } } }`,
      `query($cohort: ID!) { cohort(id: $cohort) { assignments { submissions { id ${field} } } } }`,
    ];
  }
  function userPaths(field: string): string[] {
    return [
      `{ me { id ${field} } }`,
      `{ users { id ${field} } }`,
      `query($cohort: ID!) { cohort(id: $cohort) { coaches { id ${field} } enrollments { client { id ${field} } } } }`,
      `query($cohort: ID!) { cohortProgress(cohortId: $cohort) { client { id ${field} } } }`,
      `query($assignment: ID!) { assignment(id: $assignment) { submissions { client { id ${field} } } } }`,
      `query($cohort: ID!) { cohort(id: $cohort) { sessions { attendance { client { id ${field} } } } } }`,
    ];
  }
  function cohortPaths(selection: string): string[] {
    return [`query($cohort: ID!) { cohort(id: $cohort) { id ${selection} } }`, `{ cohorts { id ${selection} } }`];
  }

  /** Every non-null value of `field` on objects with `id === target` anywhere in `data`. */
  function valuesOf(data: unknown, target: string, field: string): unknown[] {
    const found: unknown[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record['id'] === target && record[field] !== null && record[field] !== undefined) found.push(record[field]);
        Object.values(record).forEach(walk);
      }
    };
    walk(data);
    return found;
  }

  const tokenOf = (actor: Actor) => (actor === 'anonymous' ? undefined : fx.sessions[actor].token);
  const sessionOf = (actor: Actor) => (actor === 'anonymous' ? undefined : fx.sessions[actor]);
  const refusal = (actor: Actor) => (actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const describeResult = (r: GqlResult) => JSON.stringify(r.errors ?? r.data).slice(0, 300);

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix });
    const admin = await t.user(Role.ADMIN);
    const [coach, otherCoach, spareCoach] = [await t.user(Role.COACH), await t.user(Role.COACH), await t.user(Role.COACH)];
    const [client, otherClient, applicant] = [await t.user(Role.CLIENT), await t.user(Role.CLIENT), await t.user(Role.CLIENT)];
    const cohortNamed = async (name: string, coachOf: Session) => {
      const id = (await t.ok(CREATE_COHORT, { input: { name, startsOn: daysFromNow(-7), timezone: TZ, capacity: 10 } }, admin.token)).createCohort.id;
      await t.ok(ASSIGN_COACH, { c: id, u: coachOf.user.id }, admin.token);
      await t.ok(SET_COHORT_STATUS, { id, status: 'ENROLLING' }, admin.token);
      return id as string;
    };
    const applyWithMotivation = async (s: Session, cohortId: string) =>
      (await t.ok(`mutation($c: ID!) { applyToCohort(input: { cohortId: $c, motivation: "private-motivation" }) { id } }`, { c: cohortId }, s.token)).applyToCohort.id as string;

    const cohort = await cohortNamed('The Circle', coach);
    const clientEnrollment = await applyWithMotivation(client, cohort);
    await t.ok(DECIDE, { id: clientEnrollment, decision: 'ACCEPT' }, admin.token);
    await applyWithMotivation(applicant, cohort);
    await t.ok(SET_COHORT_STATUS, { id: cohort, status: 'ACTIVE' }, admin.token);

    const otherCohort = await cohortNamed('Another Circle', otherCoach);
    const otherClientEnrollment = await applyWithMotivation(otherClient, otherCohort);
    await t.ok(DECIDE, { id: otherClientEnrollment, decision: 'ACCEPT' }, admin.token);
    await t.ok(SET_COHORT_STATUS, { id: otherCohort, status: 'ACTIVE' }, admin.token);

    const openCohort = (await t.ok(CREATE_COHORT, { input: { name: 'Open Circle', startsOn: daysFromNow(30), timezone: TZ, capacity: 50 } }, admin.token)).createCohort.id;
    await t.ok(SET_COHORT_STATUS, { id: openCohort, status: 'ENROLLING' }, admin.token);

    const session = (
      await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input: { cohortId: cohort, title: 'Circle', startsAt: inHours(-48), durationMinutes: 60, meetingUrl: 'https://meet.example.com/private-room' } }, coach.token)
    ).createSession.id;
    await t.ok(`mutation($s: ID!, $c: ID!) { recordAttendance(sessionId: $s, clientId: $c, status: PRESENT) { status } }`, { s: session, c: client.user.id }, coach.token);
    const assign = async () => (await t.ok(`mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`, { input: { cohortId: cohort, templateKey: 'where-am-i-located', dueAt: inHours(48) } }, coach.token)).assignHomework.id as string;
    const reviewed = await assign();
    const openAssignment = await assign();
    const reviewedSubmission = (await t.ok(`mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`, { a: reviewed, r: ANSWER }, client.token)).submitHomework.id;
    await t.ok(`mutation($s: ID!) { reviewSubmission(submissionId: $s, feedback: "private-feedback") { id } }`, { s: reviewedSubmission }, coach.token);

    const sessions = { client, otherClient, applicant, coach, otherCoach, admin };
    const notificationOf = new Map<string, string>();
    for (const s of Object.values(sessions)) {
      const [row] = await t.db.query(
        `INSERT INTO notifications (user_id, kind, dedupe_key, subject, body, html, email_status) VALUES ($1, 'WEEKLY_SUMMARY', $2, 'Note', 'private-body', '<p>private-body</p>', 'SKIPPED') RETURNING id`,
        [s.user.id, `authz:${s.user.id}`],
      );
      notificationOf.set(s.user.id, row.id);
    }
    const conversation = (await t.ok(`mutation($c: ID!, $u: ID!) { startConversation(cohortId: $c, withUserId: $u) { id } }`, { c: cohort, u: coach.user.id }, client.token)).startConversation.id;
    const message = (await t.ok(`mutation($id: ID!) { sendMessage(conversationId: $id, body: "some days I want to die") { id } }`, { id: conversation }, client.token)).sendMessage.id;
    const checkIn = (await t.ok(`mutation { checkIn(input: { location: IN_THE_FUTURE, state: ACTIVATED, anchored: 4, note: "private-note" }) { id } }`, {}, client.token)).checkIn.id;
    fx = { checkIn, sessions, admin, spareCoach, cohort, otherCohort, openCohort, session, reviewed, reviewedSubmission, openAssignment, clientEnrollment, otherClientEnrollment, notificationOf, conversation, message };
    invitationId = (await t.ok(`mutation($input: InviteInput!) { inviteUser(input: $input) { id token } }`, { input: { email: uniqueEmail('listed'), role: 'COACH' } }, admin.token)).inviteUser.id;
    circle = { post: await freshPost(coach, 'Welcome'), crisisPost: await freshPost(client, 'Some days I want to die.'), hiddenPost: await freshPost(client, 'Off topic') };
    await t.ok(`mutation($p: ID!) { hidePost(postId: $p, reason: "private-reason") { id } }`, { p: circle.hiddenPost }, coach.token);
  });

  afterAll(async () => {
    await t.close();
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  describe('the table covers the schema', () => {
    let schemaFields: { root: string[]; objects: Map<string, string[]> };
    beforeAll(() => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const root = [schema.getQueryType(), schema.getMutationType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
      const objects = new Map<string, string[]>();
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation' || type.name === 'Subscription') continue;
        objects.set(type.name, Object.keys((type as GraphQLObjectType).getFields()));
      }
      schemaFields = { root, objects };
    });

    it('has a row, and a probe in this test, for every root field (and no row for a field that is gone)', () => {
      expect(schemaFields.root.filter((f) => !ROOT_FIELDS[f])).toEqual([]);
      expect(Object.keys(ROOT_FIELDS).filter((f) => !schemaFields.root.includes(f))).toEqual([]);
      expect(schemaFields.root.filter((f) => !CASES[f])).toEqual([]);
    });

    it('classifies every object field as private (with a row and a probe) or open', () => {
      const unclassified: string[] = [];
      for (const [type, fields] of schemaFields.objects) {
        for (const field of fields) {
          const key = `${type}.${field}`;
          const isPrivate = !!PRIVATE_FIELDS[key];
          const isOpen = OPEN_FIELDS[type]?.includes(field) ?? false;
          if (isPrivate === isOpen) unclassified.push(key);
        }
      }
      expect(unclassified).toEqual([]);
      const known = new Set([...schemaFields.objects].flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`)));
      expect(Object.keys(PRIVATE_FIELDS).filter((f) => !known.has(f))).toEqual([]);
      expect(Object.entries(OPEN_FIELDS).flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`)).filter((f) => !known.has(f))).toEqual([]);
      expect(Object.keys(PRIVATE_FIELDS).filter((f) => !PROBES[f])).toEqual([]);
    });
  });

  describe.each(Object.keys(ROOT_FIELDS).filter((f) => f.startsWith('Query.')))('%s', (field) => {
    it.each([...ACTORS])('as %s', async (actor) => {
      const expected = ROOT_FIELDS[field].access[actor];
      const c = CASES[field];
      const call = (await c.call?.(actor, sessionOf(actor))) ?? {};
      const result = await gql(c.op, call.vars, call.token ?? tokenOf(actor));
      if (expected === 'deny') expect({ actor, codes: codes(result) }).toEqual({ actor, codes: [refusal(actor)] });
      else expect({ actor, errors: result.errors ?? [], ok: result.data !== null && result.data !== undefined }).toEqual({ actor, errors: [], ok: true });
    });
  });

  describe.each(Object.keys(ROOT_FIELDS).filter((f) => f.startsWith('Mutation.')))('%s', (field) => {
    it.each([...ACTORS])('as %s', async (actor) => {
      const expected = ROOT_FIELDS[field].access[actor];
      const c = CASES[field];
      const s = sessionOf(actor);
      const call = (await c.call?.(actor, s)) ?? {};
      const token = call.token ?? tokenOf(actor);
      if (expected === 'deny') {
        const before = await fingerprint();
        const result = await gql(c.op, call.vars, token);
        expect({ actor, codes: codes(result) }).toEqual({ actor, codes: [refusal(actor)] });
        expect(await fingerprint()).toBe(before);
        return;
      }
      if (expected === 'own' && c.others && s) {
        const other = await c.others(actor, s);
        const before = await fingerprint();
        const refused = await gql(c.op, other.vars, other.token ?? token);
        expect({ actor, others: codes(refused).every((code) => code === 'FORBIDDEN' || code === 'NOT_FOUND') && codes(refused).length === 1 }).toEqual({ actor, others: true });
        expect(await fingerprint()).toBe(before);
      }
      const result = await gql(c.op, call.vars, token);
      if (result.errors?.length) throw new Error(`${field} as ${actor}: ${describeResult(result)}`);
      expect(result.data).toBeTruthy();
    });
  });

  describe('cohorts (VIEW_COHORT as one SQL query)', () => {
    it.each(ACTORS.filter((a) => a !== 'anonymous'))('lists for %s exactly the fixture cohorts cohort(id) lets them see', async (actor) => {
      const listed = new Set(((await t.ok(`{ cohorts { id } }`, {}, tokenOf(actor))).cohorts as { id: string }[]).map((c) => c.id));
      for (const id of [fx.cohort, fx.otherCohort, fx.openCohort]) {
        const visible = !(await gql(`query($id: ID!) { cohort(id: $id) { id } }`, { id }, tokenOf(actor))).errors;
        expect({ actor, id, listed: listed.has(id) }).toEqual({ actor, id, listed: visible });
      }
    });
  });

  describe.each(Object.keys(PRIVATE_FIELDS))('%s', (key) => {
    it.each([...ACTORS])('as %s', async (actor) => {
      const [, field] = key.split('.');
      const fieldName = field;
      const probe = PROBES[key];
      const vars = { cohort: fx.cohort, assignment: fx.reviewed, client: fx.sessions.client.user.id };
      const seen: unknown[] = [];
      for (const query of probe.queries) {
        const used = Object.fromEntries(Object.entries(vars).filter(([name]) => query.includes(`$${name}`)));
        const result = await gql(query, used, tokenOf(actor));
        // Refusals only: a probe that fails for any other reason proves nothing.
        expect({ actor, query, codes: codes(result).filter((code) => code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED') }).toEqual({ actor, query, codes: [] });
        seen.push(...valuesOf(result.data, probe.target(), fieldName));
      }
      const expected = PRIVATE_FIELDS[key].access[actor];
      expect({ actor, gets: seen.length > 0 }).toEqual({ actor, gets: expected !== 'deny' });
    });
  });
});
