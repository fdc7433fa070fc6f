import { randomUUID } from 'node:crypto';
import * as ical from 'node-ical';
import { Role } from '@anchored/domain';
import { CalendarService } from '../src/calendar/calendar.service';
import { CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

/*
 * "Add to calendar" on one session: Session.calendarFileUrl is a signed link to that one event as
 * an .ics file, for the cohort's clients, its coaches and admins, and nobody else.
 */

const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id startsAt } }`;
const RESCHEDULE = `mutation($id: ID!, $startsAt: DateTime!) { rescheduleSession(sessionId: $id, startsAt: $startsAt) { id startsAt } }`;
const CANCEL = `mutation($id: ID!) { cancelSession(sessionId: $id) { id status } }`;
const FILE_URLS = `query($id: ID!) { cohort(id: $id) { sessions { id calendarFileUrl } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrollment(enrollmentId: $id) { id status } }`;
const MY_ENROLLMENTS = `{ myEnrollments { id cohort { id } } }`;

describe('one session as an .ics file', () => {
  let t: TestApp;
  let admin: Session;
  let circle: CoachingCohort;
  let other: CoachingCohort;
  let sessionId: string;
  // A fixed instant next year: the event's times are checked exactly, whatever today is.
  const startsAt = '2027-03-11T17:30:00.000Z';

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    circle = await coachingCohort(t, admin, { name: `Ics ${randomUUID().slice(0, 6)}`, startsOn: '2027-01-04', timezone: 'Europe/Berlin', clients: 2 });
    other = await coachingCohort(t, admin, { name: `Other ${randomUUID().slice(0, 6)}`, startsOn: '2027-01-04', timezone: 'Europe/Berlin', clients: 1 });
    sessionId = (await t.ok(CREATE, { input: { cohortId: circle.id, title: 'Thursday circle', startsAt, durationMinutes: 90, meetingUrl: 'https://meet.example.org/thu' } }, circle.coach.token))
      .createSession.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const fileUrl = async (s: Session, id = sessionId) =>
    ((await t.ok(FILE_URLS, { id: circle.id }, s.token)).cohort.sessions as { id: string; calendarFileUrl: string }[]).find((x) => x.id === id)!.calendarFileUrl;
  /** Served by this test app; the link's origin is the configured public one. */
  const fetchLocal = (url: string) => fetch(`${t.url}${new URL(url).pathname}${new URL(url).search}`);
  const eventsOf = async (url: string) => {
    const res = await fetchLocal(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="thursday-circle.ics"');
    const text = await res.text();
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => !!c && (c as { type?: string }).type === 'VEVENT');
    return { text, events };
  };

  it('gives the client, the coach and an admin that one event, at its exact UTC times, under the UID the feed uses', async () => {
    for (const who of [circle.clients[0], circle.coach, admin]) {
      const url = await fileUrl(who);
      expect(url.startsWith(`${t.config.publicUrl}/calendar/sessions/${sessionId}.ics?`)).toBe(true);
      const { text, events } = await eventsOf(url);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.uid).toBe(`${sessionId}@anchored`);
      expect(new Date(event.start).toISOString()).toBe(startsAt);
      expect(new Date(event.end!).toISOString()).toBe('2027-03-11T19:00:00.000Z');
      expect(event.status).toBe('CONFIRMED');
      expect(event.summary).toMatch(/^Thursday circle · Ics /);
      // Written in UTC, so no calendar shifts it.
      expect(text).toContain('DTSTART:20270311T173000Z');
    }
  });

  it('keeps the UID when the session moves, and marks a cancelled session CANCELLED', async () => {
    const url = await fileUrl(circle.clients[0]);
    await t.ok(RESCHEDULE, { id: sessionId, startsAt: '2027-03-12T17:30:00.000Z' }, circle.coach.token);
    const moved = (await eventsOf(url)).events[0];
    expect(moved.uid).toBe(`${sessionId}@anchored`);
    expect(new Date(moved.start).toISOString()).toBe('2027-03-12T17:30:00.000Z');
    expect(Number(moved.sequence)).toBeGreaterThan(0);

    await t.ok(CANCEL, { id: sessionId }, circle.coach.token);
    const cancelled = (await eventsOf(url)).events[0];
    expect(cancelled).toMatchObject({ uid: `${sessionId}@anchored`, status: 'CANCELLED' });
  });

  it("refuses the link to people outside the cohort: no link for them, and another's link is not theirs", async () => {
    for (const outsider of [other.clients[0], other.coach]) {
      const refused = await t.gql(FILE_URLS, { id: circle.id }, outsider.token);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
    }
    // A link names its person: swapping in someone else, or changing anything, breaks the signature.
    const url = new URL(await fileUrl(circle.clients[0]));
    const forged = new URL(url);
    forged.searchParams.set('u', other.clients[0].user.id);
    expect((await fetchLocal(forged.toString())).status).toBe(404);
    const later = new URL(url);
    later.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    expect((await fetchLocal(later.toString())).status).toBe(404);
    const elsewhere = new URL(url.toString().replace(sessionId, randomUUID()));
    expect((await fetchLocal(elsewhere.toString())).status).toBe(404);
    const unsigned = new URL(url);
    unsigned.searchParams.delete('sig');
    expect((await fetchLocal(unsigned.toString())).status).toBe(404);
    // And a link for someone who never was one of the session's people is worth nothing either.
    const signedForOutsider = t.app.get(CalendarService).eventLink(other.clients[0].user.id, sessionId);
    expect((await fetchLocal(signedForOutsider)).status).toBe(404);
  });

  it('stops working when it expires, and when its person leaves the cohort', async () => {
    const calendar = t.app.get(CalendarService);
    const client = circle.clients[1];
    const stale = calendar.eventLink(client.user.id, sessionId, new Date(Date.now() - 8 * 24 * 3_600_000));
    expect((await fetchLocal(stale)).status).toBe(404);

    const url = await fileUrl(client);
    expect((await fetchLocal(url)).status).toBe(200);
    const [enrollment] = (await t.ok(MY_ENROLLMENTS, {}, client.token)).myEnrollments.filter((e: { cohort: { id: string } }) => e.cohort.id === circle.id);
    await t.ok(WITHDRAW, { id: enrollment.id }, client.token);
    expect((await fetchLocal(url)).status).toBe(404);
  });
});
