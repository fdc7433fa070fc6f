export enum NotificationKind {
  SESSION_REMINDER = 'SESSION_REMINDER',
  HOMEWORK_DUE = 'HOMEWORK_DUE',
  HOMEWORK_OVERDUE = 'HOMEWORK_OVERDUE',
  FEEDBACK_READY = 'FEEDBACK_READY',
  WEEKLY_SUMMARY = 'WEEKLY_SUMMARY',
  ENROLLMENT_UPDATE = 'ENROLLMENT_UPDATE',
  /** A coach joined a cohort the client is enrolled in (coaches read their homework). */
  COACH_ASSIGNED = 'COACH_ASSIGNED',
  /** Something changed about the account's security: password reset, email change asked or done. */
  SECURITY = 'SECURITY',
  /** The person's data export is ready to download (the link itself is only in the app). */
  DATA_EXPORT_READY = 'DATA_EXPORT_READY',
  /** A private message arrived, or (to a coach) a client's message read like a crisis: who and where, never the text. */
  NEW_MESSAGE = 'NEW_MESSAGE',
  /** Someone replied to the person's post (names who and in which circle, never the text). */
  POST_REPLY = 'POST_REPLY',
  /** A coach or admin hid the person's post. */
  POST_HIDDEN = 'POST_HIDDEN',
  /** To a cohort's coaches: a member reported a post, or a post read like a crisis (no text either way). */
  POST_REPORTED = 'POST_REPORTED',
  /** The daily count of new posts and replies in the person's circles. */
  COMMUNITY_DIGEST = 'COMMUNITY_DIGEST',
  /** The coach paired the cohort's buddies: who the recipient's buddy is (a link to the card, nothing private). */
  BUDDY_PAIRED = 'BUDDY_PAIRED',
  /** The client's daily check-in reminder, at their chosen local time, on days they have not checked in yet. */
  CHECK_IN_REMINDER = 'CHECK_IN_REMINDER',
}

/** Where a notification's email stands. In-app notifications are always stored, whatever this says. */
export enum EmailStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** The user does not want this kind by email, or it was no longer relevant after quiet hours. */
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}

export const ALL_NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);
