import { formatLocalDate, formatLocalTime } from './time';
import type { ClientWeeklyNote, CoachWeeklySummary } from './weekly-summary';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type EnrollmentUpdateStatus = 'ENROLLED' | 'WAITLISTED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED';

export interface SessionReminderInput {
  recipientName: string;
  recipientTimezone: string;
  cohortName: string;
  sessionTitle: string;
  startsAt: Date;
  /** How long before the start the reminder is sent, e.g. 1440, 60 or 10. */
  offsetMinutes: number;
  meetingUrl: string | null;
  moduleTitle: string | null;
}

export interface HomeworkReminderInput {
  recipientName: string;
  recipientTimezone: string;
  assignmentTitle: string;
  cohortName: string;
  dueAt: Date;
}

export interface FeedbackReadyInput {
  recipientName: string;
  assignmentTitle: string;
  cohortName: string;
  /** The coach corrected feedback already sent. */
  edited?: boolean;
}

export interface EnrollmentUpdateInput {
  recipientName: string;
  cohortName: string;
  status: EnrollmentUpdateStatus;
  waitlistPosition: number | null;
  /** True when the client moved from the waitlist into the cohort. */
  promoted: boolean;
  /**
   * WITHDRAWN only (clients who withdraw themselves are not emailed, so this is the program team's
   * doing): what the client had before, and whether the group had begun meeting.
   */
  withdrawal?: { previousStatus: 'APPLIED' | 'WAITLISTED' | 'ENROLLED'; programStarted: boolean };
  /**
   * REJECTED only: the admin's personal note. `text` goes into the email alone; `'sent-by-email'`
   * renders the stored in-app copy, which says a note was emailed without repeating it.
   */
  note?: { text: string } | 'sent-by-email';
}

export interface CoachAssignedInput {
  recipientName: string;
  coachName: string;
  cohortName: string;
}

export interface DigestRecipient {
  recipientName: string;
  recipientTimezone: string;
  cohortName: string;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/*
 * Emails are assembled from plain-text blocks and rendered twice, as text and as HTML. Every
 * string is escaped on its way into HTML, so names and titles can never become markup.
 */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'link'; label: string; url: string };

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const heading = (text: string): Block => ({ kind: 'heading', text });
const list = (items: string[]): Block => ({ kind: 'list', items });
const link = (label: string, url: string): Block => ({ kind: 'link', label, url });

const SIGN_OFF = 'Warmly,\nThe Anchored team';

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

function compose(rawSubject: string, recipientName: string, blocks: Block[]): RenderedEmail {
  // A subject is one header line: line breaks in a title must not start a new header.
  const subject = rawSubject.replace(/\s+/g, ' ').trim();
  const all = [paragraph(`Hi ${recipientName},`), ...blocks, paragraph(SIGN_OFF)];
  const text = all
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
          return block.text;
        case 'list':
          return block.items.map((item) => `- ${item}`).join('\n');
        case 'link':
          return `${block.label}: ${block.url}`;
      }
    })
    .join('\n\n');
  const body = all
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`;
        case 'heading':
          return `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(block.text)}</h2>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
        case 'link':
          // Only web addresses become links; anything else is shown as text.
          return isWebUrl(block.url)
            ? `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`
            : `<p>${escapeHtml(`${block.label}: ${block.url}`)}</p>`;
      }
    })
    .join('\n');
  const html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>' +
    escapeHtml(subject) +
    '</title></head>\n<body style="font-family:Georgia,serif;font-size:15px;line-height:1.6;color:#2b2b2b;max-width:560px;margin:0 auto;padding:16px">\n' +
    body +
    '\n</body></html>';
  return { subject, text, html };
}

/** A paragraph, or a link shown as "label: url" in text and as a link in HTML. */
export type LetterPart = { text: string } | { label: string; url: string };

/**
 * A short letter of paragraphs and links (account, community, buddy and message notices), with the
 * same greeting, sign-off, escaping, one-line subject and web-only links as every other email.
 */
export function composeLetter(subject: string, recipientName: string, parts: readonly LetterPart[]): RenderedEmail {
  return compose(subject, recipientName, parts.map((part) => ('text' in part ? paragraph(part.text) : link(part.label, part.url))));
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function quoted(title: string): string {
  return `“${title}”`;
}

/** "in 10 minutes", "in 1 hour", "in 2 days" */
function leadTime(offsetMinutes: number): string {
  if (offsetMinutes >= 1440 && offsetMinutes % 1440 === 0) return `in ${plural(offsetMinutes / 1440, 'day')}`;
  if (offsetMinutes >= 60 && offsetMinutes % 60 === 0) return `in ${plural(offsetMinutes / 60, 'hour')}`;
  return `in ${plural(offsetMinutes, 'minute')}`;
}

export function renderSessionReminder(input: SessionReminderInput): RenderedEmail {
  const { recipientName, recipientTimezone, cohortName, sessionTitle, startsAt, offsetMinutes, meetingUrl, moduleTitle } = input;
  const when = formatLocalTime(startsAt, recipientTimezone);
  let subject: string;
  if (offsetMinutes === 1440) subject = `Tomorrow: ${sessionTitle}`;
  else if (offsetMinutes <= 0) subject = `Starting now: ${sessionTitle}`;
  else subject = `Starting ${leadTime(offsetMinutes)}: ${sessionTitle}`;

  const blocks: Block[] = [
    paragraph(`A gentle reminder that ${quoted(sessionTitle)} with ${cohortName} begins on ${when}.`),
  ];
  if (moduleTitle) blocks.push(paragraph(`This week the group is spending time with ${quoted(moduleTitle)}.`));
  if (meetingUrl) blocks.push(link('Join the session', meetingUrl));
  else blocks.push(paragraph('Your coach will share how to join before the session starts.'));
  blocks.push(paragraph('There is nothing you need to prepare. Come as you are, and take a slow breath before you join.'));
  return compose(subject, recipientName, blocks);
}

export function renderHomeworkDue(input: HomeworkReminderInput): RenderedEmail {
  const { recipientName, recipientTimezone, assignmentTitle, cohortName, dueAt } = input;
  return compose(`Coming up: ${assignmentTitle}`, recipientName, [
    paragraph(`A friendly heads-up: ${quoted(assignmentTitle)} for ${cohortName} is due on ${formatLocalTime(dueAt, recipientTimezone)}.`),
    paragraph('A few honest lines are plenty. It does not need to be polished, only yours.'),
    paragraph('If you need a little more time, it is always fine to tell your coach.'),
  ]);
}

export function renderHomeworkOverdue(input: HomeworkReminderInput): RenderedEmail {
  const { recipientName, recipientTimezone, assignmentTitle, cohortName, dueAt } = input;
  return compose(`Still open: ${assignmentTitle}`, recipientName, [
    paragraph(`${quoted(assignmentTitle)} for ${cohortName} was due on ${formatLocalTime(dueAt, recipientTimezone)}, and it has not come in yet.`),
    paragraph('There is no penalty for being late. The reflection is still worth doing, and you can hand it in whenever you are ready.'),
    paragraph('If something is getting in the way, your coach would be glad to hear from you.'),
  ]);
}

export function renderFeedbackReady(input: FeedbackReadyInput): RenderedEmail {
  const { recipientName, assignmentTitle, cohortName, edited } = input;
  // The feedback itself never travels by email: it stays in the app, behind the client's login.
  return compose(edited ? `Your coach has edited their reply: ${assignmentTitle}` : `Your coach has replied: ${assignmentTitle}`, recipientName, [
    paragraph(
      edited
        ? `Your coach has edited the reply they left on what you shared for ${quoted(assignmentTitle)} in ${cohortName}.`
        : `Your coach has read what you shared for ${quoted(assignmentTitle)} in ${cohortName} and left you a reply.`,
    ),
    paragraph('To keep your reflections private, we never include feedback in emails. It is waiting for you in the Anchored app.'),
  ]);
}

/** Clients are told who can read their homework; the message carries names only, never what anyone wrote. */
export function renderCoachAssigned(input: CoachAssignedInput): RenderedEmail {
  const { recipientName, coachName, cohortName } = input;
  return compose(`A new coach in ${cohortName}: ${coachName}`, recipientName, [
    paragraph(`${coachName} has joined ${cohortName} as a coach.`),
    paragraph('Coaches of your cohort can read the homework you hand in and give you feedback. Each time someone other than you reads your answers, it shows in your access log in the Anchored app.'),
    paragraph('If you have questions about who can see what you share, ask your coach or the program team.'),
  ]);
}

export interface CheckInReminderInput {
  recipientName: string;
  /** The client's This week page, where the check-in card is. */
  checkInUrl: string;
}

/** The daily check-in reminder: an invitation, never a nudge about a streak; it carries no check-in data. */
export function renderCheckInReminder(input: CheckInReminderInput): RenderedEmail {
  const { recipientName, checkInUrl } = input;
  return compose('A minute for yourself: your daily check-in', recipientName, [
    paragraph('This is the moment you chose to pause. Where are you right now: with yourself, with someone else, in the past or in the future? How is your body doing?'),
    paragraph(`Your check-in takes about a minute: ${checkInUrl}`),
    paragraph('You can change the time of this reminder, or turn it off, in your notification settings.'),
  ]);
}

export interface DataExportReadyInput {
  recipientName: string;
  /** Where in the app the download link is (never the link itself: it is a credential). */
  settingsUrl: string;
}

/** The export is ready; the mail carries no data and no download link, only where to find it. */
export function renderDataExportReady(input: DataExportReadyInput): RenderedEmail {
  return compose('Your Anchored data is ready to download', input.recipientName, [
    paragraph('The copy of your data you asked for is ready. You can download it from your settings in the Anchored app for the next 24 hours; after that it is deleted and you can ask for a new one.'),
    link('Open your settings', input.settingsUrl),
    paragraph('If you did not ask for this, change your password and tell the program team.'),
  ]);
}

export function renderEnrollmentUpdate(input: EnrollmentUpdateInput): RenderedEmail {
  const { recipientName, cohortName, status, waitlistPosition, promoted } = input;
  switch (status) {
    case 'ENROLLED':
      return promoted
        ? compose(`A place opened up for you in ${cohortName}`, recipientName, [
            paragraph(`Good news: a place has opened up in ${cohortName}, and you have moved from the waitlist into the group.`),
            paragraph('Your sessions and first steps are in the Anchored app. We are glad you are here.'),
          ])
        : compose(`You are in: ${cohortName}`, recipientName, [
            paragraph(`You are now enrolled in ${cohortName}.`),
            paragraph('Your sessions and first steps are in the Anchored app. We are glad you are here.'),
          ]);
    case 'WAITLISTED':
      return compose(`You are on the waitlist for ${cohortName}`, recipientName, [
        paragraph(
          waitlistPosition !== null
            ? `Thank you for your interest in ${cohortName}. The group is full for now, and you are number ${waitlistPosition} on the waitlist.`
            : `Thank you for your interest in ${cohortName}. The group is full for now, and you are on the waitlist.`,
        ),
        paragraph('If a place opens up, we will let you know straight away. There is nothing you need to do in the meantime.'),
      ]);
    case 'REJECTED': {
      const blocks: Block[] = [paragraph(`Thank you for wanting to join ${cohortName}. We are not able to offer you a place in this group.`)];
      if (input.note === 'sent-by-email') blocks.push(paragraph('The program team wrote you a personal note with this decision; you will find it in the email we sent you.'));
      else if (input.note) blocks.push(heading('A note from the program team'), paragraph(input.note.text));
      blocks.push(paragraph('This is not a judgement of you. You are welcome to reach out or to look at a future group whenever it feels right.'));
      return compose(`About your place in ${cohortName}`, recipientName, blocks);
    }
    case 'WITHDRAWN':
      return renderWithdrawnByTeam(recipientName, cohortName, input.withdrawal ?? { previousStatus: 'ENROLLED', programStarted: false });
    case 'GRADUATED':
      return compose(`Congratulations on completing ${cohortName}`, recipientName, [
        paragraph(`You have completed ${cohortName}. Six months of showing up for yourself and for others is worth pausing to notice.`),
        paragraph('Your reflections and practices stay available in the Anchored app, for whenever you want to return to them.'),
      ]);
  }
}

/**
 * The program team withdrew the client (a client who withdraws is not emailed). Worded as the
 * team's decision, for what the client actually had: thanking someone for their time in a group
 * they never met would read as careless.
 */
function renderWithdrawnByTeam(recipientName: string, cohortName: string, withdrawal: NonNullable<EnrollmentUpdateInput['withdrawal']>): RenderedEmail {
  const what = { APPLIED: 'your application to', WAITLISTED: 'your place on the waitlist for', ENROLLED: 'your place in' }[withdrawal.previousStatus];
  const blocks: Block[] = [paragraph(`The program team has withdrawn ${what} ${cohortName}.`)];
  if (withdrawal.previousStatus === 'ENROLLED' && withdrawal.programStarted) blocks.push(paragraph('Thank you for the time you spent with the group.'));
  blocks.push(paragraph('If this comes as a surprise, or you would like to talk about it, please contact the program team. You are welcome to apply to a future group whenever it feels right.'));
  return compose(`About your place in ${cohortName}`, recipientName, blocks);
}

export function renderCoachWeeklySummary(summary: CoachWeeklySummary, recipient: DigestRecipient): RenderedEmail {
  const { recipientName, recipientTimezone, cohortName } = recipient;
  const subject =
    summary.programWeek !== null ? `Week ${summary.programWeek} with ${cohortName}: your summary` : `Your weekly summary for ${cohortName}`;
  const from = formatLocalDate(summary.weekStart, recipientTimezone);
  const to = formatLocalDate(new Date(summary.weekEnd.getTime() - 1), recipientTimezone);

  const blocks: Block[] = [paragraph(`Here is how ${from} to ${to} went for ${cohortName}.`)];
  if (summary.programWeek !== null) {
    blocks.push(
      paragraph(
        summary.module
          ? `This was program week ${summary.programWeek}, focused on ${quoted(summary.module.title)}.`
          : `This was program week ${summary.programWeek}.`,
      ),
    );
  }

  blocks.push(heading('Sessions'));
  if (summary.sessions.length === 0) blocks.push(paragraph('No sessions were held this week.'));
  else
    blocks.push(
      list(
        summary.sessions.map((session) => {
          let line =
            `${session.title} (${formatLocalTime(session.startsAt, recipientTimezone)}): ` +
            `${session.present} present, ${session.absent} absent, ${session.excused} excused`;
          if (session.unrecorded > 0) line += `, ${session.unrecorded} not yet recorded`;
          line += '.';
          if (session.absentNames.length > 0) line += ` Absent: ${session.absentNames.join(', ')}.`;
          return line;
        }),
      ),
    );

  blocks.push(heading('Homework'));
  if (summary.assignments.length === 0) blocks.push(paragraph('No homework was due this week.'));
  else
    blocks.push(
      list(
        summary.assignments.map((assignment) => {
          let line =
            `${assignment.title} (due ${formatLocalTime(assignment.dueAt, recipientTimezone)}): ` +
            `${assignment.submitted.length} on time, ${assignment.late.length} late, ` +
            `${assignment.missing.length} ${assignment.pastDue ? 'missing' : 'not in yet'}.`;
          if (assignment.late.length > 0) line += ` Late: ${assignment.late.join(', ')}.`;
          if (assignment.missing.length > 0) line += ` ${assignment.pastDue ? 'Missing' : 'Not in yet'}: ${assignment.missing.join(', ')}.`;
          return line;
        }),
      ),
    );

  if (summary.checkIns) {
    // Counts only: never anyone's note or score.
    const { clientsCheckedIn, clients, checkIns } = summary.checkIns;
    blocks.push(heading('Daily check-ins'));
    blocks.push(
      paragraph(
        checkIns === 0
          ? 'Nobody checked in this week.'
          : `${clientsCheckedIn} of ${plural(clients, 'client')} checked in this week (${plural(checkIns, 'check-in')}).`,
      ),
    );
  }

  blocks.push(heading('Waiting for your review'));
  blocks.push(
    paragraph(
      summary.awaitingReview === 0
        ? 'You are all caught up. Nothing is waiting for your review.'
        : `${plural(summary.awaitingReview, 'submission')} ${summary.awaitingReview === 1 ? 'is' : 'are'} waiting for your review.`,
    ),
  );

  blocks.push(heading('Who might appreciate a note'));
  if (summary.reachOut.length === 0) blocks.push(paragraph('Nobody is flagged for a check-in this week: attendance, sessions and homework all look on track.'));
  else {
    blocks.push(paragraph('A short, kind check-in can make it easier to come back. These clients may welcome one:'));
    blocks.push(list(summary.reachOut.map((client) => `${client.name}: ${client.sentences.join(' ')}`)));
  }
  return compose(subject, recipientName, blocks);
}

export function renderClientWeeklyNote(note: ClientWeeklyNote, recipient: DigestRecipient): RenderedEmail {
  const { recipientName, recipientTimezone, cohortName } = recipient;
  const blocks: Block[] = [];
  if (note.programWeek !== null) blocks.push(paragraph(`Welcome to week ${note.programWeek} of ${cohortName}.`));
  else blocks.push(paragraph(`Here is your week ahead in ${cohortName}.`));

  if (note.module) {
    blocks.push(heading(`This week: ${note.module.title}`));
    if (note.module.practices.length > 0) {
      blocks.push(paragraph('A few practices to try, at your own pace:'));
      blocks.push(list(note.module.practices));
    }
  }

  blocks.push(heading('Homework'));
  if (note.openHomework.length === 0) blocks.push(paragraph('You are all caught up. Nothing is waiting on you.'));
  else
    blocks.push(
      list(
        note.openHomework.map((homework) =>
          homework.overdue
            ? `${homework.title}: was due ${formatLocalTime(homework.dueAt, recipientTimezone)}, and is still welcome whenever you are ready`
            : `${homework.title}: due ${formatLocalTime(homework.dueAt, recipientTimezone)}`,
        ),
      ),
    );

  blocks.push(heading('Next session'));
  if (note.nextSession) {
    blocks.push(paragraph(`${quoted(note.nextSession.title)} on ${formatLocalTime(note.nextSession.startsAt, recipientTimezone)}.`));
    if (note.nextSession.meetingUrl) blocks.push(link('Join the session', note.nextSession.meetingUrl));
  } else {
    blocks.push(paragraph('There is no session on the calendar just now. Your coach will let you know when the next one is set.'));
  }
  return compose(`Your week ahead in ${cohortName}`, recipientName, blocks);
}
