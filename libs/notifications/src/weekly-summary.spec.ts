import { computeProgress, ReachOutReason, SubmissionStatus } from '@anchored/domain';
import {
  buildClientWeeklyNote,
  buildCoachWeeklySummary,
  CoachSummaryInput,
  SummaryAssignment,
  SummaryClient,
  SummaryCohort,
  SummarySession,
} from './weekly-summary';

// The cohort starts Monday 4 January 2027 in Berlin, so program week 5 is Mon 1 – Sun 7 February.
const cohort: SummaryCohort = { id: 'c1', name: 'Spring Circle', timezone: 'Europe/Berlin', startsOn: '2027-01-04', programWeeks: 26 };
const ana: SummaryClient = { id: 'a', name: 'Ana' };
const ben: SummaryClient = { id: 'b', name: 'Ben' };
const cleo: SummaryClient = { id: 'c', name: 'Cleo' };
const dev: SummaryClient = { id: 'd', name: 'Dev' };
// Listed out of order on purpose: outputs are sorted by name.
const clients = [dev, ben, ana, cleo];

const weekStart = new Date('2027-01-31T23:00:00Z'); // Mon 1 Feb 00:00 CET
const weekEnd = new Date('2027-02-07T23:00:00Z'); // Mon 8 Feb 00:00 CET
const now = new Date('2027-02-06T12:00:00Z'); // Saturday

function session(id: string, title: string, startsAt: string, status: SummarySession['status'], attendance: SummarySession['attendance'] = []): SummarySession {
  return { id, title, startsAt: new Date(startsAt), durationMinutes: 90, status, meetingUrl: `https://meet.example/${id}`, attendance };
}

const sessions: SummarySession[] = [
  session('s1', 'Week 4 circle', '2027-01-26T18:00:00Z', 'COMPLETED', [
    { clientId: 'a', status: 'PRESENT' },
    { clientId: 'b', status: 'ABSENT' },
    { clientId: 'c', status: 'PRESENT' },
    { clientId: 'd', status: 'PRESENT' },
  ]),
  // Held by time although the row still says SCHEDULED.
  session('s2', 'Week 5 circle', '2027-02-02T18:00:00Z', 'SCHEDULED', [
    { clientId: 'a', status: 'ABSENT' },
    { clientId: 'b', status: 'EXCUSED' },
    { clientId: 'c', status: 'PRESENT' },
    // Dev not recorded; a withdrawn client's record is ignored.
    { clientId: 'x', status: 'ABSENT' },
  ]),
  session('s2c', 'Cancelled catch-up', '2027-02-03T18:00:00Z', 'CANCELLED', [
    { clientId: 'a', status: 'ABSENT' },
    { clientId: 'b', status: 'ABSENT' },
  ]),
  session('s3', 'Week 5 practice lab', '2027-02-05T18:00:00Z', 'COMPLETED', [
    { clientId: 'a', status: 'ABSENT' },
    { clientId: 'b', status: 'ABSENT' },
    { clientId: 'c', status: 'PRESENT' },
    { clientId: 'd', status: 'ABSENT' },
  ]),
  session('s4', 'Cancelled evening', '2027-02-06T18:00:00Z', 'CANCELLED'),
  // In the reported week, but not held yet at `now`.
  session('s5', 'Weekend check-in', '2027-02-07T10:00:00Z', 'SCHEDULED'),
  session('s6', 'Week 6 circle', '2027-02-09T18:00:00Z', 'SCHEDULED'),
];

const submitted = (clientId: string, late = false, reviewed = false) => ({
  clientId,
  submittedAt: new Date('2027-02-01T10:00:00Z'),
  late,
  reviewedAt: reviewed ? new Date('2027-02-02T10:00:00Z') : null,
});

const assignments: SummaryAssignment[] = [
  { id: 'h1', title: 'Three columns', dueAt: new Date('2027-01-25T22:59:00Z'), submissions: [submitted('c', false, true), submitted('b', false, true), submitted('x')] },
  { id: 'h3', title: 'A letter to myself', dueAt: new Date('2027-02-07T20:00:00Z'), submissions: [submitted('c')] },
  { id: 'h2', title: 'Where am I located?', dueAt: new Date('2027-02-03T22:00:00Z'), submissions: [submitted('c'), submitted('b', true)] },
  { id: 'h4', title: 'Preferences out loud', dueAt: new Date('2027-02-10T22:00:00Z'), submissions: [] },
];

const input: CoachSummaryInput = { cohort, clients, sessions, assignments, weekStart, weekEnd, now };

describe('buildCoachWeeklySummary', () => {
  const summary = buildCoachWeeklySummary(input);

  it('names the program week and its module', () => {
    expect(summary.cohortId).toBe('c1');
    expect(summary.programWeek).toBe(5);
    expect(summary.module).toEqual({ key: 'where-am-i-located', title: 'Where am I located right now?' });
  });

  it('counts attendance for sessions held in the week only', () => {
    expect(summary.sessions).toEqual([
      { sessionId: 's2', title: 'Week 5 circle', startsAt: new Date('2027-02-02T18:00:00Z'), present: 1, absent: 1, excused: 1, unrecorded: 1, absentNames: ['Ana'] },
      { sessionId: 's3', title: 'Week 5 practice lab', startsAt: new Date('2027-02-05T18:00:00Z'), present: 1, absent: 3, excused: 0, unrecorded: 0, absentNames: ['Ana', 'Ben', 'Dev'] },
    ]);
  });

  it('lists on-time, late and missing clients for homework due in the week', () => {
    expect(summary.assignments).toEqual([
      { assignmentId: 'h2', title: 'Where am I located?', dueAt: new Date('2027-02-03T22:00:00Z'), pastDue: true, submitted: ['Cleo'], late: ['Ben'], missing: ['Ana', 'Dev'] },
      { assignmentId: 'h3', title: 'A letter to myself', dueAt: new Date('2027-02-07T20:00:00Z'), pastDue: false, submitted: ['Cleo'], late: [], missing: ['Ana', 'Ben', 'Dev'] },
    ]);
  });

  it('counts every unreviewed submission, whatever the assignment', () => {
    // h1: x; h2: c, b; h3: c. The two reviewed submissions to h1 do not count.
    expect(summary.awaitingReview).toBe(4);
  });

  it('flags clients by the dashboard\'s reach-out rule, with the reasons as sentences', () => {
    // Held by now: s1, s2, s3 (s2 by time although it says SCHEDULED; cancelled ones and s5 do not count).
    // Ana: absent at s2 and s3, present at s1 (1 of 3), and h1 and h2 past due without an answer.
    // Ben: absent at s1 and s3, excused from s2, so 0 of 2 counted; he handed h2 in late.
    // Cleo: present throughout, answered everything. Dev: unrecorded at s2, absent at s3 (1 of 3), missing h1 and h2.
    expect(summary.reachOut).toEqual([
      {
        clientId: 'a',
        name: 'Ana',
        reasons: [ReachOutReason.MISSED_LAST_TWO_SESSIONS, ReachOutReason.LOW_ATTENDANCE, ReachOutReason.MISSING_HOMEWORK],
        sentences: ['Missed the last 2 sessions (“Week 5 circle” and “Week 5 practice lab”).', 'Attendance 33%.', '2 missing assignments.'],
      },
      { clientId: 'b', name: 'Ben', reasons: [ReachOutReason.LOW_ATTENDANCE], sentences: ['Attendance 0%.'] },
      { clientId: 'd', name: 'Dev', reasons: [ReachOutReason.LOW_ATTENDANCE, ReachOutReason.MISSING_HOMEWORK], sentences: ['Attendance 33%.', '2 missing assignments.'] },
    ]);
  });

  it('flags the same clients, for the same reasons, as the coach\'s dashboard (computeProgress)', () => {
    const dashboard = computeProgress({
      clientIds: clients.map((c) => c.id),
      assignments,
      submissions: assignments.flatMap((a) => a.submissions.map((s) => ({ assignmentId: a.id, clientId: s.clientId, late: s.late, status: s.reviewedAt ? SubmissionStatus.REVIEWED : SubmissionStatus.SUBMITTED }))),
      sessions,
      attendance: sessions.flatMap((s) => s.attendance.map((a) => ({ sessionId: s.id, ...a }))),
      now,
    });
    const flagged = dashboard.filter((p) => p.reachOutReasons.length > 0).map((p) => [p.clientId, p.reachOutReasons]);
    expect(summary.reachOut.map((r) => [r.clientId, r.reasons])).toEqual(flagged.sort());
  });

  it('gives the check-in reasons and a check-ins line from the same rows as the dashboard', () => {
    const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
    // Ana: ten check-ins, the last three far below the seven before. Ben: none for 9 days. Cleo: this week.
    const checkIns = [
      ...[8, 8, 8, 8, 8, 8, 8].map((anchored, i) => ({ clientId: 'a', at: day(12 - i), anchored })),
      ...[3, 4, 3].map((anchored, i) => ({ clientId: 'a', at: day(3 - i), anchored })),
      { clientId: 'b', at: day(9), anchored: 6 },
      { clientId: 'c', at: day(1), anchored: 7 },
    ];
    const withCheckIns = buildCoachWeeklySummary({ ...input, checkIns });
    const dashboard = computeProgress({
      clientIds: clients.map((c) => c.id),
      assignments,
      submissions: assignments.flatMap((a) => a.submissions.map((s) => ({ assignmentId: a.id, clientId: s.clientId, late: s.late, status: s.reviewedAt ? SubmissionStatus.REVIEWED : SubmissionStatus.SUBMITTED }))),
      sessions,
      attendance: sessions.flatMap((s) => s.attendance.map((a) => ({ sessionId: s.id, ...a }))),
      checkIns: { programStartedAt: new Date('2027-01-03T23:00:00Z'), rows: checkIns },
      now,
    });
    const flagged = dashboard.filter((p) => p.reachOutReasons.length > 0).map((p) => [p.clientId, p.reachOutReasons]);
    expect(withCheckIns.reachOut.map((r) => [r.clientId, r.reasons])).toEqual(flagged.sort());
    expect(withCheckIns.reachOut.find((r) => r.name === 'Ana')?.reasons).toContain(ReachOutReason.ANCHORED_DROPPING);
    expect(withCheckIns.reachOut.find((r) => r.name === 'Ben')?.reasons).toContain(ReachOutReason.NO_RECENT_CHECK_IN);
    expect(withCheckIns.reachOut.find((r) => r.name === 'Dev')?.reasons).toContain(ReachOutReason.NO_RECENT_CHECK_IN);
    // In the reported week (Mon 1 – Sun 7 Feb): Ana 3 (days 3, 2, 1 before Saturday) and Cleo 1.
    expect(withCheckIns.checkIns).toEqual({ clientsCheckedIn: 2, clients: 4, checkIns: 4 });
    expect(summary.checkIns).toBeNull();
  });

  it('counts a session starting exactly now as held, as the dashboard does', () => {
    const startsNow = session('s7', 'Starting now', now.toISOString(), 'SCHEDULED', [{ clientId: 'c', status: 'ABSENT' }]);
    const lastTwo = [session('s6b', 'Earlier', '2027-02-01T18:00:00Z', 'COMPLETED', [{ clientId: 'c', status: 'ABSENT' }]), startsNow];
    const atStart = buildCoachWeeklySummary({ ...input, clients: [cleo], sessions: lastTwo, assignments: [] });
    expect(atStart.reachOut[0].reasons).toContain(ReachOutReason.MISSED_LAST_TWO_SESSIONS);
  });

  it('needs two held sessions for a missed-sessions flag and two past-due assignments for a homework flag', () => {
    const early = buildCoachWeeklySummary({
      ...input,
      sessions: [sessions[0]],
      assignments: [assignments[0]],
      now: new Date('2027-01-27T12:00:00Z'),
    });
    // Ben missed the one session held: attendance 0%.
    expect(early.reachOut.map((r) => [r.name, r.reasons])).toEqual([['Ben', [ReachOutReason.LOW_ATTENDANCE]]]);
  });

  it('finds program week 1 when the program starts mid-week, and null outside the program', () => {
    const wednesdayStart = { ...cohort, startsOn: '2027-02-03' };
    const first = buildCoachWeeklySummary({ ...input, cohort: wednesdayStart });
    expect(first.programWeek).toBe(1);
    expect(first.module?.key).toBe('codependence-to-interdependence');

    const before = buildCoachWeeklySummary({ ...input, cohort: { ...cohort, startsOn: '2027-03-01' } });
    expect(before.programWeek).toBeNull();
    expect(before.module).toBeNull();
  });

  it('keeps the last module for the extra weeks of a longer program', () => {
    // 2026-07-20 is 28 weeks before 1 February 2027: week 29 of a 30-week program.
    const longer = buildCoachWeeklySummary({ ...input, cohort: { ...cohort, startsOn: '2026-07-20', programWeeks: 30 } });
    expect(longer.programWeek).toBe(29);
    expect(longer.module).toEqual({ key: 'integration-and-graduation', title: 'Integration and graduation' });
  });
});

describe('buildClientWeeklyNote', () => {
  it('gives the week, the module practices, open homework and the next session', () => {
    const note = buildClientWeeklyNote({ cohort, client: ana, sessions, assignments, now });
    expect(note).toEqual({
      cohortId: 'c1',
      clientId: 'a',
      programWeek: 5,
      module: {
        key: 'where-am-i-located',
        title: 'Where am I located right now?',
        practices: [
          'Five senses landing: Name one thing you can see, hear, touch, smell and taste to bring attention back into the room and the body.',
          'My business, their business: Sort a worrying thought into what is yours to act on and what belongs to someone else.',
        ],
      },
      // h1 is more than a week overdue and drops off.
      openHomework: [
        { assignmentId: 'h2', title: 'Where am I located?', dueAt: new Date('2027-02-03T22:00:00Z'), overdue: true },
        { assignmentId: 'h3', title: 'A letter to myself', dueAt: new Date('2027-02-07T20:00:00Z'), overdue: false },
        { assignmentId: 'h4', title: 'Preferences out loud', dueAt: new Date('2027-02-10T22:00:00Z'), overdue: false },
      ],
      // The cancelled evening session on Saturday is skipped.
      nextSession: {
        sessionId: 's5',
        title: 'Weekend check-in',
        startsAt: new Date('2027-02-07T10:00:00Z'),
        durationMinutes: 90,
        meetingUrl: 'https://meet.example/s5',
      },
    });
  });

  it('leaves out homework the client handed in, late or not', () => {
    expect(buildClientWeeklyNote({ cohort, client: ben, sessions, assignments, now }).openHomework.map((h) => h.assignmentId)).toEqual(['h3', 'h4']);
    expect(buildClientWeeklyNote({ cohort, client: cleo, sessions, assignments, now }).openHomework.map((h) => h.assignmentId)).toEqual(['h4']);
  });

  it('keeps homework due exactly a week ago', () => {
    const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
    const justInside = { id: 'h0', title: 'Edge', dueAt: weekAgo, submissions: [] };
    const justOutside = { id: 'h-1', title: 'Too old', dueAt: new Date(weekAgo.getTime() - 1), submissions: [] };
    const note = buildClientWeeklyNote({ cohort, client: dev, sessions: [], assignments: [justOutside, justInside], now });
    expect(note.openHomework).toEqual([{ assignmentId: 'h0', title: 'Edge', dueAt: weekAgo, overdue: true }]);
    expect(note.nextSession).toBeNull();
  });

  it('has no week or module outside the program', () => {
    const note = buildClientWeeklyNote({ cohort, client: ana, sessions, assignments, now: new Date('2026-12-30T12:00:00Z') });
    expect(note.programWeek).toBeNull();
    expect(note.module).toBeNull();
  });
});
