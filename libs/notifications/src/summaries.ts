import type { Role } from '@anchored/domain';

/*
 * What a notification is about, stored with it (notifications.about, jsonb) so the app can show a
 * short line that leads to the right screen, while the email keeps its fuller text. Only ids,
 * names and titles the recipient already sees in the subject: never anything anyone wrote.
 */

export type NotificationAbout =
  | { kind: 'SESSION_REMINDER'; sessionId: string; sessionTitle: string; cohortId: string; cohortName: string; offsetMinutes: number }
  | { kind: 'HOMEWORK_DUE' | 'HOMEWORK_OVERDUE'; assignmentId: string; assignmentTitle: string; cohortName: string }
  | { kind: 'FEEDBACK_READY'; assignmentId: string; assignmentTitle: string; /** The coach changed feedback already given. */ edited?: boolean }
  | { kind: 'WEEKLY_SUMMARY'; cohortId: string; cohortName: string; programWeek: number | null; forCoach: boolean }
  | {
      kind: 'ENROLLMENT_UPDATE';
      cohortId: string;
      cohortName: string;
      status: 'ENROLLED' | 'WAITLISTED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED';
      promoted: boolean;
      waitlistPosition: number | null;
    }
  | { kind: 'COACH_ASSIGNED'; cohortId: string; cohortName: string; coachName: string }
  | { kind: 'SECURITY'; line: string }
  | { kind: 'DATA_EXPORT_READY' }
  | { kind: 'NEW_MESSAGE'; conversationId: string; authorName: string; cohortName: string; flagged: boolean; recipientReads: boolean }
  | { kind: 'POST_REPLY'; cohortId: string; postId: string; cohortName: string; replierName: string }
  | { kind: 'POST_HIDDEN'; cohortId: string; postId: string; cohortName: string }
  | { kind: 'POST_REPORTED'; cohortId: string; postId: string; cohortName: string; reporterName: string }
  | { kind: 'POST_FLAGGED'; cohortId: string; postId: string; cohortName: string; authorName: string }
  | { kind: 'COMMUNITY_DIGEST'; circles: { cohortId: string; cohortName: string; posts: number; replies: number }[] }
  | { kind: 'BUDDY_PAIRED'; cohortId: string; cohortName: string; buddyNames: string[] }
  | { kind: 'CHECK_IN_REMINDER' };

/** The recipient's role: it picks the screen (a session is on /week for a client, on the cohort page for a coach). */
export type NotificationRole = Role | `${Role}`;

export interface NotificationLine {
  /** One short line for the in-app list. */
  summary: string;
  /** The web app's path for it (for the recipient's role), or null when there is no better place than the list. */
  link: string | null;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "in 10 minutes", "in 1 hour", "tomorrow" */
function soon(offsetMinutes: number): string {
  if (offsetMinutes <= 0) return 'now';
  if (offsetMinutes === 1440) return 'tomorrow';
  if (offsetMinutes >= 1440 && offsetMinutes % 1440 === 0) return `in ${count(offsetMinutes / 1440, 'day')}`;
  if (offsetMinutes >= 60 && offsetMinutes % 60 === 0) return `in ${count(offsetMinutes / 60, 'hour')}`;
  return `in ${count(offsetMinutes, 'minute')}`;
}

const postPath = (about: { cohortId: string; postId: string }) => `/circle/${about.cohortId}?post=${about.postId}`;
const cohortPath = (role: NotificationRole, cohortId: string) =>
  role === 'COACH' ? `/coach/cohorts/${cohortId}` : role === 'ADMIN' ? `/admin/cohorts/${cohortId}` : '/week';

/** A single line with no line breaks (titles and names may hold them). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The short line and the link of a notification, for its recipient (whose role picks the screen).
 * Pure: the same stored payload always reads the same.
 */
export function summarizeNotification(about: NotificationAbout, role: NotificationRole): NotificationLine {
  const line = describe(about, role);
  return { summary: oneLine(line.summary), link: line.link };
}

function describe(about: NotificationAbout, role: NotificationRole): NotificationLine {
  switch (about.kind) {
    case 'SESSION_REMINDER':
      return {
        summary: about.offsetMinutes <= 0 ? `${about.sessionTitle} is starting now` : `${about.sessionTitle} starts ${soon(about.offsetMinutes)}`,
        link: role === 'COACH' ? `/coach/cohorts/${about.cohortId}?tab=sessions` : '/week',
      };
    case 'HOMEWORK_DUE':
      return { summary: `${about.assignmentTitle} is due soon`, link: `/homework/${about.assignmentId}` };
    case 'HOMEWORK_OVERDUE':
      return { summary: `${about.assignmentTitle} is still open, whenever you are ready`, link: `/homework/${about.assignmentId}` };
    case 'FEEDBACK_READY':
      return {
        summary: about.edited ? `Your coach edited their feedback on your ${about.assignmentTitle}` : `New feedback on your ${about.assignmentTitle}`,
        link: `/homework/${about.assignmentId}`,
      };
    case 'WEEKLY_SUMMARY':
      return about.forCoach
        ? {
            summary: about.programWeek !== null ? `Week ${about.programWeek} with ${about.cohortName}: your summary` : `Your weekly summary for ${about.cohortName}`,
            link: cohortPath(role, about.cohortId),
          }
        : { summary: `Your week ahead in ${about.cohortName}`, link: '/week' };
    case 'ENROLLMENT_UPDATE':
      return { summary: enrollmentLine(about), link: about.status === 'ENROLLED' || about.status === 'GRADUATED' ? '/week' : '/cohorts' };
    case 'COACH_ASSIGNED':
      return { summary: `${about.coachName} joined ${about.cohortName} as a coach`, link: '/privacy' };
    case 'SECURITY':
      return { summary: about.line, link: '/settings' };
    case 'DATA_EXPORT_READY':
      return { summary: 'Your data export is ready to download', link: '/settings' };
    case 'NEW_MESSAGE':
      return {
        summary: about.flagged ? `${about.authorName} may need support (a message in ${about.cohortName})` : `${about.authorName} sent you a message`,
        link: about.recipientReads ? `/messages/${about.conversationId}` : '/messages',
      };
    case 'POST_REPLY':
      return { summary: `${about.replierName} replied to your post in ${about.cohortName}`, link: postPath(about) };
    case 'POST_HIDDEN':
      return { summary: `Your post in ${about.cohortName} was hidden`, link: postPath(about) };
    case 'POST_REPORTED':
      return { summary: `${about.reporterName} reported a post in ${about.cohortName}`, link: postPath(about) };
    case 'POST_FLAGGED':
      return { summary: `${about.authorName} may need support (a post in ${about.cohortName})`, link: postPath(about) };
    case 'COMMUNITY_DIGEST': {
      const total = about.circles.reduce((sum, c) => sum + c.posts + c.replies, 0);
      const where = about.circles.length === 1 ? about.circles[0].cohortName : 'your circles';
      return {
        summary: `${count(total, 'new post or reply', 'new posts and replies')} in ${where}`,
        link: about.circles.length === 1 ? `/circle/${about.circles[0].cohortId}` : '/circle',
      };
    }
    case 'BUDDY_PAIRED':
      return {
        summary: about.buddyNames.length > 0 ? `Your buddy in ${about.cohortName}: ${names(about.buddyNames)}` : `Buddies were paired in ${about.cohortName}`,
        link: `/cohorts/${about.cohortId}/buddy`,
      };
    case 'CHECK_IN_REMINDER':
      return { summary: 'A minute for yourself: your daily check-in', link: '/week' };
  }
}

function enrollmentLine(about: Extract<NotificationAbout, { kind: 'ENROLLMENT_UPDATE' }>): string {
  switch (about.status) {
    case 'ENROLLED':
      return about.promoted ? `A place opened up: you are in ${about.cohortName}` : `You are in: ${about.cohortName}`;
    case 'WAITLISTED':
      return about.waitlistPosition !== null ? `You are number ${about.waitlistPosition} on the waitlist for ${about.cohortName}` : `You are on the waitlist for ${about.cohortName}`;
    case 'REJECTED':
      return `No place for you in ${about.cohortName} this time`;
    case 'WITHDRAWN':
      return `The program team withdrew you from ${about.cohortName}`;
    case 'GRADUATED':
      return `You completed ${about.cohortName}`;
  }
}

/** Notifications stored before they carried a payload: their subject, and the kind's general screen. */
export function summarizeLegacyNotification(kind: string, subject: string, role: NotificationRole): NotificationLine {
  const general: Record<string, string | null> = {
    SESSION_REMINDER: role === 'COACH' ? '/coach' : '/week',
    HOMEWORK_DUE: '/homework',
    HOMEWORK_OVERDUE: '/homework',
    FEEDBACK_READY: '/history',
    COACH_ASSIGNED: '/privacy',
    DATA_EXPORT_READY: '/settings',
    SECURITY: '/settings',
    NEW_MESSAGE: '/messages',
    POST_REPLY: '/circle',
    POST_HIDDEN: '/circle',
    POST_REPORTED: '/circle',
    COMMUNITY_DIGEST: '/circle',
    CHECK_IN_REMINDER: '/week',
  };
  const link = general[kind] ?? null;
  // Client-only screens do not exist for coaches and admins.
  const clientOnly = new Set(['/week', '/homework', '/history', '/privacy']);
  return { summary: oneLine(subject), link: link && role !== 'CLIENT' && clientOnly.has(link) ? null : link };
}
