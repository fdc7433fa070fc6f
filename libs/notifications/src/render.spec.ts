import { ReachOutReason } from '@anchored/domain';
import {
  escapeHtml,
  renderCoachAssigned,
  renderClientWeeklyNote,
  renderCoachWeeklySummary,
  renderEnrollmentUpdate,
  renderFeedbackReady,
  renderHomeworkDue,
  renderHomeworkOverdue,
  renderSessionReminder,
  SessionReminderInput,
} from './render';
import { formatLocalTime } from './time';
import type { ClientWeeklyNote, CoachWeeklySummary } from './weekly-summary';

const EVIL = '<script>alert("x")</script>';
const EVIL_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

/** The HTML must never contain a raw tag from user input. */
function expectSafe(html: string): void {
  expect(html).not.toContain('<script');
  expect(html).toContain(EVIL_ESCAPED);
}

const reminder: SessionReminderInput = {
  recipientName: 'Ana',
  recipientTimezone: 'America/New_York',
  cohortName: 'Spring Circle',
  sessionTitle: 'Week 5 circle',
  startsAt: new Date('2027-03-03T00:00:00Z'), // Tue 2 Mar, 19:00 EST
  offsetMinutes: 60,
  meetingUrl: 'https://meet.example/s5?a=1&b=2',
  moduleTitle: 'Where am I located right now?',
};

describe('formatLocalTime', () => {
  it('shows the local time with a zone abbreviation', () => {
    expect(formatLocalTime(new Date('2027-03-03T00:00:00Z'), 'America/New_York')).toBe('Tue 2 Mar, 19:00 EST');
    expect(formatLocalTime(new Date('2027-03-02T18:00:00Z'), 'Europe/Berlin')).toBe('Tue 2 Mar, 19:00 CET');
    expect(formatLocalTime(new Date('2027-07-06T17:00:00Z'), 'Europe/Berlin')).toBe('Tue 6 Jul, 19:00 CEST');
    expect(formatLocalTime(new Date('2027-03-02T08:00:00Z'), 'Australia/Sydney')).toBe('Tue 2 Mar, 19:00 AEDT');
    expect(formatLocalTime(new Date('2027-03-02T13:30:00Z'), 'Asia/Kolkata')).toBe('Tue 2 Mar, 19:00 IST');
    expect(formatLocalTime(new Date('2027-03-02T19:00:00Z'), 'UTC')).toBe('Tue 2 Mar, 19:00 UTC');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderSessionReminder', () => {
  it('renders the full text in the recipient zone', () => {
    const email = renderSessionReminder(reminder);
    expect(email.subject).toBe('Starting in 1 hour: Week 5 circle');
    expect(email.text).toBe(
      [
        'Hi Ana,',
        'A gentle reminder that “Week 5 circle” with Spring Circle begins on Tue 2 Mar, 19:00 EST.',
        'This week the group is spending time with “Where am I located right now?”.',
        'Join the session: https://meet.example/s5?a=1&b=2',
        'There is nothing you need to prepare. Come as you are, and take a slow breath before you join.',
        'Warmly,\nThe Anchored team',
      ].join('\n\n'),
    );
    expect(email.html).toContain('<a href="https://meet.example/s5?a=1&amp;b=2">Join the session</a>');
    expect(email.html).toContain('<p>Hi Ana,</p>');
  });

  it('words the subject after the lead time', () => {
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 1440 }).subject).toBe('Tomorrow: Week 5 circle');
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 10 }).subject).toBe('Starting in 10 minutes: Week 5 circle');
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 1 }).subject).toBe('Starting in 1 minute: Week 5 circle');
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 120 }).subject).toBe('Starting in 2 hours: Week 5 circle');
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 2880 }).subject).toBe('Starting in 2 days: Week 5 circle');
    expect(renderSessionReminder({ ...reminder, offsetMinutes: 0 }).subject).toBe('Starting now: Week 5 circle');
  });

  it('copes without a meeting link or module', () => {
    const email = renderSessionReminder({ ...reminder, meetingUrl: null, moduleTitle: null });
    expect(email.text).toContain('Your coach will share how to join before the session starts.');
    expect(email.text).not.toContain('spending time with');
    expect(email.html).not.toContain('<a ');
  });

  it('does not turn a non-web address into a link', () => {
    const email = renderSessionReminder({ ...reminder, meetingUrl: 'javascript:alert(1)' });
    expect(email.html).not.toContain('<a ');
    expect(email.html).toContain('<p>Join the session: javascript:alert(1)</p>');
  });

  it('escapes user-supplied strings in HTML and keeps the subject on one line', () => {
    const email = renderSessionReminder({ ...reminder, recipientName: EVIL, cohortName: EVIL, sessionTitle: `${EVIL}\r\nBcc: x@example.com`, moduleTitle: EVIL });
    expectSafe(email.html);
    expect(email.subject).toBe(`Starting in 1 hour: ${EVIL} Bcc: x@example.com`);
    expect(email.text).toContain(`Hi ${EVIL},`);
  });
});

describe('homework emails', () => {
  const homework = {
    recipientName: 'Ben',
    recipientTimezone: 'Europe/Berlin',
    assignmentTitle: 'Where am I located?',
    cohortName: 'Spring Circle',
    dueAt: new Date('2027-02-03T22:00:00Z'),
  };

  it('renders the due reminder', () => {
    const email = renderHomeworkDue(homework);
    expect(email.subject).toBe('Coming up: Where am I located?');
    expect(email.text).toBe(
      [
        'Hi Ben,',
        'A friendly heads-up: “Where am I located?” for Spring Circle is due on Wed 3 Feb, 23:00 CET.',
        'A few honest lines are plenty. It does not need to be polished, only yours.',
        'If you need a little more time, it is always fine to tell your coach.',
        'Warmly,\nThe Anchored team',
      ].join('\n\n'),
    );
  });

  it('renders the overdue nudge without blame', () => {
    const email = renderHomeworkOverdue(homework);
    expect(email.subject).toBe('Still open: Where am I located?');
    expect(email.text).toContain('“Where am I located?” for Spring Circle was due on Wed 3 Feb, 23:00 CET, and it has not come in yet.');
    expect(email.text).toContain('There is no penalty for being late.');
  });

  it('escapes titles and names', () => {
    expectSafe(renderHomeworkDue({ ...homework, recipientName: EVIL, assignmentTitle: EVIL, cohortName: EVIL }).html);
    expectSafe(renderHomeworkOverdue({ ...homework, recipientName: EVIL, assignmentTitle: EVIL, cohortName: EVIL }).html);
  });
});

describe('renderFeedbackReady', () => {
  it('points to the app and never carries the feedback', () => {
    const email = renderFeedbackReady({ recipientName: 'Cleo', assignmentTitle: 'A letter to myself', cohortName: 'Spring Circle' });
    expect(email.subject).toBe('Your coach has replied: A letter to myself');
    expect(email.text).toBe(
      [
        'Hi Cleo,',
        'Your coach has read what you shared for “A letter to myself” in Spring Circle and left you a reply.',
        'To keep your reflections private, we never include feedback in emails. It is waiting for you in the Anchored app.',
        'Warmly,\nThe Anchored team',
      ].join('\n\n'),
    );
  });

  it('escapes titles and names', () => {
    expectSafe(renderFeedbackReady({ recipientName: EVIL, assignmentTitle: EVIL, cohortName: EVIL }).html);
  });
});

describe('renderCoachAssigned', () => {
  it('names the coach and the cohort, points to the access log and escapes every name', () => {
    const email = renderCoachAssigned({ recipientName: 'Cleo', coachName: 'Corin Coach', cohortName: 'Spring Circle' });
    expect(email.subject).toBe('A new coach in Spring Circle: Corin Coach');
    expect(email.text).toContain('Corin Coach has joined Spring Circle as a coach.');
    expect(email.text).toContain('access log');
    expectSafe(renderCoachAssigned({ recipientName: EVIL, coachName: EVIL, cohortName: EVIL }).html);
  });
});

describe('renderEnrollmentUpdate', () => {
  const base = { recipientName: 'Dev', cohortName: 'Spring Circle', waitlistPosition: null, promoted: false };

  it('words each status', () => {
    expect(renderEnrollmentUpdate({ ...base, status: 'ENROLLED' }).subject).toBe('You are in: Spring Circle');
    expect(renderEnrollmentUpdate({ ...base, status: 'ENROLLED', promoted: true }).subject).toBe('A place opened up for you in Spring Circle');
    expect(renderEnrollmentUpdate({ ...base, status: 'ENROLLED', promoted: true }).text).toContain('you have moved from the waitlist into the group');
    expect(renderEnrollmentUpdate({ ...base, status: 'WAITLISTED' }).subject).toBe('You are on the waitlist for Spring Circle');
    expect(renderEnrollmentUpdate({ ...base, status: 'REJECTED' }).subject).toBe('About your place in Spring Circle');
    expect(renderEnrollmentUpdate({ ...base, status: 'REJECTED' }).text).toContain('This is not a judgement of you.');
    expect(renderEnrollmentUpdate({ ...base, status: 'WITHDRAWN' }).subject).toBe('About your place in Spring Circle');
    expect(renderEnrollmentUpdate({ ...base, status: 'GRADUATED' }).subject).toBe('Congratulations on completing Spring Circle');
  });

  it('words a withdrawal as the program team’s, for what the client had, thanking only those who met the group', () => {
    const withdrawn = (previousStatus: 'APPLIED' | 'WAITLISTED' | 'ENROLLED', programStarted: boolean) =>
      renderEnrollmentUpdate({ ...base, status: 'WITHDRAWN', withdrawal: { previousStatus, programStarted } }).text;
    expect(withdrawn('APPLIED', false)).toContain('The program team has withdrawn your application to Spring Circle.');
    expect(withdrawn('WAITLISTED', false)).toContain('The program team has withdrawn your place on the waitlist for Spring Circle.');
    expect(withdrawn('ENROLLED', false)).toContain('The program team has withdrawn your place in Spring Circle.');
    for (const text of [withdrawn('APPLIED', true), withdrawn('WAITLISTED', true), withdrawn('ENROLLED', false)]) {
      expect(text).not.toMatch(/thank you for the time/i);
      expect(text).not.toMatch(/you withdrew|you have left/i);
    }
    expect(withdrawn('ENROLLED', true)).toContain('Thank you for the time you spent with the group.');
  });

  it('puts the admin’s note into the rejection email only, escaped; the in-app copy just says one was emailed', () => {
    const emailed = renderEnrollmentUpdate({ ...base, status: 'REJECTED', note: { text: 'We loved your <b>energy</b>.\nTry the autumn group.' } });
    expect(emailed.text).toContain('A note from the program team\n\nWe loved your <b>energy</b>.\nTry the autumn group.');
    expect(emailed.html).toContain('We loved your &lt;b&gt;energy&lt;/b&gt;.<br>Try the autumn group.');
    const inApp = renderEnrollmentUpdate({ ...base, status: 'REJECTED', note: 'sent-by-email' });
    expect(inApp.text).toContain('personal note');
    expect(inApp.text).not.toContain('energy');
  });

  it('gives the waitlist position when known', () => {
    expect(renderEnrollmentUpdate({ ...base, status: 'WAITLISTED', waitlistPosition: 3 }).text).toContain('you are number 3 on the waitlist.');
    expect(renderEnrollmentUpdate({ ...base, status: 'WAITLISTED' }).text).toContain('The group is full for now, and you are on the waitlist.');
  });

  it('escapes names in every variant', () => {
    for (const status of ['ENROLLED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN', 'GRADUATED'] as const) {
      expectSafe(renderEnrollmentUpdate({ ...base, recipientName: EVIL, cohortName: EVIL, status }).html);
    }
  });
});

describe('renderCoachWeeklySummary', () => {
  const summary: CoachWeeklySummary = {
    cohortId: 'c1',
    weekStart: new Date('2027-01-31T23:00:00Z'),
    weekEnd: new Date('2027-02-07T23:00:00Z'),
    programWeek: 5,
    module: { key: 'where-am-i-located', title: 'Where am I located right now?' },
    sessions: [
      { sessionId: 's2', title: 'Week 5 circle', startsAt: new Date('2027-02-02T18:00:00Z'), present: 1, absent: 1, excused: 1, unrecorded: 1, absentNames: ['Ana'] },
      { sessionId: 's3', title: 'Practice lab', startsAt: new Date('2027-02-05T18:00:00Z'), present: 3, absent: 0, excused: 0, unrecorded: 0, absentNames: [] },
    ],
    assignments: [
      { assignmentId: 'h2', title: 'Where am I located?', dueAt: new Date('2027-02-03T22:00:00Z'), pastDue: true, submitted: ['Cleo'], late: ['Ben'], missing: ['Ana', 'Dev'] },
      { assignmentId: 'h3', title: 'A letter', dueAt: new Date('2027-02-07T20:00:00Z'), pastDue: false, submitted: ['Cleo'], late: [], missing: ['Ana'] },
    ],
    awaitingReview: 4,
    reachOut: [{ clientId: 'a', name: 'Ana', reasons: [ReachOutReason.MISSED_LAST_TWO_SESSIONS], sentences: ['Missed the last 2 sessions (“Week 5 circle” and “Practice lab”).'] }],
    checkIns: null,
  };
  const recipient = { recipientName: 'Maya', recipientTimezone: 'Europe/Berlin', cohortName: 'Spring Circle' };

  it('adds a line on the week’s check-ins once the cohort has any: counts only', () => {
    const email = renderCoachWeeklySummary({ ...summary, checkIns: { clientsCheckedIn: 3, clients: 4, checkIns: 11 } }, recipient);
    expect(email.text).toContain('Daily check-ins\n\n3 of 4 clients checked in this week (11 check-ins).');
    expect(renderCoachWeeklySummary({ ...summary, checkIns: { clientsCheckedIn: 0, clients: 4, checkIns: 0 } }, recipient).text).toContain('Nobody checked in this week.');
    expect(renderCoachWeeklySummary(summary, recipient).text).not.toContain('check-ins');
  });

  it('renders the week at a glance', () => {
    const email = renderCoachWeeklySummary(summary, recipient);
    expect(email.subject).toBe('Week 5 with Spring Circle: your summary');
    expect(email.text).toBe(
      [
        'Hi Maya,',
        'Here is how Mon 1 Feb to Sun 7 Feb went for Spring Circle.',
        'This was program week 5, focused on “Where am I located right now?”.',
        'Sessions',
        '- Week 5 circle (Tue 2 Feb, 19:00 CET): 1 present, 1 absent, 1 excused, 1 not yet recorded. Absent: Ana.\n' +
          '- Practice lab (Fri 5 Feb, 19:00 CET): 3 present, 0 absent, 0 excused.',
        'Homework',
        '- Where am I located? (due Wed 3 Feb, 23:00 CET): 1 on time, 1 late, 2 missing. Late: Ben. Missing: Ana, Dev.\n' +
          '- A letter (due Sun 7 Feb, 21:00 CET): 1 on time, 0 late, 1 not in yet. Not in yet: Ana.',
        'Waiting for your review',
        '4 submissions are waiting for your review.',
        'Who might appreciate a note',
        'A short, kind check-in can make it easier to come back. These clients may welcome one:',
        '- Ana: Missed the last 2 sessions (“Week 5 circle” and “Practice lab”).',
        'Warmly,\nThe Anchored team',
      ].join('\n\n'),
    );
    expect(email.html).toContain('<h2 style="font-size:16px;margin:24px 0 8px">Sessions</h2>');
    expect(email.html).toContain('<li>Ana: Missed the last 2 sessions (“Week 5 circle” and “Practice lab”).</li>');
  });

  it('has calm wording for a quiet week', () => {
    const email = renderCoachWeeklySummary({ ...summary, programWeek: null, module: null, sessions: [], assignments: [], awaitingReview: 1, reachOut: [] }, recipient);
    expect(email.subject).toBe('Your weekly summary for Spring Circle');
    expect(email.text).toContain('No sessions were held this week.');
    expect(email.text).toContain('No homework was due this week.');
    expect(email.text).toContain('1 submission is waiting for your review.');
    expect(email.text).toContain('Nobody is flagged for a check-in this week');
    expect(email.text).not.toContain('program week');
  });

  it('escapes client names and titles', () => {
    const email = renderCoachWeeklySummary(
      {
        ...summary,
        sessions: [{ ...summary.sessions[0], title: EVIL, absentNames: [EVIL] }],
        assignments: [{ ...summary.assignments[0], title: EVIL, late: [EVIL] }],
        reachOut: [{ clientId: 'x', name: EVIL, reasons: [ReachOutReason.MISSED_LAST_TWO_SESSIONS], sentences: [`Missed “${EVIL}”.`] }],
      },
      { ...recipient, recipientName: EVIL, cohortName: EVIL },
    );
    expectSafe(email.html);
  });
});

describe('renderClientWeeklyNote', () => {
  const note: ClientWeeklyNote = {
    cohortId: 'c1',
    clientId: 'a',
    programWeek: 5,
    module: {
      key: 'where-am-i-located',
      title: 'Where am I located right now?',
      practices: ['Five senses landing: Name one thing for each sense.', 'My business, their business: Sort a worry.'],
    },
    openHomework: [
      { assignmentId: 'h2', title: 'Where am I located?', dueAt: new Date('2027-02-03T22:00:00Z'), overdue: true },
      { assignmentId: 'h3', title: 'A letter', dueAt: new Date('2027-02-07T20:00:00Z'), overdue: false },
    ],
    nextSession: { sessionId: 's5', title: 'Weekend check-in', startsAt: new Date('2027-02-07T10:00:00Z'), durationMinutes: 90, meetingUrl: 'https://meet.example/s5' },
  };
  const recipient = { recipientName: 'Ana', recipientTimezone: 'America/New_York', cohortName: 'Spring Circle' };

  it('renders the week ahead in the client zone', () => {
    const email = renderClientWeeklyNote(note, recipient);
    expect(email.subject).toBe('Your week ahead in Spring Circle');
    expect(email.text).toBe(
      [
        'Hi Ana,',
        'Welcome to week 5 of Spring Circle.',
        'This week: Where am I located right now?',
        'A few practices to try, at your own pace:',
        '- Five senses landing: Name one thing for each sense.\n- My business, their business: Sort a worry.',
        'Homework',
        '- Where am I located?: was due Wed 3 Feb, 17:00 EST, and is still welcome whenever you are ready\n' +
          '- A letter: due Sun 7 Feb, 15:00 EST',
        'Next session',
        '“Weekend check-in” on Sun 7 Feb, 05:00 EST.',
        'Join the session: https://meet.example/s5',
        'Warmly,\nThe Anchored team',
      ].join('\n\n'),
    );
    expect(email.html).toContain('<a href="https://meet.example/s5">Join the session</a>');
  });

  it('reassures when nothing is open or scheduled', () => {
    const email = renderClientWeeklyNote({ ...note, programWeek: null, module: null, openHomework: [], nextSession: null }, recipient);
    expect(email.text).toContain('Here is your week ahead in Spring Circle.');
    expect(email.text).toContain('You are all caught up. Nothing is waiting on you.');
    expect(email.text).toContain('There is no session on the calendar just now.');
    expect(email.html).not.toContain('<a ');
  });

  it('escapes titles and names', () => {
    const email = renderClientWeeklyNote(
      {
        ...note,
        module: { key: 'k', title: EVIL, practices: [EVIL] },
        openHomework: [{ ...note.openHomework[0], title: EVIL }],
        nextSession: { sessionId: 's5', title: EVIL, startsAt: new Date('2027-02-07T10:00:00Z'), durationMinutes: 90, meetingUrl: `https://x.example/"><script>` },
      },
      { ...recipient, recipientName: EVIL, cohortName: EVIL },
    );
    expectSafe(email.html);
  });
});
