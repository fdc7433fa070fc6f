import { DateTime } from 'luxon';
import { Role } from '@anchored/domain';
import { buildDataExport } from '@anchored/data';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../src/private-text/private-text-cipher';
import { CoachingCohort, coachingCohort, countQueries } from './coaching-fixtures';
import { PASSWORD, Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id localDate location state anchored note createdAt client { id } } }`;
const MINE = `query($from: Date, $to: Date) { myCheckIns(from: $from, to: $to) { id localDate location state anchored note } }`;
const CLIENT_CHECK_INS = `query($c: ID!, $u: ID!, $from: Date, $to: Date) { clientCheckIns(cohortId: $c, clientId: $u, from: $from, to: $to) { id localDate anchored location state note client { id } } }`;
const WEATHER = `query($c: ID!, $days: Int) { cohortWeather(cohortId: $c, days: $days) { clientsCheckedIn averageAnchored locations { location count } states { state count } } }`;
const TREND = `query($c: ID!) { myCheckInTrend(cohortId: $c) { days { localDate anchored week } weeks { week checkIns meanAnchored locations { location count } } streak { current longest daysInLastSeven totalDays } } }`;
const PROGRESS = `query($id: ID!) { cohortProgress(cohortId: $id) { client { id name } lastCheckInOn reachOutReasons } }`;
const PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { checkInReminderTime quietHoursStart } }`;
const ACCESS_LOG = `{ myAccessLog { reader { id } subject subjectId } }`;

const localDay = (zone: string, daysAgo = 0) => DateTime.now().setZone(zone).minus({ days: daysAgo }).toFormat('yyyy-MM-dd');
const good = { location: 'WITH_MYSELF', state: 'SETTLED', anchored: 7 };

/** Past check-ins straight into the table (the API only ever writes today's): history for reads. */
async function seedPast(t: TestApp, clientId: string, entries: { daysAgo: number; anchored: number; location?: string; state?: string }[]) {
  for (const e of entries) {
    const at = DateTime.now().setZone(TZ).minus({ days: e.daysAgo });
    await t.db.query(
      `INSERT INTO check_ins (client_id, local_date, location, state, anchored, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (client_id, local_date) DO UPDATE SET anchored = EXCLUDED.anchored, created_at = EXCLUDED.created_at`,
      [clientId, at.toFormat('yyyy-MM-dd'), e.location ?? 'WITH_MYSELF', e.state ?? 'SETTLED', e.anchored, at.toJSDate()],
    );
  }
}

describe('daily check-ins', () => {
  let t: TestApp;
  let admin: Session;
  let c: CoachingCohort;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    c = await coachingCohort(t, admin, { name: 'Check-in Circle', startsOn: localDay(TZ, 20), timezone: TZ, clients: 4, clientNames: ['Ada', 'Ben', 'Cleo', 'Dev'] });
  });
  afterAll(() => t.close());

  const count = async () => Number((await t.db.query(`SELECT count(*) FROM check_ins`))[0].count);

  describe('checkIn', () => {
    it('stores today’s check-in on the client’s own calendar day, the note encrypted and read back only by them', async () => {
      const ada = c.clients[0];
      await t.db.query(`UPDATE users SET timezone = 'Pacific/Kiritimati' WHERE id = $1`, [ada.user.id]);
      const made = (await t.ok(CHECK_IN, { input: { ...good, note: '  My shoulders dropped.  ' } }, ada.token)).checkIn;
      expect(made).toMatchObject({ localDate: localDay('Pacific/Kiritimati'), location: 'WITH_MYSELF', state: 'SETTLED', anchored: 7, note: 'My shoulders dropped.', client: { id: ada.user.id } });
      const [row] = await t.db.query(`SELECT note_encrypted FROM check_ins WHERE id = $1`, [made.id]);
      expect(row.note_encrypted).toMatch(/^v1:/);
      expect(row.note_encrypted).not.toContain('shoulders');
      await t.db.query(`UPDATE users SET timezone = $2 WHERE id = $1`, [ada.user.id, TZ]);
    });

    it('replaces the same day’s check-in (same row), one per day', async () => {
      const ben = c.clients[1];
      const first = (await t.ok(CHECK_IN, { input: { ...good, note: 'first' } }, ben.token)).checkIn;
      const second = (await t.ok(CHECK_IN, { input: { location: 'IN_THE_FUTURE', state: 'ACTIVATED', anchored: 3 } }, ben.token)).checkIn;
      expect(second.id).toBe(first.id);
      expect(second).toMatchObject({ localDate: localDay(TZ), location: 'IN_THE_FUTURE', state: 'ACTIVATED', anchored: 3, note: null });
      expect((await t.ok(MINE, {}, ben.token)).myCheckIns).toHaveLength(1);
    });

    it.each([
      ['anchored 11', { ...good, anchored: 11 }, 'BAD_USER_INPUT'],
      ['anchored -1', { ...good, anchored: -1 }, 'BAD_USER_INPUT'],
      ['an unknown location', { ...good, location: 'ON_THE_MOON' }, 'BAD_USER_INPUT'],
      ['an unknown state', { ...good, state: 'ZEN' }, 'BAD_USER_INPUT'],
      ['a note too long', { ...good, note: 'x'.repeat(2001) }, 'BAD_USER_INPUT'],
    ])('refuses %s with a typed error and changes nothing', async (_label, input, code) => {
      const before = await count();
      const result = await t.gql(CHECK_IN, { input }, c.clients[2].token);
      expect(codes(result)).toEqual([code]);
      expect(result.errors?.[0].message).toBeTruthy();
      expect(await count()).toBe(before);
    });

    it('refuses anyone not in an ENROLLED or GRADUATED seat: an applicant, a withdrawn client, coaches, admins', async () => {
      const before = await count();
      const applicant = await t.user(Role.CLIENT);
      // Held a seat, then withdrew (the cohort is ACTIVE now, so the seat is written directly).
      const withdrawn = await t.user(Role.CLIENT);
      await t.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'WITHDRAWN')`, [c.id, withdrawn.user.id]);
      for (const who of [applicant, withdrawn, c.coach, admin]) {
        const result = await t.gql(CHECK_IN, { input: good }, who.token);
        expect(codes(result)).toEqual(['FORBIDDEN']);
      }
      expect(codes(await t.gql(CHECK_IN, { input: good }))).toEqual(['UNAUTHENTICATED']);
      expect(await count()).toBe(before);
    });

    it('lets a GRADUATED client keep the practice', async () => {
      const alum = await t.user(Role.CLIENT);
      const past = (await t.ok(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, { input: { name: 'Alumni', startsOn: localDay(TZ, 400), timezone: TZ, capacity: 3 } }, admin.token)).createCohort.id;
      await t.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'GRADUATED')`, [past, alum.user.id]);
      expect((await t.ok(CHECK_IN, { input: good }, alum.token)).checkIn.anchored).toBe(7);
    });
  });

  describe('myCheckIns and myCheckInTrend', () => {
    it('lists the caller’s own, oldest first, within from/to; refuses to before from', async () => {
      const cleo = c.clients[2];
      await seedPast(t, cleo.user.id, [
        { daysAgo: 3, anchored: 5 },
        { daysAgo: 9, anchored: 8, location: 'WITH_OTHERS', state: 'APPEASING' },
        { daysAgo: 1, anchored: 6 },
      ]);
      const all = (await t.ok(MINE, {}, cleo.token)).myCheckIns;
      expect(all.map((x: { localDate: string }) => x.localDate)).toEqual([localDay(TZ, 9), localDay(TZ, 3), localDay(TZ, 1)]);
      const some = (await t.ok(MINE, { from: localDay(TZ, 4), to: localDay(TZ, 2) }, cleo.token)).myCheckIns;
      expect(some.map((x: { anchored: number }) => x.anchored)).toEqual([5]);
      expect(codes(await t.gql(MINE, { from: localDay(TZ, 1), to: localDay(TZ, 4) }, cleo.token))).toEqual(['BAD_USER_INPUT']);
      expect((await t.ok(MINE, {}, c.coach.token)).myCheckIns).toEqual([]);
    });

    it('gives the trend over the program weeks and a gentle streak', async () => {
      const cleo = c.clients[2];
      const trend = (await t.ok(TREND, { c: c.id }, cleo.token)).myCheckInTrend;
      expect(trend.days.map((d: { anchored: number }) => d.anchored)).toEqual([8, 5, 6]);
      expect(trend.weeks.map((w: { week: number }) => w.week)).toEqual([1, 2, 3]);
      expect(trend.weeks.reduce((n: number, w: { checkIns: number }) => n + w.checkIns, 0)).toBe(3);
      expect(trend.streak).toEqual({ current: 1, longest: 1, daysInLastSeven: 2, totalDays: 3 });
      expect(codes(await t.gql(TREND, { c: c.id }, (await t.user(Role.CLIENT)).token))).toEqual(['FORBIDDEN']);
    });
  });

  describe('clientCheckIns', () => {
    it('gives the cohort’s coach the values without notes, and logs every read in the client’s access log', async () => {
      const ada = c.clients[0];
      const rows = (await t.ok(CLIENT_CHECK_INS, { c: c.id, u: ada.user.id }, c.coach.token)).clientCheckIns;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ anchored: 7, note: null, client: { id: ada.user.id } });
      const log = (await t.ok(ACCESS_LOG, {}, ada.token)).myAccessLog;
      expect(log).toContainEqual({ reader: { id: c.coach.user.id }, subject: 'CHECK_IN', subjectId: rows[0].id });
      // Still the client's note for the client.
      expect((await t.ok(MINE, {}, ada.token)).myCheckIns[0].note).toBe('My shoulders dropped.');
    });

    it('refuses clients, other coaches and admins; a client outside the cohort is NOT_FOUND', async () => {
      const ada = c.clients[0];
      const otherCoach = await t.user(Role.COACH);
      for (const who of [ada, c.clients[1], otherCoach, admin]) {
        expect(codes(await t.gql(CLIENT_CHECK_INS, { c: c.id, u: ada.user.id }, who.token))).toEqual(['FORBIDDEN']);
      }
      const stranger = await t.user(Role.CLIENT);
      expect(codes(await t.gql(CLIENT_CHECK_INS, { c: c.id, u: stranger.user.id }, c.coach.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(CLIENT_CHECK_INS, { c: c.id, u: 'not-a-uuid' }, c.coach.token))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('cohortWeather', () => {
    it('shows nothing but a count below 3 clients, then counts and the mean, to members, coaches and admins only', async () => {
      const fresh = await coachingCohort(t, admin, { name: 'Weather Circle', startsOn: localDay(TZ, 10), timezone: TZ, clients: 4 });
      const [a, b, cc, d] = fresh.clients;
      await t.ok(CHECK_IN, { input: { location: 'WITH_MYSELF', state: 'SETTLED', anchored: 8 } }, a.token);
      await seedPast(t, b.user.id, [{ daysAgo: 2, anchored: 4, location: 'IN_THE_PAST', state: 'SHUT_DOWN' }]);
      const two = (await t.ok(WEATHER, { c: fresh.id }, d.token)).cohortWeather;
      expect(two).toEqual({ clientsCheckedIn: 2, averageAnchored: null, locations: null, states: null });

      await seedPast(t, cc.user.id, [{ daysAgo: 6, anchored: 6, location: 'WITH_OTHERS', state: 'APPEASING' }, { daysAgo: 20, anchored: 0 }]);
      const three = (await t.ok(WEATHER, { c: fresh.id }, fresh.coach.token)).cohortWeather;
      expect(three.clientsCheckedIn).toBe(3);
      expect(three.averageAnchored).toBe(6);
      expect(three.locations).toEqual([
        { location: 'WITH_MYSELF', count: 1 },
        { location: 'WITH_OTHERS', count: 1 },
        { location: 'IN_THE_PAST', count: 1 },
        { location: 'IN_THE_FUTURE', count: 0 },
      ]);
      expect((await t.ok(WEATHER, { c: fresh.id, days: 3 }, admin.token)).cohortWeather.clientsCheckedIn).toBe(2);

      for (const days of [0, 91]) expect(codes(await t.gql(WEATHER, { c: fresh.id, days }, a.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(WEATHER, { c: fresh.id }, c.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(WEATHER, { c: fresh.id }, c.coach.token))).toEqual(['FORBIDDEN']);
    });
  });

  describe('the coach’s progress table', () => {
    it('shows the last check-in date and the check-in reasons, with the same number of statements for 8 clients as for 2', async () => {
      const circle = await coachingCohort(t, admin, { name: 'Reach Circle', startsOn: localDay(TZ, 30), timezone: TZ, clients: 3, clientNames: ['Ana', 'Bo', 'Cy'] });
      const [ana, bo] = circle.clients;
      // Ana: seven steady days, then three low ones. Bo: last checked in 9 days ago. Cy: none at all.
      await seedPast(t, ana.user.id, [...[13, 12, 11, 10, 9, 8, 7].map((daysAgo) => ({ daysAgo, anchored: 8 })), ...[3, 2, 1].map((daysAgo) => ({ daysAgo, anchored: 4 }))]);
      await seedPast(t, bo.user.id, [{ daysAgo: 9, anchored: 6 }]);
      const rows = (await t.ok(PROGRESS, { id: circle.id }, circle.coach.token)).cohortProgress;
      expect(rows.map((r: { client: { name: string }; lastCheckInOn: string | null; reachOutReasons: string[] }) => [r.client.name, r.lastCheckInOn, r.reachOutReasons])).toEqual([
        ['Ana', localDay(TZ, 1), ['ANCHORED_DROPPING']],
        ['Bo', localDay(TZ, 9), ['NO_RECENT_CHECK_IN']],
        ['Cy', null, ['NO_RECENT_CHECK_IN']],
      ]);

      const big = await coachingCohort(t, admin, { name: 'Big Circle', startsOn: localDay(TZ, 30), timezone: TZ, clients: 8 });
      for (const client of big.clients) await seedPast(t, client.user.id, [{ daysAgo: 2, anchored: 5 }]);
      const small = await coachingCohort(t, admin, { name: 'Small Circle', startsOn: localDay(TZ, 30), timezone: TZ, clients: 2 });
      for (const client of small.clients) await seedPast(t, client.user.id, [{ daysAgo: 2, anchored: 5 }]);
      const statements = async (cohort: CoachingCohort) => {
        await t.ok(PROGRESS, { id: cohort.id }, cohort.coach.token);
        return (await countQueries(t, () => t.ok(PROGRESS, { id: cohort.id }, cohort.coach.token))).count;
      };
      expect(await statements(big)).toBe(await statements(small));
    });
  });

  describe('the person’s own data', () => {
    it('is in their data export, notes decrypted, and goes with their account', async () => {
      const account = await t.user(Role.CLIENT);
      const cohort = await coachingCohort(t, admin, { name: 'Leaving Circle', startsOn: localDay(TZ, 3), timezone: TZ, clients: 0 });
      await t.db.query(`INSERT INTO enrollments (cohort_id, client_id, status) VALUES ($1, $2, 'ENROLLED')`, [cohort.id, account.user.id]);
      await t.ok(CHECK_IN, { input: { ...good, note: 'Only mine.' } }, account.token);
      await seedPast(t, account.user.id, [{ daysAgo: 2, anchored: 3 }]);
      const cipher = t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER);
      const doc = await buildDataExport(t.db.manager, cipher, account.user.id);
      expect(doc.about.sections).toContain('checkIns');
      expect(doc.checkIns.map((x) => [x.localDate, x.anchored, x.note])).toEqual([
        [localDay(TZ, 2), 3, null],
        [localDay(TZ), 7, 'Only mine.'],
      ]);

      await t.ok(`mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`, { p: PASSWORD }, account.token);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM check_ins WHERE client_id = $1`, [account.user.id]))[0].n).toBe(0);
    });
  });

  describe('checkInReminderTime', () => {
    it('is saved as HH:mm and turned off with null; anything else is a typed error that changes nothing', async () => {
      const dev = c.clients[3];
      expect((await t.ok(PREFS, { input: { checkInReminderTime: '08:30' } }, dev.token)).updateNotificationPreferences.checkInReminderTime).toBe('08:30');
      for (const bad of ['8:30', '24:00', '08:60', 'morning', '08:30:00']) {
        const result = await t.gql(PREFS, { input: { checkInReminderTime: bad, quietHoursStart: '22:00', quietHoursEnd: '07:00' } }, dev.token);
        expect({ bad, codes: codes(result) }).toEqual({ bad, codes: ['BAD_USER_INPUT'] });
        expect(result.errors?.[0].message).toMatch(/checkInReminderTime/);
      }
      const [row] = await t.db.query(`SELECT check_in_reminder_time, quiet_hours_start FROM users WHERE id = $1`, [dev.user.id]);
      expect(row).toEqual({ check_in_reminder_time: '08:30', quiet_hours_start: null });
      const read = await t.ok(`{ me { notificationPreferences { checkInReminderTime } } }`, {}, dev.token);
      expect(read.me.notificationPreferences.checkInReminderTime).toBe('08:30');
      expect((await t.ok(PREFS, { input: { checkInReminderTime: null } }, dev.token)).updateNotificationPreferences.checkInReminderTime).toBeNull();
    });
  });
});
