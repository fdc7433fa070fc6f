import { ALL_NOTIFICATION_KINDS } from '@anchored/domain';
import { type NotificationAbout, summarizeLegacyNotification, summarizeNotification } from './summaries';

const cohortId = 'c0h0';
const line = (about: NotificationAbout, role: 'CLIENT' | 'COACH' | 'ADMIN' = 'CLIENT') => summarizeNotification(about, role);

describe('summarizeNotification', () => {
  it('says which session starts when, and leads the client to their week and the coach to the sessions tab', () => {
    const about: NotificationAbout = { kind: 'SESSION_REMINDER', sessionId: 's1', sessionTitle: 'Thursday circle', cohortId, cohortName: 'Spring', offsetMinutes: 60 };
    expect(line(about)).toEqual({ summary: 'Thursday circle starts in 1 hour', link: '/week' });
    expect(line(about, 'COACH')).toEqual({ summary: 'Thursday circle starts in 1 hour', link: `/coach/cohorts/${cohortId}?tab=sessions` });
    expect(line({ ...about, offsetMinutes: 1440 }).summary).toBe('Thursday circle starts tomorrow');
    expect(line({ ...about, offsetMinutes: 10 }).summary).toBe('Thursday circle starts in 10 minutes');
    expect(line({ ...about, offsetMinutes: 0 }).summary).toBe('Thursday circle is starting now');
  });

  it('links homework notices to the assignment', () => {
    const base = { assignmentId: 'a1', assignmentTitle: 'Week 3 reflection', cohortName: 'Spring' };
    expect(line({ kind: 'HOMEWORK_DUE', ...base })).toEqual({ summary: 'Week 3 reflection is due soon', link: '/homework/a1' });
    expect(line({ kind: 'HOMEWORK_OVERDUE', ...base })).toEqual({ summary: 'Week 3 reflection is still open, whenever you are ready', link: '/homework/a1' });
  });

  it('names the homework that got feedback, never the feedback', () => {
    expect(line({ kind: 'FEEDBACK_READY', assignmentId: 'a1', assignmentTitle: 'Week 3 reflection' })).toEqual({
      summary: 'New feedback on your Week 3 reflection',
      link: '/homework/a1',
    });
    expect(line({ kind: 'FEEDBACK_READY', assignmentId: 'a1', assignmentTitle: 'Week 3 reflection', edited: true }).summary).toBe('Your coach edited their feedback on your Week 3 reflection');
  });

  it('leads a weekly summary to the cohort for coaches and to the week for clients', () => {
    const base = { cohortId, cohortName: 'Spring', programWeek: 4 };
    expect(line({ kind: 'WEEKLY_SUMMARY', ...base, forCoach: true }, 'COACH')).toEqual({ summary: 'Week 4 with Spring: your summary', link: `/coach/cohorts/${cohortId}` });
    expect(line({ kind: 'WEEKLY_SUMMARY', ...base, programWeek: null, forCoach: true }, 'COACH').summary).toBe('Your weekly summary for Spring');
    expect(line({ kind: 'WEEKLY_SUMMARY', ...base, forCoach: false })).toEqual({ summary: 'Your week ahead in Spring', link: '/week' });
  });

  it('words every enrollment status', () => {
    const base = { kind: 'ENROLLMENT_UPDATE' as const, cohortId, cohortName: 'Spring', promoted: false, waitlistPosition: null };
    expect(line({ ...base, status: 'ENROLLED' })).toEqual({ summary: 'You are in: Spring', link: '/week' });
    expect(line({ ...base, status: 'ENROLLED', promoted: true }).summary).toBe('A place opened up: you are in Spring');
    expect(line({ ...base, status: 'WAITLISTED', waitlistPosition: 2 })).toEqual({ summary: 'You are number 2 on the waitlist for Spring', link: '/cohorts' });
    expect(line({ ...base, status: 'WAITLISTED' }).summary).toBe('You are on the waitlist for Spring');
    expect(line({ ...base, status: 'REJECTED' })).toEqual({ summary: 'No place for you in Spring this time', link: '/cohorts' });
    expect(line({ ...base, status: 'WITHDRAWN' })).toEqual({ summary: 'The program team withdrew you from Spring', link: '/cohorts' });
    expect(line({ ...base, status: 'GRADUATED' })).toEqual({ summary: 'You completed Spring', link: '/week' });
  });

  it('tells a client who joined as coach and where reads are listed', () => {
    expect(line({ kind: 'COACH_ASSIGNED', cohortId, cohortName: 'Spring', coachName: 'Grace' })).toEqual({ summary: 'Grace joined Spring as a coach', link: '/privacy' });
  });

  it('leads account notices to settings', () => {
    expect(line({ kind: 'SECURITY', line: 'Your password was changed' })).toEqual({ summary: 'Your password was changed', link: '/settings' });
    expect(line({ kind: 'DATA_EXPORT_READY' }, 'COACH')).toEqual({ summary: 'Your data export is ready to download', link: '/settings' });
  });

  it('opens the conversation of a message, or the list when the coach is not part of it', () => {
    const base = { kind: 'NEW_MESSAGE' as const, conversationId: 'conv1', authorName: 'Corin', cohortName: 'Spring' };
    expect(line({ ...base, flagged: false, recipientReads: true })).toEqual({ summary: 'Corin sent you a message', link: '/messages/conv1' });
    expect(line({ ...base, flagged: true, recipientReads: false }, 'COACH')).toEqual({ summary: 'Corin may need support (a message in Spring)', link: '/messages' });
  });

  it('opens the post for every circle notice', () => {
    const post = { cohortId, postId: 'p1', cohortName: 'Spring' };
    const link = `/circle/${cohortId}?post=p1`;
    expect(line({ kind: 'POST_REPLY', ...post, replierName: 'Corin' })).toEqual({ summary: 'Corin replied to your post in Spring', link });
    expect(line({ kind: 'POST_HIDDEN', ...post })).toEqual({ summary: 'Your post in Spring was hidden', link });
    expect(line({ kind: 'POST_REPORTED', ...post, reporterName: 'Ada' }, 'COACH')).toEqual({ summary: 'Ada reported a post in Spring', link });
    expect(line({ kind: 'POST_FLAGGED', ...post, authorName: 'Corin' }, 'COACH')).toEqual({ summary: 'Corin may need support (a post in Spring)', link });
  });

  it('counts the digest and opens the one circle, or the list of circles', () => {
    const one = { cohortId, cohortName: 'Spring', posts: 2, replies: 1 };
    expect(line({ kind: 'COMMUNITY_DIGEST', circles: [one] })).toEqual({ summary: '3 new posts and replies in Spring', link: `/circle/${cohortId}` });
    expect(line({ kind: 'COMMUNITY_DIGEST', circles: [{ ...one, posts: 1, replies: 0 }, { ...one, cohortId: 'c2', cohortName: 'Autumn' }] })).toEqual({
      summary: '4 new posts and replies in your circles',
      link: '/circle',
    });
    expect(line({ kind: 'COMMUNITY_DIGEST', circles: [{ ...one, posts: 1, replies: 0 }] }).summary).toBe('1 new post or reply in Spring');
  });

  it('names the buddies and opens the buddy card', () => {
    expect(line({ kind: 'BUDDY_PAIRED', cohortId, cohortName: 'Spring', buddyNames: ['Ada', 'Bo', 'Corin'] })).toEqual({
      summary: 'Your buddy in Spring: Ada, Bo and Corin',
      link: `/cohorts/${cohortId}/buddy`,
    });
  });

  it('invites to the check-in on the week page', () => {
    expect(line({ kind: 'CHECK_IN_REMINDER' })).toEqual({ summary: 'A minute for yourself: your daily check-in', link: '/week' });
  });

  it('keeps a line to one line, whatever a title holds', () => {
    expect(line({ kind: 'FEEDBACK_READY', assignmentId: 'a1', assignmentTitle: 'Week 3\n  reflection' }).summary).toBe('New feedback on your Week 3 reflection');
  });
});

describe('summarizeLegacyNotification', () => {
  it('reads older rows by their subject and leads each kind somewhere that exists for the role', () => {
    for (const kind of ALL_NOTIFICATION_KINDS) {
      for (const role of ['CLIENT', 'COACH', 'ADMIN'] as const) {
        const { summary, link } = summarizeLegacyNotification(kind, 'Your coach has replied:\nWeek 3', role);
        expect(summary).toBe('Your coach has replied: Week 3');
        if (role !== 'CLIENT') expect(['/week', '/homework', '/history', '/privacy']).not.toContain(link);
      }
    }
    expect(summarizeLegacyNotification('FEEDBACK_READY', 's', 'CLIENT').link).toBe('/history');
  });
});
