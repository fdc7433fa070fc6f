import { Permission } from '@anchored/domain';

/**
 * Who may call every root field and read every private field of the GraphQL API, kept next to the
 * policy (libs/domain/src/access-policy.ts) and checked, row by row and role by role, by
 * apps/api/test/authorization.integration-spec.ts over the real API. That test reads the schema
 * itself: a root field without a row here, or an object field that is in neither PRIVATE_FIELDS
 * nor OPEN_FIELDS, fails the build.
 *
 * The roles are seen from one cohort ("the cohort", ACTIVE) and the things in it:
 * - `client`: ENROLLED in the cohort (the owner of the submission, enrollment and settings asked about)
 * - `otherClient`: ENROLLED in another cohort
 * - `applicant`: APPLIED to the cohort, no seat
 * - `coach`: assigned to the cohort; `otherCoach`: assigned to another cohort
 * - `admin`; `anonymous`: no access token
 *
 * Outcomes: `allow` (the call succeeds / the value is returned), `deny` (FORBIDDEN, UNAUTHENTICATED
 * for anonymous callers; for private fields: no way to get the value), `own` (the call succeeds but
 * only ever touches the caller's own things: lists scoped to the caller, or someone else's item
 * refused).
 */
export const ACTORS = ['anonymous', 'client', 'otherClient', 'applicant', 'coach', 'otherCoach', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = 'allow' | 'deny' | 'own';

export interface AccessRow {
  /** The policy permission the field is decided on; PUBLIC needs no login, SIGNED_IN only a login (the field is about the caller). */
  permission: Permission | 'PUBLIC' | 'SIGNED_IN';
  access: Record<Actor, Outcome>;
}

const PUBLIC: AccessRow = {
  permission: 'PUBLIC',
  access: { anonymous: 'allow', client: 'allow', otherClient: 'allow', applicant: 'allow', coach: 'allow', otherCoach: 'allow', admin: 'allow' },
};
const SIGNED_IN: AccessRow = {
  permission: 'SIGNED_IN',
  access: { anonymous: 'deny', client: 'own', otherClient: 'own', applicant: 'own', coach: 'own', otherCoach: 'own', admin: 'own' },
};

/** Everyone not named is denied. */
function rule(permission: Permission, allowed: Partial<Record<Actor, Outcome>>): AccessRow {
  const access = Object.fromEntries(ACTORS.map((a) => [a, allowed[a] ?? 'deny'])) as Record<Actor, Outcome>;
  return { permission, access };
}

const ADMINS = (permission: Permission) => rule(permission, { admin: 'allow' });
const MANAGERS = rule(Permission.MANAGE_COHORT, { coach: 'allow', admin: 'allow' });
/** Staff only, and only ever about the caller's own account. */
const TWO_FACTOR = rule(Permission.USE_TWO_FACTOR, { coach: 'own', otherCoach: 'own', admin: 'own' });
/** Coaches' own homework templates (docs/homework-templates.md): each coach their own; admins may edit anyone's. */
const TEMPLATE_WRITERS = rule(Permission.WRITE_HOMEWORK_TEMPLATES, { coach: 'own', otherCoach: 'own', admin: 'own' });
const PROGRAM = rule(Permission.FOLLOW_PROGRAM, { client: 'allow', coach: 'allow', admin: 'allow' });
/** Private conversations (docs/messages.md): decided by libs/domain conversations.ts, not a Permission. */
const PARTICIPANTS: AccessRow = { ...rule(Permission.FOLLOW_PROGRAM, { client: 'allow', coach: 'allow' }), permission: 'SIGNED_IN' };
const PARTICIPANTS_AND_ADMINS: AccessRow = { ...rule(Permission.FOLLOW_PROGRAM, { client: 'allow', coach: 'allow', admin: 'allow' }), permission: 'SIGNED_IN' };
/** The cohort's community (docs/community.md): read by members and admins, written by members, moderated by its coaches and admins. */
const CIRCLE_READERS = rule(Permission.READ_COMMUNITY, { client: 'allow', coach: 'allow', admin: 'allow' });
const CIRCLE_WRITERS = rule(Permission.WRITE_COMMUNITY, { client: 'allow', coach: 'allow' });
/** Authors their own (someone else's is FORBIDDEN), the cohort's coaches and admins anyone's. */
const CIRCLE_REMOVERS = rule(Permission.READ_COMMUNITY, { client: 'own', coach: 'allow', admin: 'allow' });

/** `Query.x` / `Mutation.x` -> who may call it, on the cohort's things. */
export const ROOT_FIELDS: Record<string, AccessRow> = {
  'Query.assignment': PROGRAM,
  /** The cohort's current pairing (docs/buddies.md). */
  'Query.buddyPairs': MANAGERS,
  /** The caller's own pair in the cohort, or null. */
  'Query.myBuddy': rule(Permission.HAVE_BUDDY, { client: 'allow' }),
  /** What pairBuddies would store now; writes nothing. */
  'Query.previewBuddyPairs': rule(Permission.PAIR_BUDDIES, { coach: 'allow' }),
  'Query.cohort': rule(Permission.VIEW_COHORT, { client: 'allow', applicant: 'allow', coach: 'allow', admin: 'allow' }),
  'Query.cohortFeed': CIRCLE_READERS,
  'Query.cohortAuditLog': ADMINS(Permission.READ_AUDIT_LOG),
  'Query.cohortProgress': MANAGERS,
  /** A client's check-ins without notes; each read goes into the client's access log. */
  'Query.clientCheckIns': rule(Permission.READ_CHECK_INS, { coach: 'allow' }),
  /** Counts only, and none below 3 clients: the cohort's community. */
  'Query.cohortWeather': PROGRAM,
  /** Scoped by VIEW_COHORT in SQL: admins all, coaches theirs, clients ENROLLING ones and those they applied to. */
  'Query.cohorts': SIGNED_IN,
  'Query.curriculum': PUBLIC,
  /** Cohorts taking applications, for visitors: no people but coaches' names and bios. */
  'Query.openCohorts': PUBLIC,
  'Query.curriculumWeek': PUBLIC,
  'Query.homeworkTemplates': PUBLIC,
  /** Applications across cohorts, filtered and paged. */
  'Query.applications': ADMINS(Permission.MANAGE_ENROLLMENT),
  /** The caller's own templates (admins: their own, none). */
  'Query.myHomeworkTemplates': TEMPLATE_WRITERS,
  'Query.invitations': ADMINS(Permission.ADMINISTER),
  'Query.me': SIGNED_IN,
  'Query.myAccessLog': SIGNED_IN,
  'Query.myCheckIns': SIGNED_IN,
  /** The caller's own check-ins over the cohort's weeks (coaches and admins: their own, none). */
  'Query.myCheckInTrend': PROGRAM,
  'Query.myDataExports': SIGNED_IN,
  'Query.myEnrollments': SIGNED_IN,
  'Query.myLoginSessions': SIGNED_IN,
  'Query.myNotifications': SIGNED_IN,
  /** The caller's open conversations (admins have none). */
  'Query.myConversations': SIGNED_IN,
  /** Its two participants (the fixture: the client's with the coach) while open; admins see it exists, never its messages. */
  'Query.conversation': PARTICIPANTS_AND_ADMINS,
  'Query.mySubmissions': SIGNED_IN,
  'Query.post': CIRCLE_READERS,
  'Query.queueDashboardUrl': ADMINS(Permission.ADMINISTER),
  'Query.unreadNotificationCount': SIGNED_IN,
  'Query.users': ADMINS(Permission.ADMINISTER),

  'Mutation.acceptInvitation': PUBLIC,
  'Mutation.pairBuddies': rule(Permission.PAIR_BUDDIES, { coach: 'allow' }),
  /** The caller's own sharing, in their current pair. */
  'Mutation.shareWeatherWithBuddy': rule(Permission.HAVE_BUDDY, { client: 'allow' }),
  'Mutation.applyToCohort': rule(Permission.APPLY, { client: 'allow', otherClient: 'allow', applicant: 'allow' }),
  'Mutation.assignCoach': ADMINS(Permission.ADMINISTER),
  'Mutation.assignHomework': rule(Permission.ASSIGN_HOMEWORK, { coach: 'allow' }),
  /** Owned by the caller; assignable only by them (another coach's template is FORBIDDEN to assignHomework). */
  'Mutation.createHomeworkTemplate': TEMPLATE_WRITERS,
  /** Its coach (another coach's is FORBIDDEN), admins anyone's; the curriculum's are FORBIDDEN to all. */
  'Mutation.updateHomeworkTemplate': rule(Permission.WRITE_HOMEWORK_TEMPLATES, { coach: 'own', otherCoach: 'own', admin: 'allow' }),
  'Mutation.cancelSession': MANAGERS,
  'Mutation.cancelSessionSeries': MANAGERS,
  'Mutation.deleteAssignment': MANAGERS,
  'Mutation.editFeedback': rule(Permission.REVIEW_HOMEWORK, { coach: 'allow' }),
  'Mutation.skipSeriesDates': MANAGERS,
  'Mutation.updateAssignment': MANAGERS,
  'Mutation.updateSession': MANAGERS,
  /** The caller's own password; ends the caller's other logins. */
  'Mutation.changePassword': SIGNED_IN,
  /** Clients with an ENROLLED or GRADUATED seat in any cohort; the applicant has none. */
  'Mutation.checkIn': rule(Permission.CHECK_IN, { client: 'allow', otherClient: 'allow' }),
  /** With a one-time emailed link (verification or email change): whoever holds the link. */
  'Mutation.confirmEmail': PUBLIC,
  /** The caller's own two-factor sign-in (coaches and admins; FORBIDDEN to clients). */
  'Mutation.confirmTwoFactorSetup': TWO_FACTOR,
  'Mutation.createPost': CIRCLE_WRITERS,
  'Mutation.deletePost': CIRCLE_REMOVERS,
  'Mutation.deleteReply': CIRCLE_REMOVERS,
  /** The author only, while still a member (someone else's is FORBIDDEN). */
  'Mutation.editPost': rule(Permission.WRITE_COMMUNITY, { client: 'own', coach: 'own' }),
  'Mutation.hidePost': rule(Permission.MODERATE_COMMUNITY, { coach: 'allow', admin: 'allow' }),
  'Mutation.pinPost': rule(Permission.PIN_POSTS, { coach: 'allow' }),
  'Mutation.react': CIRCLE_WRITERS,
  'Mutation.replyToPost': CIRCLE_WRITERS,
  'Mutation.reportPost': CIRCLE_WRITERS,
  /** The submission's own client only: anyone else's is FORBIDDEN, coaches' and admins' included. */
  'Mutation.shareReflection': rule(Permission.WRITE_COMMUNITY, { client: 'own' }),
  'Mutation.createCohort': ADMINS(Permission.ADMINISTER),
  /** Drafts are the author's alone: saving needs the right to send the real thing; discarding touches only the caller's own. */
  'Mutation.saveHomeworkDraft': rule(Permission.SUBMIT_HOMEWORK, { client: 'allow' }),
  'Mutation.discardHomeworkDraft': SIGNED_IN,
  'Mutation.saveFeedbackDraft': rule(Permission.REVIEW_HOMEWORK, { coach: 'allow' }),
  'Mutation.discardFeedbackDraft': SIGNED_IN,
  'Mutation.updateCohort': ADMINS(Permission.ADMINISTER),
  'Mutation.createSession': MANAGERS,
  /** The caller's own account; CONFLICT for a coach of an ACTIVE cohort and for the last admin. */
  'Mutation.deleteMyAccount': SIGNED_IN,
  'Mutation.decideApplication': ADMINS(Permission.MANAGE_ENROLLMENT),
  /** One result per application; each decided as decideApplication would. */
  'Mutation.decideApplications': ADMINS(Permission.MANAGE_ENROLLMENT),
  'Mutation.disableTwoFactor': TWO_FACTOR,
  'Mutation.inviteUser': ADMINS(Permission.ADMINISTER),
  'Mutation.logIn': PUBLIC,
  'Mutation.logOut': SIGNED_IN,
  'Mutation.markAllNotificationsRead': SIGNED_IN,
  /** The conversation's participants (the fixture's client and coach). */
  'Mutation.markConversationRead': PARTICIPANTS,
  /** The conversation's participants; NEW_MESSAGE to the other, without the text. */
  'Mutation.sendMessage': PARTICIPANTS,
  /** A seated client with a coach of the cohort, that coach with the client (buddies too: docs/messages.md); never admins. */
  'Mutation.startConversation': PARTICIPANTS,
  /** Someone else's notification is NOT_FOUND: its existence is private. */
  'Mutation.markNotificationRead': SIGNED_IN,
  'Mutation.promoteFromWaitlist': ADMINS(Permission.MANAGE_ENROLLMENT),
  'Mutation.recordAttendance': MANAGERS,
  /** The caller's own data; the download link is a secret of its own (GET /exports/:id, docs/privacy.md). */
  'Mutation.requestDataExport': SIGNED_IN,
  'Mutation.refreshSession': PUBLIC,
  'Mutation.regenerateRecoveryCodes': TWO_FACTOR,
  /** The caller's own address; needs their current password. */
  'Mutation.requestEmailChange': SIGNED_IN,
  /** Always true: it never tells whether an address has an account. */
  'Mutation.requestPasswordReset': PUBLIC,
  /** With a one-time emailed reset link: whoever holds the link. */
  'Mutation.resetPassword': PUBLIC,
  'Mutation.resendVerificationEmail': SIGNED_IN,
  'Mutation.rescheduleSession': MANAGERS,
  'Mutation.resendInvitation': ADMINS(Permission.ADMINISTER),
  /** Only the caller's own logins; someone else's is NOT_FOUND and stays logged in. */
  'Mutation.revokeLoginSession': SIGNED_IN,
  'Mutation.reviewSubmission': rule(Permission.REVIEW_HOMEWORK, { coach: 'allow' }),
  'Mutation.revokeInvitation': ADMINS(Permission.ADMINISTER),
  'Mutation.rotateCalendarToken': SIGNED_IN,
  'Mutation.scheduleSessionSeries': MANAGERS,
  'Mutation.setCohortStatus': ADMINS(Permission.ADMINISTER),
  'Mutation.signUp': PUBLIC,
  'Mutation.startTwoFactorSetup': TWO_FACTOR,
  'Mutation.submitHomework': rule(Permission.SUBMIT_HOMEWORK, { client: 'allow' }),
  'Mutation.unassignCoach': ADMINS(Permission.ADMINISTER),
  'Mutation.updateNotificationPreferences': SIGNED_IN,
  'Mutation.updateProfile': SIGNED_IN,
  /** Clients their own (another's is FORBIDDEN), admins any. */
  'Mutation.withdrawEnrollment': rule(Permission.WITHDRAW_ENROLLMENT, { client: 'own', otherClient: 'own', applicant: 'own', admin: 'allow' }),
};

/**
 * Object fields that carry private data or are checked on their own, as `Type.field` -> who can
 * get the value, by any path through the API, for the cohort's ENROLLED client (their submission,
 * enrollment, account) or the cohort itself.
 */
export const PRIVATE_FIELDS: Record<string, AccessRow> = {
  'Submission.responses': rule(Permission.READ_ANSWERS, { client: 'allow', coach: 'allow' }),
  'Submission.feedback': rule(Permission.READ_FEEDBACK, { client: 'allow', coach: 'allow', admin: 'allow' }),
  'Enrollment.motivation': rule(Permission.READ_MOTIVATION, { client: 'allow', coach: 'allow', admin: 'allow' }),
  /** The note of a check-in: its writer alone (coaches read the check-in, the note is null). */
  'CheckIn.note': rule(Permission.CHECK_IN, { client: 'allow' }),
  /** A client's address: themself, their coaches, admins (a coach's address is shown to their cohort). */
  'User.email': rule(Permission.MANAGE_COHORT, { client: 'allow', coach: 'allow', admin: 'allow' }),
  'User.calendarUrl': rule(Permission.READ_OWN_SETTINGS, { client: 'allow' }),
  /** Whether the address is confirmed: the person themself and admins (FORBIDDEN to others). */
  'User.emailVerified': rule(Permission.ADMINISTER, { client: 'allow', admin: 'allow' }),
  /** Whether logging in needs a code: the person themself and admins (FORBIDDEN to others), like emailVerified. */
  'User.twoFactorEnabled': rule(Permission.ADMINISTER, { client: 'allow', admin: 'allow' }),
  'User.notificationPreferences': rule(Permission.READ_OWN_SETTINGS, { client: 'allow' }),
  'HomeworkAssignment.mySubmission': rule(Permission.READ_ANSWERS, { client: 'allow' }),
  'HomeworkAssignment.submissions': MANAGERS,
  'Cohort.enrollments': MANAGERS,
  'Cohort.sessions': PROGRAM,
  'Cohort.assignments': PROGRAM,
  'Session.attendance': MANAGERS,
  /** The join link: the program's people only. */
  'Session.meetingUrl': PROGRAM,
  /** The one-session .ics link: the program's people only, and signed for the caller. */
  'Session.calendarFileUrl': PROGRAM,
  /** Shown once, in inviteUser's answer; never listed again, not even to admins. */
  'Invitation.token': rule(Permission.ADMINISTER, {}),
  /** Where to get help, shown to the author of a post that reads like a crisis, and nobody else. */
  'Post.crisisResources': { ...rule(Permission.WRITE_COMMUNITY, { client: 'allow' }), permission: 'SIGNED_IN' },
  /** Why a post was hidden: its author, the cohort's coaches and admins. */
  'Post.hiddenReason': rule(Permission.MODERATE_COMMUNITY, { client: 'allow', coach: 'allow', admin: 'allow' }),
  /** Notifications are their recipient's. */
  /** Participants only: admins get FORBIDDEN (they see that a conversation exists). */
  'Conversation.messages': PARTICIPANTS,
  /** Only ever handed to the participants. */
  'Message.body': PARTICIPANTS,
  /** The author alone (the fixture: the client's message that reads like a crisis). */
  'Message.crisisResources': { ...rule(Permission.FOLLOW_PROGRAM, { client: 'allow' }), permission: 'SIGNED_IN' },
  'Notification.body': { ...rule(Permission.READ_OWN_SETTINGS, { client: 'allow' }), permission: 'SIGNED_IN' },
};

/**
 * Every other object field: visible to whoever may reach its parent (the root field or private
 * field above that returns it). A new field must be added here or to PRIVATE_FIELDS.
 */
export const OPEN_FIELDS: Record<string, readonly string[]> = {
  AccessRecord: ['at', 'reader', 'subject', 'subjectId'],
  /** Returned to the admin who called decideApplications only. */
  ApplicationDecisionResult: ['enrollment', 'enrollmentId', 'errorCode', 'errorMessage'],
  Attendance: ['client', 'status'],
  AuthPayload: ['accessToken', 'refreshToken', 'user'],
  /**
   * Reached through myBuddy (the caller's own pair) and buddyPairs (the cohort's coaches and admins).
   * buddyWeather and sharingMyWeather are about the caller: a buddy's shared weather for the pair's
   * own members only (empty for coaches and admins), the caller's own switch (null for others).
   */
  BuddyPair: ['buddyWeather', 'cohort', 'endsOn', 'id', 'members', 'sharingMyWeather', 'startsOn'],
  BuddyPairPreview: ['members', 'overlapMinutes', 'repeatsPrevious'],
  /** Location and state only: never the check-in's note or anchored score. */
  BuddyWeather: ['buddy', 'localDate', 'location', 'state'],
  CheckIn: ['anchored', 'client', 'createdAt', 'id', 'localDate', 'location', 'state'],
  CheckInStreak: ['current', 'daysInLastSeven', 'longest', 'totalDays'],
  CheckInTrend: ['days', 'streak', 'weeks'],
  CheckInTrendDay: ['anchored', 'localDate', 'location', 'state', 'week'],
  CheckInTrendWeek: ['checkIns', 'endsOn', 'locations', 'meanAnchored', 'startsOn', 'states', 'week'],
  ClientProgress: ['attendanceRate', 'client', 'lastCheckInOn', 'late', 'missing', 'reachOutReasons', 'reviewed', 'submitted'],
  CohortWeather: ['averageAnchored', 'clientsCheckedIn', 'locations', 'states'],
  Cohort: ['capacity', 'coaches', 'description', 'endsOn', 'enrolledCount', 'id', 'name', 'programWeeks', 'startsOn', 'status', 'timezone', 'waitlistCount'],
  CoachProfile: ['bio', 'name'],
  CohortAuditEntry: ['action', 'actor', 'at', 'coach', 'cohort', 'id'],
  CurriculumModule: ['homeworkTemplates', 'key', 'practiceDetails', 'practices', 'summary', 'title', 'week', 'weeks'],
  /** Only reachable through the caller's own myDataExports and requestDataExport. */
  DataExport: ['downloadUrl', 'id', 'readyAt', 'requestedAt', 'status'],
  Enrollment: ['appliedAt', 'client', 'cohort', 'decidedAt', 'id', 'status', 'waitlistPosition', 'withdrawnByTeam'],
  FeedbackDraft: ['feedback', 'savedAt'],
  /** Only in cohortFeedEvents (READ_COMMUNITY at subscribe and at every event). */
  FeedEvent: ['kind', 'post', 'reply'],
  /** myDraft: the calling client's own unsent answers (null for everyone else). */
  HomeworkAssignment: ['cohort', 'dueAt', 'id', 'instructions', 'myDraft', 'template', 'title'],
  HomeworkDraft: ['responses', 'savedAt'],
  HomeworkField: ['help', 'key', 'kind', 'label', 'max', 'min', 'options', 'required', 'uploadKind'],
  /** A coach's template is reached only by its coach (myHomeworkTemplates) and through assignments of the cohort. */
  HomeworkTemplate: ['fields', 'instructions', 'key', 'source', 'title', 'version'],
  Invitation: ['acceptedAt', 'email', 'expiresAt', 'id', 'revokedAt', 'role'],
  LocationCount: ['count', 'location'],
  /** Reachable only as the participants (and, without messages, admins) may: see the rows above. */
  Conversation: ['cohort', 'id', 'lastMessageAt', 'participants', 'unreadCount'],
  Message: ['author', 'conversation', 'createdAt', 'id'],
  LoginSession: ['createdAt', 'current', 'id', 'lastUsedAt', 'userAgent'],
  Notification: ['createdAt', 'emailStatus', 'id', 'kind', 'link', 'readAt', 'subject', 'summary'],
  NotificationPreferences: ['checkInReminderTime', 'emailKinds', 'quietHoursEnd', 'quietHoursStart'],
  /**
   * Reached only through cohortFeed, post and the community mutations (READ_COMMUNITY). body is ""
   * when removed, and when hidden for everyone but its author; author is null for prompts, deleted
   * accounts and anonymous shares (except to their author). sharedAnswers and sharedSubmission are
   * the copy of the answers the author chose to share with the circle (admins included: they read
   * the circle), never the submission itself.
   */
  Post: ['author', 'body', 'cohort', 'createdAt', 'editedAt', 'hidden', 'id', 'kind', 'pinned', 'reactions', 'removed', 'replies', 'replyCount', 'sharedAnswers', 'sharedSubmission'],
  /** Public (openCohorts): what a visitor reads before applying; coaches by name and bio only. */
  OpenCohort: ['capacity', 'coaches', 'description', 'endsOn', 'id', 'meetings', 'name', 'seatsLeft', 'startsOn', 'timezone'],
  Practice: ['description', 'kind', 'title'],
  ReactionCount: ['count', 'mine', 'reaction'],
  Reply: ['author', 'body', 'createdAt', 'hidden', 'id', 'post', 'removed'],
  SharedAnswer: ['fieldKey', 'label', 'value'],
  StateCount: ['count', 'state'],
  Session: ['cohort', 'durationMinutes', 'id', 'moduleKey', 'seriesId', 'startsAt', 'status', 'title'],
  /** Only in startTwoFactorSetup's answer, to the caller. */
  TwoFactorSetup: ['otpauthUri', 'qrCodeDataUrl', 'secret'],
  /** myFeedbackDraft: the calling coach's own unsent feedback (null for everyone else). */
  Submission: ['assignment', 'client', 'feedbackEditedAt', 'id', 'late', 'myFeedbackDraft', 'reviewedAt', 'status', 'submittedAt'],
  User: ['bio', 'id', 'name', 'role', 'timezone'],
  WeeklyMeeting: ['durationMinutes', 'nextStartsAt', 'startTime', 'weekday'],
};
