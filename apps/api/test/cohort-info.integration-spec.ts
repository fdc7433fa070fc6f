import { Role } from '@anchored/domain';
import { DateTime } from 'luxon';
import { coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const NY = 'America/New_York';
const UPDATE = `mutation($c: ID!, $input: UpdateCohortInput!) { updateCohort(cohortId: $c, input: $input) { id name description capacity timezone } }`;
const OPEN = `{ openCohorts { id name description startsOn endsOn timezone capacity seatsLeft meetings { weekday startTime durationMinutes nextStartsAt } coaches { name bio } } }`;
const SCHEDULE = `mutation($input: ScheduleSeriesInput!) { scheduleSessionSeries(input: $input) { id } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id bio } }`;

/** A date `days` from today in New York (fixtures are relative to now: docs/testing.md). */
const daysFromNow = (days: number) => DateTime.now().setZone(NY).plus({ days }).toISODate() as string;

describe('what a visitor reads before applying, and what an admin can correct', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
  });
  afterAll(() => t.close());

  const row = async (id: string) =>
    (await t.db.query(`SELECT name, description, capacity, timezone FROM cohorts WHERE id = $1`, [id]))[0] as { name: string; description: string | null; capacity: number; timezone: string };

  describe('updateCohort', () => {
    it('lets an admin rename, describe and resize a cohort; omitted fields stay', async () => {
      const c = await coachingCohort(t, admin, { startsOn: daysFromNow(30), timezone: NY, clients: 2, activate: false, capacity: 6 });
      const updated = (await t.ok(UPDATE, { c: c.id, input: { name: 'Evening Circle', description: '  Six months of practice together.  ', capacity: 8 } }, admin.token)).updateCohort;
      expect(updated).toEqual({ id: c.id, name: 'Evening Circle', description: 'Six months of practice together.', capacity: 8, timezone: NY });
      const again = (await t.ok(UPDATE, { c: c.id, input: { capacity: 2 } }, admin.token)).updateCohort;
      expect(again).toMatchObject({ name: 'Evening Circle', description: 'Six months of practice together.', capacity: 2 });
      expect((await t.ok(UPDATE, { c: c.id, input: { description: '' } }, admin.token)).updateCohort.description).toBeNull();
    });

    it('refuses a capacity below the seats taken, and changes nothing', async () => {
      const c = await coachingCohort(t, admin, { startsOn: daysFromNow(30), timezone: NY, clients: 3, activate: false, capacity: 5 });
      const before = await row(c.id);
      const result = await t.gql(UPDATE, { c: c.id, input: { capacity: 2, name: 'Renamed' } }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/3 seats already taken/);
      expect(await row(c.id)).toEqual(before);
    });

    it('moves the timezone only before the program starts and before sessions are planned', async () => {
      const fresh = await coachingCohort(t, admin, { startsOn: daysFromNow(30), timezone: NY, clients: 0, activate: false });
      expect((await t.ok(UPDATE, { c: fresh.id, input: { timezone: 'Europe/Berlin' } }, admin.token)).updateCohort.timezone).toBe('Europe/Berlin');

      const planned = await coachingCohort(t, admin, { startsOn: daysFromNow(30), timezone: NY, clients: 0, activate: false });
      await t.ok(SCHEDULE, { input: { cohortId: planned.id, title: 'Circle', weekdays: [2], localTime: '19:00', durationMinutes: 90 } }, planned.coach.token);
      const withSessions = await t.gql(UPDATE, { c: planned.id, input: { timezone: 'Europe/Berlin' } }, admin.token);
      expect(codes(withSessions)).toEqual(['CONFLICT']);
      expect((await row(planned.id)).timezone).toBe(NY);

      const running = await coachingCohort(t, admin, { startsOn: daysFromNow(-7), timezone: NY, clients: 1 });
      expect(codes(await t.gql(UPDATE, { c: running.id, input: { timezone: 'Europe/Berlin' } }, admin.token))).toEqual(['CONFLICT']);
      expect((await row(running.id)).timezone).toBe(NY);
    });

    it('refuses bad input and everyone but admins, changing nothing', async () => {
      const c = await coachingCohort(t, admin, { startsOn: daysFromNow(30), timezone: NY, clients: 1, activate: false });
      const before = await row(c.id);
      for (const input of [{ name: '   ' }, { capacity: 0 }, { timezone: 'Mars/Olympus' }, { description: 'x'.repeat(2001) }]) {
        expect(codes(await t.gql(UPDATE, { c: c.id, input }, admin.token))).toEqual(['BAD_USER_INPUT']);
      }
      expect(codes(await t.gql(UPDATE, { c: c.id, input: { name: 'Mine now' } }, c.coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(UPDATE, { c: c.id, input: { name: 'Mine now' } }, c.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(UPDATE, { c: '00000000-0000-4000-8000-000000000000', input: { name: 'Ghost' } }, admin.token))).toEqual(['NOT_FOUND']);
      expect(await row(c.id)).toEqual(before);
    });
  });

  describe('openCohorts', () => {
    it('shows anyone, signed in or not, the cohorts taking applications: description, weekly meetings, seats left, coaches by name and bio', async () => {
      const c = await coachingCohort(t, admin, { name: 'Thursday Circle', startsOn: daysFromNow(20), timezone: NY, clients: 2, activate: false, capacity: 5 });
      await t.ok(UPDATE, { c: c.id, input: { description: 'We practise coming back to ourselves.' } }, admin.token);
      await t.ok(PROFILE, { input: { bio: 'I have guided groups through codependency recovery for ten years.' } }, c.coach.token);
      await t.ok(SCHEDULE, { input: { cohortId: c.id, title: 'Circle', weekdays: [4], localTime: '19:30', durationMinutes: 90 } }, c.coach.token);
      const draft = await coachingCohort(t, admin, { name: 'Not yet open', startsOn: daysFromNow(20), timezone: NY, clients: 0, activate: false });
      await t.ok(`mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ACTIVE) { id } }`, { c: draft.id }, admin.token);

      const anonymous = (await t.ok(OPEN)).openCohorts;
      expect(anonymous.map((o: { id: string }) => o.id)).toContain(c.id);
      expect(anonymous.map((o: { id: string }) => o.id)).not.toContain(draft.id);
      const seen = anonymous.find((o: { id: string }) => o.id === c.id);
      expect(seen).toMatchObject({
        name: 'Thursday Circle',
        description: 'We practise coming back to ourselves.',
        timezone: NY,
        capacity: 5,
        seatsLeft: 3,
        coaches: [{ name: c.coach.user.name, bio: 'I have guided groups through codependency recovery for ten years.' }],
      });
      expect(seen.meetings).toHaveLength(1);
      expect(seen.meetings[0]).toMatchObject({ weekday: 4, startTime: '19:30', durationMinutes: 90 });
      // The next meeting is a real instant: a Thursday 19:30 in New York, still to come.
      const next = DateTime.fromISO(seen.meetings[0].nextStartsAt).setZone(NY);
      expect([next.weekday, next.toFormat('HH:mm')]).toEqual([4, '19:30']);
      expect(next.toMillis()).toBeGreaterThan(Date.now());
      // Nothing about people beyond the coaches' names and bios.
      expect(JSON.stringify(anonymous)).not.toContain('@');
      expect((await t.ok(OPEN, {}, c.clients[0].token)).openCohorts).toEqual(anonymous);
    });
  });

  describe('a coach bio', () => {
    it('is set by coaches and admins, trimmed, limited, removed with "", and refused for clients', async () => {
      const coach = await t.user(Role.COACH);
      expect((await t.ok(PROFILE, { input: { bio: '  Somatic coach.  ' } }, coach.token)).updateProfile.bio).toBe('Somatic coach.');
      expect((await t.ok(`{ me { bio } }`, {}, coach.token)).me.bio).toBe('Somatic coach.');
      expect(codes(await t.gql(PROFILE, { input: { bio: 'x'.repeat(601) } }, coach.token))).toEqual(['BAD_USER_INPUT']);
      expect((await t.ok(`{ me { bio } }`, {}, coach.token)).me.bio).toBe('Somatic coach.');
      expect((await t.ok(PROFILE, { input: { bio: '' } }, coach.token)).updateProfile.bio).toBeNull();
      const client = await t.user(Role.CLIENT);
      expect(codes(await t.gql(PROFILE, { input: { bio: 'About me' } }, client.token))).toEqual(['FORBIDDEN']);
      expect((await t.db.query(`SELECT bio FROM users WHERE id = $1`, [client.user.id]))[0].bio).toBeNull();
    });
  });
});
