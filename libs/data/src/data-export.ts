import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PrivateTextCipher, postBodyAad, replyBodyAad, sharedAnswersAad, checkInNoteAad, feedbackAad, messageBodyAad, motivationAad, responsesAad } from './private-text-cipher';

/** How long a built export can be downloaded. */
export const DATA_EXPORT_TTL_HOURS = 24;
/** A request the worker has not built within this long is given up (EXPIRED), so a new one can be asked for. */
export const DATA_EXPORT_PENDING_GIVE_UP_HOURS = 24;
export const DATA_EXPORT_FORMAT = 'anchored-data-export/1';

/** sha256 hex of a download link's secret: what the database keeps to find and check it. */
export function dataExportTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

type When = Date | string | null;
interface EnrollmentRow { cohort_id: string; client_id: string; cohort_name: string; status: string; applied_at: When; waitlisted_at: When; decided_at: When; motivation_encrypted: string | null; motivation: string | null }
interface SubmissionRow {
  assignment_id: string; client_id: string; title: string; template_key: string; due_at: When; cohort_name: string; status: string; submitted_at: When; late: boolean;
  responses_encrypted: string | null; feedback_encrypted: string | null; feedback: string | null; reviewed_at: When; reviewer_name: string | null;
}
interface AttendanceRow { cohort_name: string; title: string; starts_at: When; status: string; recorded_at: When }
interface CoachingRow { name: string; status: string }
interface NotificationRow { kind: string; subject: string; body: string; created_at: When; read_at: When; email_status: string; emailed_at: When }
interface CheckInRow { client_id: string; local_date: string; location: string; state: string; anchored: number; note_encrypted: string | null; created_at: When }
interface MessageRow { id: string; conversation_id: string; cohort_name: string; other_name: string | null; body_encrypted: string; created_at: When }
interface PostRow { id: string; cohort_id: string; cohort_name: string; kind: string; body_encrypted: string; shared_answers_encrypted: string | null; anonymous: boolean; hidden_at: When | null; edited_at: When | null; created_at: When }
interface ReplyRow { id: string; post_id: string; cohort_name: string; body_encrypted: string; created_at: When }
interface BuddyRow { cohort_name: string; starts_on: string; ends_on: string | null; shares_weather: boolean; buddy_names: string[] }
interface AccessRow { reader_name: string | null; reader_role: string | null; subject: string; subject_id: string; at: When }

/**
 * Everything the platform holds about one person, as one JSON document a person can read: stable
 * keys, ISO 8601 times (UTC), private text decrypted, and an "about" header. Each kind of data is
 * one top-level section (an array, empty when there is nothing), so later kinds (community posts,
 * messages, check-ins) slot in as new sections without changing the others.
 * Nothing about other people is included beyond the names of coaches, cohorts and readers that the
 * person could already see in the app.
 */
export async function buildDataExport(manager: EntityManager, cipher: PrivateTextCipher, userId: string, now = new Date()) {
  const [user] = await manager.query(
    `SELECT id, email, name, role, timezone, email_kinds, quiet_hours_start, quiet_hours_end, check_in_reminder_time, created_at, updated_at,
            (calendar_token_hash IS NOT NULL OR calendar_token IS NOT NULL) AS has_calendar_feed,
            EXISTS (SELECT 1 FROM two_factor_credentials t WHERE t.user_id = users.id AND t.confirmed_at IS NOT NULL) AS two_factor_enabled
     FROM users WHERE id = $1`,
    [userId],
  );
  if (!user) throw new Error('No such user');

  const enrollments: EnrollmentRow[] = await manager.query(
    `SELECT e.id, e.cohort_id, e.client_id, c.name AS cohort_name, e.status, e.applied_at, e.waitlisted_at, e.decided_at, e.motivation_encrypted, e.motivation
     FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.client_id = $1 ORDER BY e.applied_at, e.id`,
    [userId],
  );
  const submissions: SubmissionRow[] = await manager.query(
    `SELECT s.id, s.assignment_id, s.client_id, a.title, a.template_key, a.due_at, c.name AS cohort_name, s.status, s.submitted_at, s.late,
            s.responses_encrypted, s.feedback_encrypted, s.feedback, s.reviewed_at, r.name AS reviewer_name
     FROM submissions s JOIN homework_assignments a ON a.id = s.assignment_id JOIN cohorts c ON c.id = a.cohort_id
     LEFT JOIN users r ON r.id = s.reviewed_by_id
     WHERE s.client_id = $1 ORDER BY s.submitted_at, s.id`,
    [userId],
  );
  const attendance: AttendanceRow[] = await manager.query(
    `SELECT c.name AS cohort_name, se.title, se.starts_at, at.status, at.recorded_at
     FROM attendance at JOIN sessions se ON se.id = at.session_id JOIN cohorts c ON c.id = se.cohort_id
     WHERE at.client_id = $1 ORDER BY se.starts_at, se.id`,
    [userId],
  );
  const coaching: CoachingRow[] = await manager.query(
    `SELECT c.id, c.name, c.status FROM cohort_coaches cc JOIN cohorts c ON c.id = cc.cohort_id WHERE cc.coach_id = $1 ORDER BY c.name, c.id`,
    [userId],
  );
  const notifications: NotificationRow[] = await manager.query(
    `SELECT kind, subject, body, created_at, read_at, email_status, emailed_at FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  const checkIns: CheckInRow[] = await manager.query(
    `SELECT client_id, local_date::text AS local_date, location, state, anchored, note_encrypted, created_at FROM check_ins WHERE client_id = $1 ORDER BY local_date`,
    [userId],
  );
  const accessLog: AccessRow[] = await manager.query(
    `SELECT r.name AS reader_name, r.role AS reader_role, l.subject, l.subject_id, l.at
     FROM access_log l LEFT JOIN users r ON r.id = l.reader_id WHERE l.owner_id = $1 ORDER BY l.at, l.id`,
    [userId],
  );

  // The person's own messages (what others wrote to them is theirs, and is not included).
  const messages: MessageRow[] = await manager.query(
    `SELECT m.id, m.conversation_id, co.name AS cohort_name, o.name AS other_name, m.body_encrypted, m.created_at
     FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN cohorts co ON co.id = c.cohort_id
     LEFT JOIN users o ON o.id = CASE WHEN c.user_a_id = $1 THEN c.user_b_id ELSE c.user_a_id END
     WHERE m.author_id = $1 ORDER BY m.created_at, m.id`,
    [userId],
  );

  // The person's own posts and replies in their circles (removed ones have no text left to give).
  const posts: PostRow[] = await manager.query(
    `SELECT p.id, p.cohort_id, c.name AS cohort_name, p.kind, p.body_encrypted, p.shared_answers_encrypted, p.anonymous, p.hidden_at, p.edited_at, p.created_at
     FROM posts p JOIN cohorts c ON c.id = p.cohort_id WHERE p.author_id = $1 AND p.removed_at IS NULL ORDER BY p.created_at, p.id`,
    [userId],
  );
  const replies: ReplyRow[] = await manager.query(
    `SELECT r.id, r.post_id, c.name AS cohort_name, r.body_encrypted, r.created_at
     FROM post_replies r JOIN posts p ON p.id = r.post_id JOIN cohorts c ON c.id = p.cohort_id WHERE r.author_id = $1 AND r.removed_at IS NULL ORDER BY r.created_at, r.id`,
    [userId],
  );

  // The person's buddy pairings (docs/buddies.md): cohort, dates and their buddies' names, which they saw in the app.
  const buddies: BuddyRow[] = await manager.query(
    `SELECT c.name AS cohort_name, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, me.shares_weather,
            coalesce(array_agg(u.name ORDER BY u.name) FILTER (WHERE u.id IS NOT NULL), '{}') AS buddy_names
     FROM buddy_pair_members me JOIN buddy_pairs p ON p.id = me.pair_id JOIN cohorts c ON c.id = p.cohort_id
     LEFT JOIN buddy_pair_members o ON o.pair_id = p.id AND o.user_id <> me.user_id LEFT JOIN users u ON u.id = o.user_id
     WHERE me.user_id = $1 GROUP BY p.id, c.name, me.shares_weather ORDER BY p.starts_on, p.created_at, p.id`,
    [userId],
  );

  return {
    about: {
      format: DATA_EXPORT_FORMAT,
      generatedAt: now.toISOString(),
      description:
        'Everything Anchored holds about you, as of generatedAt: your profile and settings, your applications and places in cohorts (with what you wrote when you applied), your homework answers and the feedback on them, your attendance, your notifications, your daily check-ins (with your private notes), your posts and replies in your circles (with any answers you shared), your buddy pairings (with the names of your buddies), and who other than you has read your private writing. Times are ISO 8601 in UTC. Your password is never stored in a readable form and is not included; neither is the secret of your calendar feed link, nor your two-factor secret and recovery codes (only whether two-factor sign-in is on).',
      sections: ['profile', 'enrollments', 'homework', 'attendance', 'coaching', 'notifications', 'checkIns', 'accessLog', 'messages', 'community', 'buddies'],
    },
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      timezone: user.timezone,
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
      notificationPreferences: {
        emailKinds: user.email_kinds ?? 'all',
        quietHoursStart: user.quiet_hours_start,
        quietHoursEnd: user.quiet_hours_end,
        checkInReminderTime: user.check_in_reminder_time,
      },
      hasCalendarFeed: user.has_calendar_feed,
      // Whether logging in needs an authenticator code; never the secret or the recovery codes.
      twoFactorEnabled: user.two_factor_enabled,
    },
    enrollments: enrollments.map((e) => ({
      cohort: e.cohort_name,
      status: e.status,
      appliedAt: iso(e.applied_at),
      waitlistedAt: iso(e.waitlisted_at),
      decidedAt: iso(e.decided_at),
      motivation: cipher.decryptText(e.motivation_encrypted, motivationAad({ cohortId: e.cohort_id, clientId: e.client_id })) ?? e.motivation ?? null,
    })),
    homework: submissions.map((s) => ({
      cohort: s.cohort_name,
      assignment: s.title,
      template: s.template_key,
      dueAt: iso(s.due_at),
      submittedAt: iso(s.submitted_at),
      late: s.late,
      status: s.status,
      answers: s.responses_encrypted ? cipher.decrypt(s.responses_encrypted, responsesAad({ assignmentId: s.assignment_id, clientId: s.client_id })) : null,
      feedback: cipher.decryptText(s.feedback_encrypted, feedbackAad({ assignmentId: s.assignment_id, clientId: s.client_id })) ?? s.feedback ?? null,
      reviewedAt: iso(s.reviewed_at),
      reviewedBy: s.reviewed_at ? (s.reviewer_name ?? 'a deleted account') : null,
    })),
    attendance: attendance.map((a) => ({ cohort: a.cohort_name, session: a.title, startsAt: iso(a.starts_at), status: a.status, recordedAt: iso(a.recorded_at) })),
    coaching: coaching.map((c) => ({ cohort: c.name, status: c.status })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      subject: n.subject,
      body: n.body,
      createdAt: iso(n.created_at),
      readAt: iso(n.read_at),
      email: n.email_status,
      emailedAt: iso(n.emailed_at),
    })),
    // Daily check-ins, oldest first, with the private notes decrypted (they are the owner's own).
    checkIns: checkIns.map((c) => ({
      localDate: c.local_date,
      location: c.location,
      state: c.state,
      anchored: c.anchored,
      note: cipher.decryptText(c.note_encrypted, checkInNoteAad({ clientId: c.client_id, localDate: c.local_date })),
      createdAt: iso(c.created_at),
    })),
    messages: messages.map((m) => ({
      cohort: m.cohort_name,
      to: m.other_name ?? 'a deleted account',
      sentAt: iso(m.created_at),
      body: cipher.decrypt<string>(m.body_encrypted, messageBodyAad({ id: m.id, conversationId: m.conversation_id })),
    })),
    community: {
      posts: posts.map((post) => ({
        cohort: post.cohort_name,
        kind: post.kind,
        createdAt: iso(post.created_at),
        editedAt: post.edited_at ? iso(post.edited_at) : null,
        hidden: post.hidden_at !== null,
        anonymous: post.anonymous,
        body: cipher.decrypt<string>(post.body_encrypted, postBodyAad({ id: post.id, cohortId: post.cohort_id })),
        sharedAnswers: post.shared_answers_encrypted
          ? cipher.decrypt<{ answers: unknown[] }>(post.shared_answers_encrypted, sharedAnswersAad({ id: post.id, cohortId: post.cohort_id })).answers
          : null,
      })),
      replies: replies.map((reply) => ({
        cohort: reply.cohort_name,
        createdAt: iso(reply.created_at),
        body: cipher.decrypt<string>(reply.body_encrypted, replyBodyAad({ id: reply.id, postId: reply.post_id })),
      })),
    },
    buddies: buddies.map((b) => ({ cohort: b.cohort_name, buddies: b.buddy_names, startsOn: b.starts_on, endsOn: b.ends_on, sharedMyWeather: b.shares_weather })),
    accessLog: accessLog.map((l) => ({
      reader: l.reader_name ?? 'a deleted account',
      readerRole: l.reader_role ?? null,
      subject: l.subject,
      subjectId: l.subject_id,
      at: iso(l.at),
    })),
  };
}

export type DataExportDocument = Awaited<ReturnType<typeof buildDataExport>>;
