import { DateTime } from 'luxon';
import { COMMUNITY_LIMITS, Role } from '@anchored/domain';
import { PrivateTextCipher, buildDataExport } from '@anchored/data';
import { CoachingCohort, applicant, coachingCohort, countQueries, enrollNewClient } from './coaching-fixtures';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const POST_FIELDS = `id kind body pinned hidden removed editedAt createdAt crisisResources hiddenReason author { id name } cohort { id }
  reactions { reaction count mine } replyCount replies { id body removed author { id } }`;
const FEED = `query($c: ID!, $before: DateTime, $limit: Int) { cohortFeed(cohortId: $c, before: $before, limit: $limit) { ${POST_FIELDS} } }`;
const POST = `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`;
const CREATE = `mutation($c: ID!, $b: String!) { createPost(input: { cohortId: $c, body: $b }) { ${POST_FIELDS} } }`;
const EDIT = `mutation($p: ID!, $b: String!) { editPost(postId: $p, body: $b) { id body editedAt } }`;
const DELETE = `mutation($p: ID!) { deletePost(postId: $p) { id body removed } }`;
const REPLY = `mutation($p: ID!, $b: String!) { replyToPost(postId: $p, body: $b) { id body author { id } post { id replyCount } } }`;
const DELETE_REPLY = `mutation($r: ID!) { deleteReply(replyId: $r) { id body removed } }`;
const REACT = `mutation($p: ID!, $r: Reaction!) { react(postId: $p, reaction: $r) { id reactions { reaction count mine } } }`;
const PIN = `mutation($p: ID!, $on: Boolean!) { pinPost(postId: $p, pinned: $on) { id pinned } }`;
const HIDE = `mutation($p: ID!, $r: String!) { hidePost(postId: $p, reason: $r) { id hidden body hiddenReason } }`;
const REPORT = `mutation($p: ID!, $r: String!) { reportPost(postId: $p, reason: $r) }`;
const SHARE = `mutation($input: ShareReflectionInput!) { shareReflection(input: $input) {
  id kind body author { id } sharedAnswers { fieldKey label value } sharedSubmission { id responses feedback client { id } assignment { id } } } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }`;

const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const ANSWER = {
  situation: 'My sister asked me to host the holidays again.',
  boundaryType: 'I said no',
  discomfortBefore: 8,
  discomfortAfter: 3,
  whatHappened: 'She was quiet, then said she understood. SECRET-WHAT-HAPPENED',
};

describe('the cohort community', () => {
  let t: TestApp;
  let admin: Session;
  let circle: CoachingCohort;
  let other: CoachingCohort;
  let otherCoach: Session;
  let waiting: Session;
  let [alice, bob]: Session[] = [];

  /** Everything a refused call could have changed. */
  async function fingerprint(): Promise<string> {
    const tables = ['posts', 'post_replies', 'post_reactions', 'post_reports', 'notifications'];
    const parts = await Promise.all(tables.map(async (table) => (await t.db.query(`SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM ${table} x`))[0].h as string));
    return parts.join(':');
  }

  async function refusedUnchanged(run: () => Promise<unknown>, code: string) {
    const before = await fingerprint();
    const result = (await run()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(codes(result as never)).toEqual([code]);
    expect(result.errors?.[0].message).toMatch(/\w/);
    expect(await fingerprint()).toBe(before);
  }

  /** A new client seated in an ACTIVE cohort (reopened for enrolment for a moment, as an admin would). */
  async function enrollNewClientInto(cohort: CoachingCohort): Promise<Session> {
    await t.db.query(`UPDATE cohorts SET status = 'ENROLLING' WHERE id = $1`, [cohort.id]);
    const client = await enrollNewClient(t, admin, cohort.id);
    await t.db.query(`UPDATE cohorts SET status = 'ACTIVE' WHERE id = $1`, [cohort.id]);
    return client;
  }

  /** Writes older than the rate-limit window, so a long test does not run into it. */
  const forgetRate = () => t.db.query(`UPDATE posts SET created_at = created_at - interval '2 minutes'; UPDATE post_replies SET created_at = created_at - interval '2 minutes'`);

  async function post(author: Session, body: string, cohort = circle) {
    const created = (await t.ok(CREATE, { c: cohort.id, b: body }, author.token)).createPost;
    await forgetRate();
    return created as { id: string; body: string };
  }

  const notificationsOf = async (userId: string, kind: string) =>
    (await t.db.query(`SELECT subject, body, html FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`, [userId, kind])) as { subject: string; body: string; html: string }[];

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_URL: 'https://anchored.example' });
    admin = await t.user(Role.ADMIN);
    circle = await coachingCohort(t, admin, { name: 'Harbour Circle', startsOn: daysAgo(10), timezone: TZ, clients: 3, clientNames: ['Alice', 'Bob', 'Cara'] });
    [alice, bob] = circle.clients;
    other = await coachingCohort(t, admin, { name: 'Other Circle', startsOn: daysAgo(10), timezone: TZ, clients: 1, activate: false });
    otherCoach = other.coach;
    waiting = await applicant(t, other.id);
  });
  afterAll(() => t.close());

  describe('membership', () => {
    it('clients, coaches and admins of the cohort read the feed; others are FORBIDDEN', async () => {
      for (const s of [alice, circle.coach, admin]) expect((await t.gql(FEED, { c: circle.id }, s.token)).errors).toBeUndefined();
      for (const s of [other.clients[0], otherCoach, waiting]) expect(codes(await t.gql(FEED, { c: circle.id }, s.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(FEED, { c: circle.id }))).toEqual(['UNAUTHENTICATED']);
    });

    it('admins read and moderate but never post; outsiders cannot post; unknown cohorts are NOT_FOUND', async () => {
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: 'Admin here' }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: 'Let me in' }, other.clients[0].token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: 'Hello' }, otherCoach.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(CREATE, { c: '00000000-0000-4000-8000-000000000000', b: 'Hello' }, alice.token), 'NOT_FOUND');
      await refusedUnchanged(() => t.gql(CREATE, { c: 'not-an-id', b: 'Hello' }, alice.token), 'BAD_USER_INPUT');
    });
  });

  describe('posts', () => {
    it('a member posts; the body is encrypted at rest; the feed is newest first with the author', async () => {
      const first = await post(alice, 'First: I said no to my sister and the sky did not fall.');
      const second = await post(circle.coach, 'Welcome, everyone.');
      const [row] = await t.db.query(`SELECT body_encrypted FROM posts WHERE id = $1`, [first.id]);
      expect(row.body_encrypted).not.toContain('sister');
      const feed = (await t.ok(FEED, { c: circle.id }, bob.token)).cohortFeed as { id: string; body: string; author: { id: string } | null; kind: string }[];
      const ids = feed.map((p) => p.id);
      expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
      const mine = feed.find((p) => p.id === first.id);
      expect(mine).toMatchObject({ kind: 'DISCUSSION', body: 'First: I said no to my sister and the sky did not fall.', author: { id: alice.user.id } });
    });

    it('refuses empty and over-long bodies, changing nothing', async () => {
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: '   ' }, alice.token), 'BAD_USER_INPUT');
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: 'x'.repeat(COMMUNITY_LIMITS.postBody + 1) }, alice.token), 'BAD_USER_INPUT');
      const { id } = await post(alice, 'To answer');
      await refusedUnchanged(() => t.gql(REPLY, { p: id, b: '' }, bob.token), 'BAD_USER_INPUT');
      await refusedUnchanged(() => t.gql(REPLY, { p: id, b: 'y'.repeat(COMMUNITY_LIMITS.replyBody + 1) }, bob.token), 'BAD_USER_INPUT');
    });

    it('the author edits their own post; nobody else can', async () => {
      const { id } = await post(alice, 'Draft thought');
      await refusedUnchanged(() => t.gql(EDIT, { p: id, b: 'Hijacked' }, bob.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(EDIT, { p: id, b: 'Hijacked' }, circle.coach.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(EDIT, { p: id, b: 'Hijacked' }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(EDIT, { p: '00000000-0000-4000-8000-000000000000', b: 'x' }, alice.token), 'NOT_FOUND');
      const edited = (await t.ok(EDIT, { p: id, b: 'Better thought' }, alice.token)).editPost;
      expect(edited.body).toBe('Better thought');
      expect(edited.editedAt).toBeTruthy();
    });

    it('pages by time with `before`, pinned posts first on the first page', async () => {
      const fresh = await coachingCohort(t, admin, { name: 'Paging Circle', startsOn: daysAgo(3), timezone: TZ, clients: 1 });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await post(fresh.clients[0], `Post ${i}`, fresh)).id);
      // forgetRate moved every earlier post back by 2 minutes each time: the newest is the last.
      await t.ok(PIN, { p: ids[0], on: true }, fresh.coach.token);
      const page1 = (await t.ok(FEED, { c: fresh.id, limit: 2 }, fresh.clients[0].token)).cohortFeed as { id: string; pinned: boolean; createdAt: string }[];
      expect(page1.map((p) => p.id)).toEqual([ids[0], ids[4], ids[3]]);
      expect(page1[0].pinned).toBe(true);
      const page2 = (await t.ok(FEED, { c: fresh.id, limit: 2, before: page1[2].createdAt }, fresh.clients[0].token)).cohortFeed as { id: string }[];
      expect(page2.map((p) => p.id)).toEqual([ids[2], ids[1]]);
      expect(codes(await t.gql(FEED, { c: fresh.id, limit: 0 }, fresh.clients[0].token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(FEED, { c: fresh.id, limit: 51 }, fresh.clients[0].token))).toEqual(['BAD_USER_INPUT']);
    });

    it('only the cohort’s coaches pin', async () => {
      const { id } = await post(alice, 'Pin me?');
      await refusedUnchanged(() => t.gql(PIN, { p: id, on: true }, alice.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(PIN, { p: id, on: true }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(PIN, { p: id, on: true }, otherCoach.token), 'FORBIDDEN');
      expect((await t.ok(PIN, { p: id, on: true }, circle.coach.token)).pinPost.pinned).toBe(true);
      expect((await t.ok(PIN, { p: id, on: false }, circle.coach.token)).pinPost.pinned).toBe(false);
    });

    it('limits how fast one person writes (TOO_MANY_REQUESTS), changing nothing', async () => {
      const writer = circle.clients[2];
      for (let i = 0; i < COMMUNITY_LIMITS.writesPerWindow; i++) await t.ok(CREATE, { c: circle.id, b: `Quick ${i}` }, writer.token);
      await refusedUnchanged(() => t.gql(CREATE, { c: circle.id, b: 'One too many' }, writer.token), 'TOO_MANY_REQUESTS');
      await forgetRate();
    });
  });

  describe('replies and reactions', () => {
    it('replies (oldest first) tell the author who replied and where, never the text', async () => {
      const { id } = await post(alice, 'How do you all breathe before a hard talk?');
      const reply = (await t.ok(REPLY, { p: id, b: 'Long exhale, SECRET-REPLY-TEXT' }, bob.token)).replyToPost;
      await t.ok(REPLY, { p: id, b: 'Box breathing.' }, circle.coach.token);
      await forgetRate();
      expect(reply).toMatchObject({ body: 'Long exhale, SECRET-REPLY-TEXT', author: { id: bob.user.id }, post: { id, replyCount: 1 } });
      const seen = (await t.ok(POST, { id }, alice.token)).post;
      expect(seen.replies.map((r: { body: string }) => r.body)).toEqual(['Long exhale, SECRET-REPLY-TEXT', 'Box breathing.']);
      const [row] = await t.db.query(`SELECT body_encrypted FROM post_replies WHERE id = $1`, [reply.id]);
      expect(row.body_encrypted).not.toContain('SECRET');
      const told = await notificationsOf(alice.user.id, 'POST_REPLY');
      expect(told).toHaveLength(2);
      expect(told[0].subject).toContain('Bob');
      expect(told[0].body).toContain('Harbour Circle');
      expect(told[0].body).toContain(`https://anchored.example/circle/${circle.id}?post=${id}`);
      for (const n of told) expect(`${n.subject}${n.body}${n.html}`).not.toContain('SECRET');
    });

    it('a reply is deleted by its author, the coaches or admins, not by other clients', async () => {
      const { id } = await post(alice, 'Reply to me');
      const reply = (await t.ok(REPLY, { p: id, b: 'Mine' }, bob.token)).replyToPost;
      await forgetRate();
      await refusedUnchanged(() => t.gql(DELETE_REPLY, { r: reply.id }, alice.token), 'FORBIDDEN');
      const gone = (await t.ok(DELETE_REPLY, { r: reply.id }, bob.token)).deleteReply;
      expect(gone).toMatchObject({ body: '', removed: true });
      expect((await t.ok(POST, { id }, alice.token)).post.replyCount).toBe(0);
    });

    it('reactions toggle, with per-reaction counts and `mine`', async () => {
      const { id } = await post(alice, 'React to me');
      await t.ok(REACT, { p: id, r: 'HEART' }, bob.token);
      await t.ok(REACT, { p: id, r: 'HEART' }, circle.coach.token);
      const after = (await t.ok(REACT, { p: id, r: 'WITH_YOU' }, bob.token)).react.reactions;
      expect(after).toEqual([
        { reaction: 'HEART', count: 2, mine: true },
        { reaction: 'WITH_YOU', count: 1, mine: true },
        { reaction: 'THANK_YOU', count: 0, mine: false },
      ]);
      const toggled = (await t.ok(REACT, { p: id, r: 'HEART' }, bob.token)).react.reactions;
      expect(toggled[0]).toEqual({ reaction: 'HEART', count: 1, mine: false });
      await refusedUnchanged(() => t.gql(REACT, { p: id, r: 'HEART' }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(REACT, { p: id, r: 'LIKE' }, bob.token), 'BAD_USER_INPUT');
    });
  });

  describe('moderation', () => {
    it('hidePost: coaches and admins with a reason; the author is told and still sees it, others see a blank body', async () => {
      const { id } = await post(alice, 'Something off-topic SECRET-HIDDEN');
      await refusedUnchanged(() => t.gql(HIDE, { p: id, r: 'No' }, bob.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(HIDE, { p: id, r: '  ' }, circle.coach.token), 'BAD_USER_INPUT');
      const hidden = (await t.ok(HIDE, { p: id, r: 'Please keep names of others out' }, circle.coach.token)).hidePost;
      expect(hidden).toMatchObject({ hidden: true, body: '', hiddenReason: 'Please keep names of others out' });
      expect((await t.ok(POST, { id }, alice.token)).post).toMatchObject({ hidden: true, body: 'Something off-topic SECRET-HIDDEN', hiddenReason: 'Please keep names of others out' });
      expect((await t.ok(POST, { id }, bob.token)).post).toMatchObject({ hidden: true, body: '', hiddenReason: null });
      const told = await notificationsOf(alice.user.id, 'POST_HIDDEN');
      expect(told).toHaveLength(1);
      expect(`${told[0].subject}${told[0].body}${told[0].html}`).not.toMatch(/SECRET|names of others/);
      await refusedUnchanged(() => t.gql(REPLY, { p: id, b: 'Still here?' }, bob.token), 'CONFLICT');
    });

    it('reportPost: any member; the coaches are told who reported where, never the text or reason', async () => {
      const { id } = await post(alice, 'Report me SECRET-REPORTED');
      expect((await t.ok(REPORT, { p: id, r: 'SECRET-REASON' }, bob.token)).reportPost).toBe(true);
      expect((await t.ok(REPORT, { p: id, r: 'again' }, bob.token)).reportPost).toBe(true);
      const told = await notificationsOf(circle.coach.user.id, 'POST_REPORTED');
      const mine = told.filter((n) => n.body.includes(id));
      expect(mine).toHaveLength(1);
      expect(mine[0].body).toContain('Bob');
      expect(`${mine[0].subject}${mine[0].body}${mine[0].html}`).not.toContain('SECRET');
      await refusedUnchanged(() => t.gql(REPORT, { p: id, r: 'x' }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(REPORT, { p: id, r: '' }, bob.token), 'BAD_USER_INPUT');
    });

    it('deletePost: the author, the coaches and admins remove a post; its text is erased; replying to it is refused', async () => {
      const own = await post(alice, 'I will take this back SECRET-GONE');
      await refusedUnchanged(() => t.gql(DELETE, { p: own.id }, bob.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(DELETE, { p: own.id }, otherCoach.token), 'FORBIDDEN');
      expect((await t.ok(DELETE, { p: own.id }, alice.token)).deletePost).toMatchObject({ removed: true, body: '' });
      const [row] = await t.db.query(`SELECT body_encrypted FROM posts WHERE id = $1`, [own.id]);
      expect(row.body_encrypted).toBeNull();
      await refusedUnchanged(() => t.gql(REPLY, { p: own.id, b: 'Hello?' }, bob.token), 'CONFLICT');
      await refusedUnchanged(() => t.gql(REPLY, { p: '00000000-0000-4000-8000-000000000000', b: 'Hello?' }, bob.token), 'NOT_FOUND');
      for (const moderator of [circle.coach, admin]) {
        const { id } = await post(bob, 'Moderate me');
        expect((await t.ok(DELETE, { p: id }, moderator.token)).deletePost.removed).toBe(true);
      }
    });
  });

  describe('crisis language', () => {
    it('shows the author the crisis resources and tells the coaches, without the text; others see no resources', async () => {
      const { id } = await post(alice, "Honestly I don't want to be here anymore. SECRET-CRISIS");
      const own = (await t.ok(POST, { id }, alice.token)).post;
      expect(own.crisisResources).toBe(t.config.crisisResources);
      expect((await t.ok(POST, { id }, bob.token)).post.crisisResources).toBeNull();
      expect((await t.ok(POST, { id }, circle.coach.token)).post.crisisResources).toBeNull();
      const told = (await notificationsOf(circle.coach.user.id, 'POST_REPORTED')).filter((n) => n.body.includes(id));
      expect(told).toHaveLength(1);
      expect(told[0].subject).toContain('Alice');
      expect(`${told[0].subject}${told[0].body}${told[0].html}`).not.toMatch(/SECRET|want to be here/);
      const calm = await post(alice, 'This homework is killing me, ha.');
      expect((await t.ok(POST, { id: calm.id }, alice.token)).post.crisisResources).toBeNull();
    });
  });

  describe('sharing a reflection', () => {
    let submissionId: string;
    let assignmentId: string;
    const SHARED_KEYS = ['situation', 'discomfortAfter'];

    beforeAll(async () => {
      assignmentId = (await t.ok(ASSIGN, { input: { cohortId: circle.id, templateKey: 'boundary-practice-log', dueAt: hoursFromNow(48) } }, circle.coach.token)).assignHomework.id;
      submissionId = (await t.ok(SUBMIT, { a: assignmentId, r: ANSWER }, alice.token)).submitHomework.id;
    });

    it('only its own client shares it; unknown fields and others’ submissions are refused, changing nothing', async () => {
      const input = { submissionId, fieldKeys: SHARED_KEYS };
      await refusedUnchanged(() => t.gql(SHARE, { input }, bob.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(SHARE, { input }, circle.coach.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(SHARE, { input }, admin.token), 'FORBIDDEN');
      await refusedUnchanged(() => t.gql(SHARE, { input: { ...input, fieldKeys: ['situation', 'nope'] } }, alice.token), 'BAD_USER_INPUT');
      await refusedUnchanged(() => t.gql(SHARE, { input: { ...input, fieldKeys: [] } }, alice.token), 'BAD_USER_INPUT');
      await refusedUnchanged(() => t.gql(SHARE, { input: { ...input, submissionId: '00000000-0000-4000-8000-000000000000' } }, alice.token), 'NOT_FOUND');
    });

    it('shows only the chosen answers, with no feedback and no access-log entry; deletePost withdraws it everywhere', async () => {
      const shared = (await t.ok(SHARE, { input: { submissionId, fieldKeys: SHARED_KEYS, note: 'What I noticed this week' } }, alice.token)).shareReflection;
      await forgetRate();
      expect(shared).toMatchObject({ kind: 'SHARED_REFLECTION', body: 'What I noticed this week', author: { id: alice.user.id } });
      const logBefore = (await t.db.query(`SELECT count(*)::int AS n FROM access_log`))[0].n;
      for (const reader of [bob, circle.coach, admin]) {
        const seen = (await t.ok(`query($id: ID!) { post(id: $id) { sharedAnswers { fieldKey value } sharedSubmission { id responses feedback client { id } } } }`, { id: shared.id }, reader.token)).post;
        expect(seen.sharedAnswers.map((a: { fieldKey: string }) => a.fieldKey)).toEqual(SHARED_KEYS);
        expect(seen.sharedSubmission.responses).toEqual({ situation: ANSWER.situation, discomfortAfter: 3 });
        expect(seen.sharedSubmission.feedback).toBeNull();
        expect(JSON.stringify(seen)).not.toContain('SECRET-WHAT-HAPPENED');
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM access_log`))[0].n).toBe(logBefore);
      const [row] = await t.db.query(`SELECT shared_answers_encrypted FROM posts WHERE id = $1`, [shared.id]);
      expect(row.shared_answers_encrypted).not.toContain('sister');

      await t.ok(DELETE, { p: shared.id }, alice.token);
      const gone = (await t.ok(`query($id: ID!) { post(id: $id) { removed body sharedAnswers { fieldKey } sharedSubmission { id } } }`, { id: shared.id }, bob.token)).post;
      expect(gone).toEqual({ removed: true, body: '', sharedAnswers: null, sharedSubmission: null });
    });

    it('anonymously: others see "a member of your circle" (no author), the author still sees it is theirs', async () => {
      const shared = (await t.ok(SHARE, { input: { submissionId, fieldKeys: ['situation'], showName: false } }, alice.token)).shareReflection;
      await forgetRate();
      expect(shared.author).toEqual({ id: alice.user.id });
      const seen = (await t.ok(`query($id: ID!) { post(id: $id) { author { id } sharedAnswers { fieldKey } sharedSubmission { id } } }`, { id: shared.id }, bob.token)).post;
      expect(seen).toEqual({ author: null, sharedAnswers: [{ fieldKey: 'situation' }], sharedSubmission: null });
    });
  });

  describe('leaving and taking one’s data', () => {
    it('the data export holds the person’s posts, shared answers and replies, decrypted', async () => {
      const writer = circle.clients[2];
      const { id } = await post(writer, 'Export me, please');
      await t.ok(REPLY, { p: id, b: 'And my reply' }, writer.token);
      await forgetRate();
      const cipher = new PrivateTextCipher(t.config.homeworkKeys);
      const exported = await buildDataExport(t.db.manager, cipher, writer.user.id);
      expect(exported.about.sections).toContain('community');
      expect(exported.community.posts.map((p) => p.body)).toContain('Export me, please');
      expect(exported.community.replies.map((r) => r.body)).toContain('And my reply');
    });

    it('deleting an account turns the person’s posts and replies into removed placeholders without an author', async () => {
      const leaver = await enrollNewClientInto(circle);
      const { id } = await post(leaver, 'I will be gone SECRET-LEAVER');
      const other = await post(alice, 'Stay');
      const reply = (await t.ok(REPLY, { p: other.id, b: 'Bye SECRET-LEAVER' }, leaver.token)).replyToPost;
      await forgetRate();
      await t.ok(`mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`, { p: PASSWORD }, leaver.token);
      const gone = (await t.ok(POST, { id }, bob.token)).post;
      expect(gone).toMatchObject({ removed: true, body: '', author: null });
      const thread = (await t.ok(POST, { id: other.id }, bob.token)).post;
      expect(thread.replies.find((r: { id: string }) => r.id === reply.id)).toMatchObject({ removed: true, body: '', author: null });
      const rows = await t.db.query(`SELECT body_encrypted FROM posts WHERE id = $1 UNION ALL SELECT body_encrypted FROM post_replies WHERE id = $2`, [id, reply.id]);
      expect(rows).toEqual([{ body_encrypted: null }, { body_encrypted: null }]);
    });
  });

  describe('cost', () => {
    it('a feed page costs the same number of SQL statements for 20 posts as for 5 (DataLoaders)', async () => {
      const small = await coachingCohort(t, admin, { name: 'Small Feed', startsOn: daysAgo(3), timezone: TZ, clients: 2 });
      const large = await coachingCohort(t, admin, { name: 'Large Feed', startsOn: daysAgo(3), timezone: TZ, clients: 2 });
      for (const [cohort, n] of [[small, 5], [large, 20]] as const) {
        for (let i = 0; i < n; i++) {
          const { id } = await post(cohort.clients[i % 2], `Post ${i}`, cohort);
          await t.ok(REPLY, { p: id, b: 'A reply' }, cohort.clients[(i + 1) % 2].token);
          await t.ok(REACT, { p: id, r: 'HEART' }, cohort.coach.token);
          await forgetRate();
        }
      }
      const s = await countQueries(t, () => t.ok(FEED, { c: small.id }, small.coach.token));
      const l = await countQueries(t, () => t.ok(FEED, { c: large.id }, large.coach.token));
      expect((s.result as { cohortFeed: unknown[] }).cohortFeed).toHaveLength(5);
      expect((l.result as { cohortFeed: unknown[] }).cohortFeed).toHaveLength(20);
      expect(l.count).toBe(s.count);
    });
  });
});
