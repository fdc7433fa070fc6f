/** How each notification kind is labelled in the list, and where it leads. */

const LABELS: Record<string, string> = {
  SESSION_REMINDER: 'Session reminder',
  HOMEWORK_DUE: 'Homework due soon',
  HOMEWORK_OVERDUE: 'Homework overdue',
  FEEDBACK_READY: 'Feedback from your coach',
  ENROLLMENT_UPDATE: 'Application and enrollment',
  COACH_ASSIGNED: 'New coach in your cohort',
  DATA_EXPORT_READY: 'Your data export',
  WEEKLY_SUMMARY: 'Weekly summary',
  SECURITY: 'Account security',
  NEW_MESSAGE: 'Private message',
  POST_REPLY: 'A reply in your circle',
  POST_HIDDEN: 'Your post was hidden',
  POST_REPORTED: 'A post needs a look',
  COMMUNITY_DIGEST: 'New in your circle',
};

/** The small line above a notification's text: what kind of news it is. */
export function notificationKindLabel(kind: string): string {
  return LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

export interface NotificationLink {
  to: string;
  label: string;
}

/**
 * The screen that goes with a notification, for the person reading it. Only kinds whose screen adds
 * something get one: a new coach can read the client's answers, so the client is shown where every
 * such read is listed.
 */
export function notificationLink(kind: string, role: string): NotificationLink | null {
  if (kind === 'COACH_ASSIGNED' && role === 'CLIENT') return { to: '/privacy', label: 'See who has read your answers' };
  if (kind === 'FEEDBACK_READY' && role === 'CLIENT') return { to: '/history', label: 'Read the feedback' };
  if (kind === 'DATA_EXPORT_READY') return { to: '/settings', label: 'Download your data' };
  if (kind === 'NEW_MESSAGE') return { to: '/messages', label: 'Open your messages' };
  if (kind === 'POST_REPLY' || kind === 'POST_HIDDEN' || kind === 'POST_REPORTED' || kind === 'COMMUNITY_DIGEST') return { to: '/circle', label: 'Open the circle' };
  return null;
}
