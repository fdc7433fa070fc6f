import { DateTime } from 'luxon';
import { buildDataExport } from '@anchored/data';
import { Role } from '@anchored/domain';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../src/private-text/private-text-cipher';
import { CoachingCohort, coachingCohort, countQueries, enrollNewClient } from './coaching-fixtures';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const PAIR = `id startsOn endsOn cohort { id } members { id name } sharingMyWeather buddyWeather { buddy { id } localDate location state }`;
const PAIR_BUDDIES = `mutation($c: ID!) { pairBuddies(cohortId: $c) { ${PAIR} } }`;
const PREVIEW = `query($c: ID!) { previewBuddyPairs(cohortId: $c) { members { id } overlapMinutes repeatsPrevious } }`;
const PAIRS = `query($c: ID!) { buddyPairs(cohortId: $c) { ${PAIR} } }`;
const MY_BUDDY = `query($c: ID!) { myBuddy(cohortId: $c) { ${PAIR} } }`;
const SHARE = `mutation($c: ID!, $share: Boolean!) { shareWeatherWithBuddy(cohortId: $c, share: $share) { ${PAIR} } }`;

const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
const today = () => DateTime.now().setZone(TZ).toFormat('yyyy-MM-dd');

type Pair = { id: string; startsOn: string; endsOn: string | null; members: { id: string; name: string }[]; sharingMyWeather: boolean | null; buddyWeather: { buddy: { id: string }; localDate: string | null; location: string | null; state: string | null }[] };

describe('buddies', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let small: CoachingCohort;
  let otherCoach: Session;

  const state = async (cohortId: string) =>
    JSON.stringify(
      await t.db.query(
        `SELECT p.id, p.starts_on, p.ends_on, m.user_id, m.shares_weather FROM buddy_pairs p JOIN buddy_pair_members m ON m.pair_id = p.id WHERE p.cohort_id = $1 ORDER BY p.id, m.user_id`,
        [cohortId],
      ),
    ) + JSON.stringify(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'BUDDY_PAIRED'`));

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    otherCoach = await t.user(Role.COACH);
    cohort = await coachingCohort(t, admin, { name: 'Buddy Circle', startsOn: daysAgo(14), timezone: TZ, clients: 5, clientNames: ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli'] });
    small = await coachingCohort(t, admin, { name: 'Small Circle', startsOn: daysAgo(14), timezone: TZ, clients: 1 });
    // Two in Europe, two in East Asia, one in New York: the preview pairs neighbours.
    const zones = ['Europe/Berlin', 'Asia/Tokyo', 'Europe/Paris', 'Asia/Seoul', 'America/New_York'];
    for (const [i, c] of cohort.clients.entries()) await t.db.query(`UPDATE users SET timezone = $2 WHERE id = $1`, [c.user.id, zones[i]]);
  });
  afterAll(() => t.close());

  it('refuses to pair a cohort with fewer than two enrolled clients (typed, nothing changes)', async () => {
    const before = await state(small.id);
    for (const op of [PAIR_BUDDIES, PREVIEW]) {
      const result = await t.gql(op, { c: small.id }, small.coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/at least two enrolled clients/);
    }
    expect(await state(small.id)).toBe(before);
  });

  it('refuses bad and unknown cohort ids with typed errors', async () => {
    expect(codes(await t.gql(PAIR_BUDDIES, { c: 'not-an-id' }, cohort.coach.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(MY_BUDDY, { c: 'not-an-id' }, cohort.clients[0].token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(SHARE, { c: cohort.id, share: 'yes' }, cohort.clients[0].token))).toEqual(['BAD_USER_INPUT']);
    // An unknown cohort has no coaches: FORBIDDEN, as for any cohort not one's own.
    expect(codes(await t.gql(PAIR_BUDDIES, { c: '00000000-0000-4000-8000-000000000000' }, cohort.coach.token))).toEqual(['FORBIDDEN']);
  });

  it('only the cohort’s coaches preview and pair; admins, other coaches and clients are refused and change nothing', async () => {
    const before = await state(cohort.id);
    for (const who of [admin, otherCoach, cohort.clients[0], small.clients[0]]) {
      expect(codes(await t.gql(PAIR_BUDDIES, { c: cohort.id }, who.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(PREVIEW, { c: cohort.id }, who.token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(PAIR_BUDDIES, { c: cohort.id }))).toEqual(['UNAUTHENTICATED']);
    expect(await state(cohort.id)).toBe(before);
  });

  it('previews without writing, then pairs exactly as previewed: one pair and one trio, by waking hours', async () => {
    const before = await state(cohort.id);
    const preview = (await t.ok(PREVIEW, { c: cohort.id }, cohort.coach.token)).previewBuddyPairs as { members: { id: string }[]; overlapMinutes: number; repeatsPrevious: boolean }[];
    expect(await state(cohort.id)).toBe(before);
    const [ana, ben, cleo, dev, eli] = cohort.clients.map((c) => c.user.id);
    const groups = (list: { members: { id: string }[] }[]) => list.map((g) => g.members.map((m) => m.id).sort()).sort((a, b) => a.length - b.length || a[0].localeCompare(b[0]));
    // Tokyo and Seoul share every waking hour; Berlin, Paris and New York share 8 (13:00-21:00 UTC in winter, 12:00-20:00 in summer).
    expect(groups(preview)).toEqual([[ben, dev].sort(), [ana, cleo, eli].sort()]);
    expect(preview.every((g) => !g.repeatsPrevious)).toBe(true);
    expect(preview.find((g) => g.members.length === 2)?.overlapMinutes).toBe(14 * 60);

    const pairs = (await t.ok(PAIR_BUDDIES, { c: cohort.id }, cohort.coach.token)).pairBuddies as Pair[];
    expect(groups(pairs)).toEqual(groups(preview));
    expect(pairs.every((p) => p.startsOn === today() && p.endsOn === null)).toBe(true);

    // Everyone is told who their buddy is, with a link; nothing private travels.
    const notes: { user_id: string; subject: string; body: string }[] = await t.db.query(
      `SELECT user_id, subject, body FROM notifications WHERE kind = 'BUDDY_PAIRED' AND user_id = ANY($1::uuid[])`,
      [[ana, ben, cleo, dev, eli]],
    );
    expect(notes).toHaveLength(5);
    const ben1 = notes.find((n) => n.user_id === ben);
    expect(ben1?.subject).toBe('Your buddy in Buddy Circle: Dev');
    expect(ben1?.body).toContain(`/cohorts/${cohort.id}/buddy`);
    expect(notes.find((n) => n.user_id === ana)?.subject).toBe('Your buddy in Buddy Circle: Cleo and Eli');
  });

  it('opens a conversation between buddies, and the conversation rule knows who are current buddies', async () => {
    const [ana, ben, cleo, dev, eli] = cohort.clients;
    const opened: { a: string; b: string; kind: string }[] = await t.db.query(`SELECT user_a_id AS a, user_b_id AS b, kind::text AS kind FROM conversations WHERE cohort_id = $1`, [cohort.id]);
    const key = (x: string, y: string) => [x, y].sort().join();
    expect(opened.map((c) => key(c.a, c.b)).sort()).toEqual(
      [key(ben.user.id, dev.user.id), key(ana.user.id, cleo.user.id), key(ana.user.id, eli.user.id), key(cleo.user.id, eli.user.id)].sort(),
    );
    expect(opened.every((c) => c.kind === 'BUDDIES')).toBe(true);
    const START = `mutation($c: ID!, $u: ID!) { startConversation(cohortId: $c, withUserId: $u) { id } }`;
    await t.ok(START, { c: cohort.id, u: dev.user.id }, ben.token);
    expect(codes(await t.gql(START, { c: cohort.id, u: ben.user.id }, ana.token))).toEqual(['FORBIDDEN']);
  });

  it('myBuddy: a client sees their current pair; a client of another cohort is refused; coaches see the pairing', async () => {
    const [ana, , cleo, , eli] = cohort.clients;
    const mine = (await t.ok(MY_BUDDY, { c: cohort.id }, ana.token)).myBuddy as Pair;
    expect(mine.members.map((m) => m.id).sort()).toEqual([ana.user.id, cleo.user.id, eli.user.id].sort());
    expect(mine.sharingMyWeather).toBe(false);
    expect(codes(await t.gql(MY_BUDDY, { c: cohort.id }, small.clients[0].token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(MY_BUDDY, { c: cohort.id }, cohort.coach.token))).toEqual(['FORBIDDEN']);
    expect((await t.ok(MY_BUDDY, { c: small.id }, small.clients[0].token)).myBuddy).toBeNull();

    for (const who of [cohort.coach, admin]) {
      const listed = (await t.ok(PAIRS, { c: cohort.id }, who.token)).buddyPairs as Pair[];
      expect(listed).toHaveLength(2);
      expect(listed.every((p) => p.sharingMyWeather === null && p.buddyWeather.length === 0)).toBe(true);
    }
    for (const who of [otherCoach, ana]) expect(codes(await t.gql(PAIRS, { c: cohort.id }, who.token))).toEqual(['FORBIDDEN']);
  });

  it('loads the members of every pair with one query per kind, not one per pair', async () => {
    const { count } = await countQueries(t, () => t.ok(`query($c: ID!) { buddyPairs(cohortId: $c) { id members { id name } cohort { id } } }`, { c: cohort.id }, cohort.coach.token));
    expect(count).toBeLessThanOrEqual(6);
  });

  it('shares daily weather with the buddy only: location and state of the latest check-in, never the note or score', async () => {
    const [ana, , cleo, dev, eli] = cohort.clients;
    // An older check-in and today's (the table is the check-ins feature's; its note is sealed there).
    for (const [day, location, state] of [[daysAgo(1), 'WITH_MYSELF', 'SETTLED'], [today(), 'IN_THE_PAST', 'SHUT_DOWN']]) {
      await t.db.query(`INSERT INTO check_ins (client_id, local_date, location, state, anchored, note_encrypted) VALUES ($1, $2, $3, $4, 2, 'secret-note')`, [cleo.user.id, day, location, state]);
    }
    // Not shared yet: Ana sees nothing of Cleo.
    let seen = (await t.ok(MY_BUDDY, { c: cohort.id }, ana.token)).myBuddy as Pair;
    expect(seen.buddyWeather).toEqual([]);

    const shared = (await t.ok(SHARE, { c: cohort.id, share: true }, cleo.token)).shareWeatherWithBuddy as Pair;
    expect(shared.sharingMyWeather).toBe(true);
    expect(shared.buddyWeather).toEqual([]); // Cleo's own weather is not shown back to her; Ana and Eli do not share
    seen = (await t.ok(MY_BUDDY, { c: cohort.id }, ana.token)).myBuddy as Pair;
    expect(seen.buddyWeather).toEqual([{ buddy: { id: cleo.user.id }, localDate: today(), location: 'IN_THE_PAST', state: 'SHUT_DOWN' }]);
    const raw = JSON.stringify(await t.gql(MY_BUDDY, { c: cohort.id }, eli.token));
    expect(raw).toContain('SHUT_DOWN');
    expect(raw).not.toContain('secret-note');
    // Dev is in the other pair: nothing of Cleo's, and the coaches' list shows no one's weather.
    expect(((await t.ok(MY_BUDDY, { c: cohort.id }, dev.token)).myBuddy as Pair).buddyWeather).toEqual([]);
    expect(((await t.ok(PAIRS, { c: cohort.id }, cohort.coach.token)).buddyPairs as Pair[]).every((p) => p.buddyWeather.length === 0)).toBe(true);

    await t.ok(SHARE, { c: cohort.id, share: false }, cleo.token);
    expect(((await t.ok(MY_BUDDY, { c: cohort.id }, ana.token)).myBuddy as Pair).buddyWeather).toEqual([]);
  });

  it('share without a buddy, or by someone who is not a client of the cohort: typed errors that change nothing', async () => {
    const before = await state(small.id);
    const lonely = await t.gql(SHARE, { c: small.id, share: true }, small.clients[0].token);
    expect(codes(lonely)).toEqual(['NOT_FOUND']);
    expect(lonely.errors?.[0].message).toBe("You don't have a buddy in this cohort right now.");
    expect(await state(small.id)).toBe(before);
    const cohortBefore = await state(cohort.id);
    for (const who of [cohort.coach, admin, small.clients[0]]) expect(codes(await t.gql(SHARE, { c: cohort.id, share: true }, who.token))).toEqual(['FORBIDDEN']);
    expect(await state(cohort.id)).toBe(cohortBefore);
  });

  it('pairing again ends the previous pairing and avoids its pairs where waking hours allow', async () => {
    const first = ((await t.ok(PAIRS, { c: cohort.id }, cohort.coach.token)).buddyPairs as Pair[]).map((p) => p.id).sort();
    // A sixth client in Berlin joins: now three Europeans, two in East Asia, one in New York.
    const fin = await enrollNewClient(t, admin, cohort.id, 'Fin').catch(async () => {
      const c = await t.user(Role.CLIENT, 'Fin');
      await t.db.query(`INSERT INTO enrollments (cohort_id, client_id, status, decided_at) VALUES ($1, $2, 'ENROLLED', now())`, [cohort.id, c.user.id]);
      return c;
    });
    const second = (await t.ok(PAIR_BUDDIES, { c: cohort.id }, cohort.coach.token)).pairBuddies as Pair[];
    expect(second).toHaveLength(3);
    expect(second.some((p) => p.members.some((m) => m.id === fin.user.id))).toBe(true);
    const ended: { id: string; ends_on: string }[] = await t.db.query(`SELECT id, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM buddy_pairs WHERE id = ANY($1::uuid[]) ORDER BY id`, [first]);
    expect(ended.map((r) => r.ends_on)).toEqual([today(), today()]);
    const current = ((await t.ok(PAIRS, { c: cohort.id }, cohort.coach.token)).buddyPairs as Pair[]).map((p) => p.id).sort();
    expect(current).toEqual(second.map((p) => p.id).sort());
    // Ben and Dev (Tokyo, Seoul) stay together: any other buddy would share far fewer waking hours.
    const [, ben, , dev] = cohort.clients.map((c) => c.user.id);
    expect(second.some((p) => p.members.map((m) => m.id).sort().join() === [ben, dev].sort().join())).toBe(true);
  });

  it("the data export lists the person's pairings with their buddies' names, and nothing else of theirs", async () => {
    const [, ben] = cohort.clients;
    const doc = await buildDataExport(t.db.manager, t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER), ben.user.id);
    expect(doc.about.sections).toContain('buddies');
    expect(doc.buddies).toEqual([
      { cohort: 'Buddy Circle', buddies: ['Dev'], startsOn: today(), endsOn: today(), sharedMyWeather: false },
      { cohort: 'Buddy Circle', buddies: ['Dev'], startsOn: today(), endsOn: null, sharedMyWeather: false },
    ]);
  });

  it('deleting an account takes the person out of every pairing; their buddy keeps the pair', async () => {
    const [ana, , cleo, , eli] = cohort.clients;
    const pairOf = async (who: Session) => ((await t.ok(MY_BUDDY, { c: cohort.id }, who.token)).myBuddy as Pair | null)?.members.map((m) => m.id) ?? [];
    const eliPair = await pairOf(eli);
    expect(eliPair).toContain(eli.user.id);
    expect((await t.ok(`mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`, { p: PASSWORD }, eli.token)).deleteMyAccount).toBe(true);
    expect(await t.db.query(`SELECT 1 FROM buddy_pair_members WHERE user_id = $1`, [eli.user.id])).toHaveLength(0);
    const left = eliPair.filter((id) => id !== eli.user.id);
    const someone = [ana, cleo, ...cohort.clients].find((c) => left.includes(c.user.id));
    if (someone) expect((await pairOf(someone)).sort()).toEqual(left.sort());
  });
});
