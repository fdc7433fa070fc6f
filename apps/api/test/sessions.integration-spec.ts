import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import * as ical from 'node-ical';
import { PROGRAM_WEEKS, moduleForWeek } from '@anchored/curriculum';
import { Role } from '@anchored/domain';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { GqlResult, Session, TestApp, codes } from './test-app';

const NY = 'America/New_York';
const SESSION_FIELDS = `id title startsAt durationMinutes moduleKey status meetingUrl`;
const SCHEDULE = `mutation($input: ScheduleSeriesInput!) { scheduleSessionSeries(input: $input) { ${SESSION_FIELDS} } }`;
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { ${SESSION_FIELDS} } }`;
const RESCHEDULE = `mutation($id: ID!, $startsAt: DateTime!) { rescheduleSession(sessionId: $id, startsAt: $startsAt) { ${SESSION_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelSession(sessionId: $id) { ${SESSION_FIELDS} } }`;
const ATTEND = `mutation($s: ID!, $c: ID!, $status: AttendanceStatus!) { recordAttendance(sessionId: $s, clientId: $c, status: $status) { status client { id } } }`;
const COHORT_SESSIONS = `query($id: ID!) { cohort(id: $id) { id sessions { ${SESSION_FIELDS} } } }`;

interface SessionRow {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  moduleKey: string | null;
  status: string;
  meetingUrl: string | null;
}

/** YYYY-MM-DD of the n-th given ISO weekday (1 = Monday … 7 = Sunday) of a month, by plain date arithmetic. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const firstIso = first.getUTCDay() === 0 ? 7 : first.getUTCDay();
  const day = 1 + ((weekday - firstIso + 7) % 7) + (n - 1) * 7;
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const iso = (value: string | number | Date) => new Date(value).toISOString();

/** A wall-clock time in New York as a UTC ISO string. */
const newYork = (localDateTime: string) => DateTime.fromISO(localDateTime, { zone: NY }).toJSDate().toISOString();

/** What a calendar keeps of an event. */
interface FeedEvent {
  uid: string;
  start: string;
  end: string;
  sequence: number;
  status: string | undefined;
}

function feedEvent(e: ical.VEvent): FeedEvent {
  if (!e.end) throw new Error(`Event ${e.uid} has no end`);
  // SEQUENCE defaults to 0 when absent (RFC 5545).
  return { uid: e.uid, start: iso(e.start), end: iso(e.end), sequence: Number(e.sequence ?? 0), status: e.status };
}

function eventOf(feed: Map<string, FeedEvent>, uid: string): FeedEvent {
  const event = feed.get(uid);
  if (!event) throw new Error(`No event ${uid} in the feed`);
  return event;
}

describe('sessions', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let other: CoachingCohort;
  let foreignCoach: Session;
  let series: SessionRow[];

  // The program runs next year, so every session is in the future and in the calendar feeds. US
  // clocks go forward on the second Sunday of March and back on the first Sunday of November.
  const year = new Date().getUTCFullYear() + 1;
  const startsOn = nthWeekday(year, 1, 2, 2); // the second Tuesday of January
  const programWeeks = 48; // into December: across both DST changes
  const springForward = nthWeekday(year, 3, 7, 2);
  const fallBack = nthWeekday(year, 11, 7, 1);

  const sessionCount = async (cohortId: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM sessions WHERE cohort_id = $1`, [cohortId]))[0].n);
  const sessionRow = async (id: string) =>
    (await t.db.query(`SELECT starts_at, status, sequence, module_key FROM sessions WHERE id = $1`, [id]))[0] as {
      starts_at: Date;
      status: string;
      sequence: number;
      module_key: string | null;
    };
  const attendanceCount = async (sessionId: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM attendance WHERE session_id = $1`, [sessionId]))[0].n);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    foreignCoach = await t.user(Role.COACH);
    cohort = await coachingCohort(t, admin, { name: 'Evening Circle', startsOn, timezone: NY, programWeeks, clients: 2 });
    // A second cohort, still enrolling, with a client of its own.
    other = await coachingCohort(t, admin, { name: 'Morning Circle', startsOn, timezone: 'Europe/Berlin', clients: 1, activate: false });
  });
  afterAll(() => t.close());

  describe('a weekly series', () => {
    it('keeps every session at 19:00 New York time across the March and November DST changes', async () => {
      const result = await t.ok(
        SCHEDULE,
        { input: { cohortId: cohort.id, title: 'Weekly circle', weekdays: [2], localTime: '19:00', durationMinutes: 90 } },
        cohort.coach.token,
      );
      series = result.scheduleSessionSeries;

      // One session per Tuesday from startsOn up to (not including) endsOn.
      expect(cohort.endsOn).toBe(addDays(startsOn, programWeeks * 7));
      expect(series).toHaveLength(programWeeks);
      expect(await sessionCount(cohort.id)).toBe(programWeeks);

      for (const [i, session] of series.entries()) {
        const localDate = addDays(startsOn, i * 7);
        const local = DateTime.fromISO(session.startsAt, { zone: NY });
        expect({ date: local.toISODate(), hour: local.hour, minute: local.minute, weekday: local.weekday }).toEqual({
          date: localDate,
          hour: 19,
          minute: 0,
          weekday: 2,
        });
        // 19:00 EST (UTC-5) is 00:00Z the next day; 19:00 EDT (UTC-4) is 23:00Z the same day.
        const daylight = localDate > springForward && localDate < fallBack;
        expect(iso(session.startsAt)).toBe(daylight ? `${localDate}T23:00:00.000Z` : `${addDays(localDate, 1)}T00:00:00.000Z`);
        expect(session).toMatchObject({ title: 'Weekly circle', durationMinutes: 90, status: 'SCHEDULED', meetingUrl: null });
      }

      // Around each change: a week of 167 hours in March and of 169 hours in November.
      const hoursBetween = (a: SessionRow, b: SessionRow) => (Date.parse(b.startsAt) - Date.parse(a.startsAt)) / 3_600_000;
      const lastBefore = (date: string) => series.findLastIndex((s) => DateTime.fromISO(s.startsAt, { zone: NY }).toFormat('yyyy-MM-dd') < date);
      const march = lastBefore(springForward);
      const november = lastBefore(fallBack);
      expect(iso(series[march].startsAt)).toBe(`${addDays(springForward, -4)}T00:00:00.000Z`); // Tuesday before, 19:00 EST
      expect(iso(series[march + 1].startsAt)).toBe(`${addDays(springForward, 2)}T23:00:00.000Z`); // Tuesday after, 19:00 EDT
      expect(hoursBetween(series[march], series[march + 1])).toBe(167);
      expect(iso(series[november].startsAt)).toBe(`${addDays(fallBack, -5)}T23:00:00.000Z`);
      expect(iso(series[november + 1].startsAt)).toBe(`${addDays(fallBack, 3)}T00:00:00.000Z`);
      expect(hoursBetween(series[november], series[november + 1])).toBe(169);
      expect(hoursBetween(series[0], series[1])).toBe(168);

      // What was returned is what was stored.
      const stored: { id: string; starts_at: Date }[] = await t.db.query(`SELECT id, starts_at FROM sessions WHERE cohort_id = $1 ORDER BY starts_at`, [cohort.id]);
      expect(stored.map((r) => [r.id, r.starts_at.toISOString()])).toEqual(series.map((s) => [s.id, iso(s.startsAt)]));
    });

    it('links each session to the curriculum module of its program week', async () => {
      const expected = series.map((_, i) => moduleForWeek(Math.min(i + 1, PROGRAM_WEEKS)).key);
      expect(series.map((s) => s.moduleKey)).toEqual(expected);
      expect(series[0].moduleKey).toBe('codependence-to-interdependence');
      expect(series[4].moduleKey).toBe('where-am-i-located');
      expect(series[13].moduleKey).toBe('soft-start-up');
      // Weeks beyond the 26-week curriculum keep its last module.
      expect(series[PROGRAM_WEEKS].moduleKey).toBe('integration-and-graduation');
      expect(series[programWeeks - 1].moduleKey).toBe('integration-and-graduation');
      // The same answer as the API's own curriculum lookup.
      const week8 = await t.ok(`{ curriculumWeek(week: 8) { key } }`, {}, cohort.clients[0].token);
      expect(series[7].moduleKey).toBe(week8.curriculumWeek.key);
    });

    it('gives a single session the module of its week by default, a chosen module when asked, and none outside the program', async () => {
      // Wednesday of program week 8, 12:00 New York time.
      const week8 = newYork(`${addDays(startsOn, 7 * 7 + 1)}T12:00`);
      const base = { cohortId: cohort.id, title: 'Extra session', durationMinutes: 60 };
      const byWeek = (await t.ok(CREATE, { input: { ...base, startsAt: week8 } }, cohort.coach.token)).createSession;
      expect(byWeek).toMatchObject({ moduleKey: 'boundaries', startsAt: iso(week8), status: 'SCHEDULED' });
      const chosen = (await t.ok(CREATE, { input: { ...base, startsAt: week8, moduleKey: 'soft-start-up' } }, admin.token)).createSession;
      expect(chosen.moduleKey).toBe('soft-start-up');
      const before = newYork(`${addDays(startsOn, -3)}T12:00`);
      expect((await t.ok(CREATE, { input: { ...base, startsAt: before } }, cohort.coach.token)).createSession.moduleKey).toBeNull();

      const count = await sessionCount(cohort.id);
      const unknown = await t.gql(CREATE, { input: { ...base, startsAt: week8, moduleKey: 'astrology' } }, cohort.coach.token);
      expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
      expect(unknown.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['moduleKey']);
      expect(await sessionCount(cohort.id)).toBe(count);
    });
  });

  describe('rescheduling and cancelling', () => {
    it("lets the cohort's coach and an admin move a session, and cancel it once", async () => {
      const target = series[2];
      const before = await sessionRow(target.id);
      const later = new Date(Date.parse(target.startsAt) + 26 * 3_600_000).toISOString();
      const moved = (await t.ok(RESCHEDULE, { id: target.id, startsAt: later }, cohort.coach.token)).rescheduleSession;
      expect(moved).toMatchObject({ id: target.id, startsAt: later, status: 'SCHEDULED' });
      expect((await sessionRow(target.id)).starts_at.toISOString()).toBe(later);
      expect((await sessionRow(target.id)).sequence).toBe(before.sequence + 1);

      const back = (await t.ok(RESCHEDULE, { id: target.id, startsAt: target.startsAt }, admin.token)).rescheduleSession;
      expect(iso(back.startsAt)).toBe(iso(target.startsAt));

      const cancelled = (await t.ok(CANCEL, { id: target.id }, cohort.coach.token)).cancelSession;
      expect(cancelled).toMatchObject({ id: target.id, status: 'CANCELLED' });
      expect(await sessionRow(target.id)).toMatchObject({ status: 'CANCELLED', sequence: before.sequence + 3 });

      expect(codes(await t.gql(CANCEL, { id: target.id }, admin.token))).toEqual(['CONFLICT']);
      expect(codes(await t.gql(RESCHEDULE, { id: target.id, startsAt: later }, cohort.coach.token))).toEqual(['CONFLICT']);
      expect(await sessionRow(target.id)).toMatchObject({ status: 'CANCELLED', sequence: before.sequence + 3 });

      const missing = '00000000-0000-4000-8000-000000000000';
      expect(codes(await t.gql(CANCEL, { id: missing }, admin.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(RESCHEDULE, { id: missing, startsAt: later }, admin.token))).toEqual(['NOT_FOUND']);
    });

    it('refuses a coach of another cohort, a client and an anonymous caller, and changes nothing', async () => {
      const target = series[4];
      const before = await sessionRow(target.id);
      const count = await sessionCount(cohort.id);
      const later = new Date(Date.parse(target.startsAt) + 3_600_000).toISOString();
      const callers: [string, string | undefined, string][] = [
        ['coach of another cohort', foreignCoach.token, 'FORBIDDEN'],
        ['coach of the other cohort', other.coach.token, 'FORBIDDEN'],
        ['enrolled client', cohort.clients[0].token, 'FORBIDDEN'],
        ['anonymous caller', undefined, 'UNAUTHENTICATED'],
      ];
      for (const [who, token, code] of callers) {
        const attempts: [string, GqlResult][] = [
          ['createSession', await t.gql(CREATE, { input: { cohortId: cohort.id, title: 'X', startsAt: later, durationMinutes: 60 } }, token)],
          [
            'scheduleSessionSeries',
            await t.gql(SCHEDULE, { input: { cohortId: cohort.id, title: 'X', weekdays: [4], localTime: '08:00', durationMinutes: 60 } }, token),
          ],
          ['rescheduleSession', await t.gql(RESCHEDULE, { id: target.id, startsAt: later }, token)],
          ['cancelSession', await t.gql(CANCEL, { id: target.id }, token)],
        ];
        for (const [operation, result] of attempts) {
          expect({ who, operation, codes: codes(result), data: result.data }).toEqual({ who, operation, codes: [code], data: null });
        }
      }
      expect(await sessionCount(cohort.id)).toBe(count);
      expect(await sessionRow(target.id)).toEqual(before);
    });
  });

  describe('bad input', () => {
    const valid = () => ({ cohortId: cohort.id, title: 'Bad series', weekdays: [3], localTime: '18:30', durationMinutes: 60 });

    it.each([
      ['weekdays', 'an unknown weekday 8', { weekdays: [8] }],
      ['weekdays', 'weekday 0', { weekdays: [2, 0] }],
      ['weekdays', 'no weekday at all', { weekdays: [] }],
      ['localTime', 'a malformed time "7pm"', { localTime: '7pm' }],
      ['localTime', 'the time "24:00"', { localTime: '24:00' }],
      ['localTime', 'the time "19:0"', { localTime: '19:0' }],
      ['durationMinutes', 'a zero duration', { durationMinutes: 0 }],
      ['meetingUrl', 'a javascript: link', { meetingUrl: 'javascript:alert(1)' }],
      ['cohortId', 'a cohort id that is no id', { cohortId: 'cohort-1' }],
    ])('refuses a series with %s (%s) as BAD_USER_INPUT naming it, and creates nothing', async (field, _label, bad) => {
      const count = await sessionCount(cohort.id);
      const result = await t.gql(SCHEDULE, { input: { ...valid(), ...bad } }, cohort.coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
      expect(result.data).toBeNull();
      expect(await sessionCount(cohort.id)).toBe(count);
    });

    it('reports every problem of one series at once', async () => {
      const count = await sessionCount(cohort.id);
      const result = await t.gql(SCHEDULE, { input: { ...valid(), weekdays: [9], localTime: '25:61', durationMinutes: 1 } }, cohort.coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(new Set(result.errors?.[0].extensions?.fields?.map((f) => f.field))).toEqual(new Set(['weekdays', 'localTime', 'durationMinutes']));
      expect(await sessionCount(cohort.id)).toBe(count);
    });

    it("takes no date range of its own: a series spans the cohort's program, so an endsOn before startsOn is refused by the schema", async () => {
      const count = await sessionCount(cohort.id);
      const result = await t.gql(SCHEDULE, { input: { ...valid(), startsOn: '2031-06-01', endsOn: '2031-05-01' } }, cohort.coach.token);
      // One error per unknown field.
      expect(codes(result)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect(result.errors?.map((e) => e.message).join(' ')).toMatch(/"startsOn" is not defined/);
      expect(result.errors?.map((e) => e.message).join(' ')).toMatch(/"endsOn" is not defined/);
      expect(result.data).toBeUndefined();
      expect(await sessionCount(cohort.id)).toBe(count);
    });

    it('refuses malformed start times for single sessions and reschedules', async () => {
      const count = await sessionCount(cohort.id);
      const target = series[4];
      const before = await sessionRow(target.id);
      // 2031-02-30 must not quietly become March 2, nor a time without offset be read in the server's zone.
      for (const startsAt of ['next tuesday', '2031-13-01T19:00:00Z', '2031-02-30T19:00:00Z', '2031-03-01T19:00:00', '2031-03-01', 1_900_000_000_000]) {
        const created = await t.gql(CREATE, { input: { cohortId: cohort.id, title: 'X', startsAt, durationMinutes: 60 } }, cohort.coach.token);
        expect({ startsAt, codes: codes(created) }).toEqual({ startsAt, codes: ['BAD_USER_INPUT'] });
        const moved = await t.gql(RESCHEDULE, { id: target.id, startsAt }, cohort.coach.token);
        expect({ startsAt, codes: codes(moved) }).toEqual({ startsAt, codes: ['BAD_USER_INPUT'] });
      }
      expect(await sessionCount(cohort.id)).toBe(count);
      expect(await sessionRow(target.id)).toEqual(before);

      // An offset other than Z is fine: it names one instant.
      const withOffset = `${addDays(startsOn, 7 * 7 + 2)}T19:00:00-05:00`;
      const created = (await t.ok(CREATE, { input: { cohortId: cohort.id, title: 'Offset', startsAt: withOffset, durationMinutes: 60 } }, cohort.coach.token)).createSession;
      expect(created.startsAt).toBe(iso(withOffset));
    });
  });

  describe('attendance', () => {
    it('lets the coach record and correct attendance for an enrolled client', async () => {
      const session = series[5];
      const client = cohort.clients[0];
      const present = (await t.ok(ATTEND, { s: session.id, c: client.user.id, status: 'PRESENT' }, cohort.coach.token)).recordAttendance;
      expect(present).toEqual({ status: 'PRESENT', client: { id: client.user.id } });
      const absent = (await t.ok(ATTEND, { s: session.id, c: client.user.id, status: 'ABSENT' }, admin.token)).recordAttendance;
      expect(absent.status).toBe('ABSENT');
      expect(await attendanceCount(session.id)).toBe(1);

      const read = await t.ok(`query($id: ID!) { cohort(id: $id) { sessions { id attendance { status client { id } } } } }`, { id: cohort.id }, cohort.coach.token);
      const row = read.cohort.sessions.find((s: { id: string }) => s.id === session.id);
      expect(row.attendance).toEqual([{ status: 'ABSENT', client: { id: client.user.id } }]);
    });

    it('refuses attendance for a client not enrolled in the cohort', async () => {
      const session = series[5];
      const before = await attendanceCount(session.id);
      const stranger = await t.user(Role.CLIENT);
      for (const clientId of [other.clients[0].user.id, stranger.user.id, cohort.coach.user.id]) {
        const result = await t.gql(ATTEND, { s: session.id, c: clientId, status: 'PRESENT' }, cohort.coach.token);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['clientId']);
      }
      expect(await attendanceCount(session.id)).toBe(before);
    });

    it('refuses clients, foreign coaches, anonymous callers and cancelled sessions', async () => {
      const session = series[5];
      const before = await attendanceCount(session.id);
      const clientId = cohort.clients[1].user.id;
      expect(codes(await t.gql(ATTEND, { s: session.id, c: clientId, status: 'PRESENT' }, cohort.clients[1].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ATTEND, { s: session.id, c: clientId, status: 'PRESENT' }, cohort.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ATTEND, { s: session.id, c: clientId, status: 'PRESENT' }, foreignCoach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ATTEND, { s: session.id, c: clientId, status: 'PRESENT' }))).toEqual(['UNAUTHENTICATED']);
      expect(await attendanceCount(session.id)).toBe(before);

      const cancelled = series[2]; // cancelled above
      expect(codes(await t.gql(ATTEND, { s: cancelled.id, c: clientId, status: 'PRESENT' }, cohort.coach.token))).toEqual(['CONFLICT']);
      expect(await attendanceCount(cancelled.id)).toBe(0);
    });

    it('keeps attendance from clients', async () => {
      const result = await t.gql(`query($id: ID!) { cohort(id: $id) { sessions { id attendance { status } } } }`, { id: cohort.id }, cohort.clients[0].token);
      expect(codes(result)).toContain('FORBIDDEN');
      expect(result.data).toBeNull();
    });
  });

  describe('who sees the sessions', () => {
    it("shows an enrolled client the cohort's sessions", async () => {
      const seen: SessionRow[] = (await t.ok(COHORT_SESSIONS, { id: cohort.id }, cohort.clients[1].token)).cohort.sessions;
      const stored: { id: string }[] = await t.db.query(`SELECT id FROM sessions WHERE cohort_id = $1 ORDER BY starts_at, id`, [cohort.id]);
      expect(seen.map((s) => s.id)).toEqual(stored.map((r) => r.id));
      expect(seen.map((s) => s.id)).toEqual(expect.arrayContaining(series.map((s) => s.id)));
    });

    it("hides them from a client of another cohort, and the other cohort's program from this cohort's client", async () => {
      const outsider = other.clients[0];
      const refused = await t.gql(COHORT_SESSIONS, { id: cohort.id }, outsider.token);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data).toBeNull();

      // The other cohort is still enrolling, so anyone may look at it, but not at its program.
      const own = (await t.ok(CREATE, { input: { cohortId: other.id, title: 'Morning kick-off', startsAt: series[0].startsAt, durationMinutes: 60 } }, other.coach.token))
        .createSession;
      const peek = await t.gql(`query($id: ID!) { cohort(id: $id) { name sessions { id } } }`, { id: other.id }, cohort.clients[0].token);
      expect(codes(peek)).toEqual(['FORBIDDEN']);
      expect(peek.errors?.[0]).toMatchObject({ path: ['cohort', 'sessions'] });
      expect((await t.ok(COHORT_SESSIONS, { id: other.id }, outsider.token)).cohort.sessions.map((s: SessionRow) => s.id)).toEqual([own.id]);
    });
  });

  describe('the iCalendar feed', () => {
    const calendarUrl = async (s: Session): Promise<string> => (await t.ok(`{ me { calendarUrl } }`, {}, s.token)).me.calendarUrl;
    /** The feed is served by this test app; the URL's origin is the configured public one. */
    const local = (url: string) => `${t.url}${new URL(url).pathname}`;
    const fetchFeed = async (url: string) => fetch(local(url));
    const events = async (url: string): Promise<Map<string, FeedEvent>> => {
      const res = await fetchFeed(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const parsed = ical.sync.parseICS(await res.text());
      const vevents = Object.values(parsed).filter((c): c is ical.VEvent => !!c && (c as { type?: string }).type === 'VEVENT');
      return new Map(vevents.map((e) => [e.uid, feedEvent(e)]));
    };
    const cohortSessions = async (s: Session, cohortId = cohort.id): Promise<SessionRow[]> =>
      (await t.ok(COHORT_SESSIONS, { id: cohortId }, s.token)).cohort.sessions;

    it("lists the client's sessions with stable UIDs, at their exact start times", async () => {
      const client = cohort.clients[0];
      const url = await calendarUrl(client);
      expect(url.startsWith(`${t.config.publicUrl}/calendar/`)).toBe(true);
      expect(url).toMatch(/\.ics$/);

      const sessions = await cohortSessions(client);
      const feed = await events(url);
      expect([...feed.keys()].sort()).toEqual(sessions.map((s) => `${s.id}@anchored`).sort());
      for (const s of sessions) {
        const event = eventOf(feed, `${s.id}@anchored`);
        expect({ id: s.id, start: event.start, end: event.end }).toEqual({
          id: s.id,
          start: iso(s.startsAt),
          end: iso(Date.parse(s.startsAt) + s.durationMinutes * 60_000),
        });
        expect(event.status).toBe(s.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED');
      }
      // 19:00 in New York on both sides of the DST changes, also as the calendar sees it.
      for (const s of series) {
        expect(DateTime.fromISO(eventOf(feed, `${s.id}@anchored`).start, { zone: NY }).toFormat('HH:mm')).toBe('19:00');
      }

      // Fetched again: the same events under the same UIDs.
      const again = await events(url);
      expect([...again.keys()].sort()).toEqual([...feed.keys()].sort());
      expect([...again.values()]).toEqual([...feed.values()]);

      // The coach follows the same sessions; the other cohort's client does not.
      const coachFeed = await events(await calendarUrl(cohort.coach));
      expect([...coachFeed.keys()]).toEqual(expect.arrayContaining([...feed.keys()]));
      const outsiderFeed = await events(await calendarUrl(other.clients[0]));
      expect([...outsiderFeed.keys()].filter((uid) => feed.has(uid))).toEqual([]);
      expect(outsiderFeed.size).toBe(1);
    });

    it('bumps SEQUENCE and moves the event when a session is rescheduled, and marks it CANCELLED when cancelled', async () => {
      const url = await calendarUrl(cohort.clients[1]);
      const [moved, dropped] = [series[6], series[7]];
      const before = await events(url);
      const movedUid = `${moved.id}@anchored`;
      const droppedUid = `${dropped.id}@anchored`;
      expect(before.get(movedUid)?.status).toBe('CONFIRMED');

      const later = new Date(Date.parse(moved.startsAt) + 30 * 60_000).toISOString();
      await t.ok(RESCHEDULE, { id: moved.id, startsAt: later }, cohort.coach.token);
      const afterMove = await events(url);
      expect(eventOf(afterMove, movedUid)).toMatchObject({ sequence: eventOf(before, movedUid).sequence + 1, status: 'CONFIRMED', start: later });
      expect(eventOf(afterMove, droppedUid)).toEqual(eventOf(before, droppedUid));

      await t.ok(CANCEL, { id: dropped.id }, cohort.coach.token);
      const afterCancel = await events(url);
      expect(eventOf(afterCancel, droppedUid)).toMatchObject({ sequence: eventOf(before, droppedUid).sequence + 1, status: 'CANCELLED', start: iso(dropped.startsAt) });
      expect(eventOf(afterCancel, movedUid)).toEqual(eventOf(afterMove, movedUid));
      expect([...afterCancel.keys()].sort()).toEqual([...before.keys()].sort());
    });

    it('rotates the calendar URL: the old one is gone, the new one works', async () => {
      const client = cohort.clients[0];
      const oldUrl = await calendarUrl(client);
      const expected = await events(oldUrl);

      const rotated = (await t.ok(`mutation { rotateCalendarToken { id calendarUrl } }`, {}, client.token)).rotateCalendarToken;
      expect(rotated.id).toBe(client.user.id);
      expect(rotated.calendarUrl).not.toBe(oldUrl);
      expect(await calendarUrl(client)).toBe(rotated.calendarUrl);

      expect((await fetchFeed(oldUrl)).status).toBe(404);
      const fresh = await events(rotated.calendarUrl);
      expect([...fresh.keys()].sort()).toEqual([...expected.keys()].sort());

      expect(codes(await t.gql(`mutation { rotateCalendarToken { id } }`))).toEqual(['UNAUTHENTICATED']);
    });

    it('answers 404 for an unknown or malformed token', async () => {
      expect((await fetch(`${t.url}/calendar/${randomBytes(24).toString('base64url')}.ics`)).status).toBe(404);
      expect((await fetch(`${t.url}/calendar/short.ics`)).status).toBe(404);
      const token = /\/calendar\/([^/]+)\.ics$/.exec(await calendarUrl(cohort.clients[1]))?.[1];
      expect(token).toEqual(expect.any(String));
      expect((await fetch(`${t.url}/calendar/${token}.txt`)).status).toBe(404);
      expect((await fetch(`${t.url}/calendar/${token}.ics`)).status).toBe(200);
    });
  });
});
