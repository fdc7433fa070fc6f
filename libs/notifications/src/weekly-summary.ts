import { DateTime } from 'luxon';
import { curriculumWeekOf, moduleForWeek } from '@anchored/curriculum';
import { AttendanceStatus, computeProgress, heldSessions, programWeekOf, REACH_OUT, ReachOutReason, SessionStatus, SubmissionStatus } from '@anchored/domain';

export interface SummaryClient {
  id: string;
  name: string;
}

export interface SummarySession {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
  meetingUrl: string | null;
  attendance: { clientId: string; status: 'PRESENT' | 'ABSENT' | 'EXCUSED' }[];
}

export interface SummarySubmission {
  clientId: string;
  submittedAt: Date;
  late: boolean;
  reviewedAt: Date | null;
}

export interface SummaryAssignment {
  id: string;
  title: string;
  dueAt: Date;
  submissions: SummarySubmission[];
}

export interface SummaryCohort {
  id: string;
  name: string;
  timezone: string;
  /** YYYY-MM-DD in the cohort's timezone. */
  startsOn: string;
  programWeeks: number;
}

/** A check-in's time and score (never its note), for the reach-out rule and the check-ins line. */
export interface SummaryCheckIn {
  clientId: string;
  /** When it was made. */
  at: Date;
  anchored: number;
}

export interface CoachSummaryInput {
  cohort: SummaryCohort;
  /** The cohort's ENROLLED clients. */
  clients: SummaryClient[];
  sessions: SummarySession[];
  assignments: SummaryAssignment[];
  /** The reported week, [weekStart, weekEnd). */
  weekStart: Date;
  weekEnd: Date;
  now: Date;
  /** Check-ins of the cohort's ENROLLED and GRADUATED clients since the program's first day (the dashboard's rows). */
  checkIns?: SummaryCheckIn[];
}

export interface SessionAttendanceSummary {
  sessionId: string;
  title: string;
  startsAt: Date;
  present: number;
  absent: number;
  excused: number;
  /** Enrolled clients with no attendance recorded for the session. */
  unrecorded: number;
  /** Names of enrolled clients marked ABSENT, sorted. */
  absentNames: string[];
}

export interface AssignmentSubmissionSummary {
  assignmentId: string;
  title: string;
  dueAt: Date;
  /** Whether the due date has passed at `now`; if not, `missing` means "not in yet". */
  pastDue: boolean;
  /** Enrolled clients who handed in on time (sorted names). */
  submitted: string[];
  /** Enrolled clients who handed in, but only late (sorted names). */
  late: string[];
  /** Enrolled clients with no submission (sorted names). */
  missing: string[];
}

export interface ReachOutSuggestion {
  clientId: string;
  name: string;
  reasons: ReachOutReason[];
  /** The reasons as sentences for the email, in the same order. */
  sentences: string[];
}

export interface CoachWeeklySummary {
  cohortId: string;
  weekStart: Date;
  weekEnd: Date;
  programWeek: number | null;
  module: { key: string; title: string } | null;
  /** Sessions held in the week (held by `now`, see isHeld, and started in [weekStart, weekEnd)), by start. */
  sessions: SessionAttendanceSummary[];
  /** Assignments due in [weekStart, weekEnd), by due date. */
  assignments: AssignmentSubmissionSummary[];
  /** Submissions to any assignment that have not been reviewed yet. */
  awaitingReview: number;
  /** Clients the reach-out rule (libs/domain, as on the coach's dashboard) flags, sorted by name. */
  reachOut: ReachOutSuggestion[];
  /** The week's daily check-ins: how many of the clients checked in, how often; null while the cohort has none at all. */
  checkIns: { clientsCheckedIn: number; clients: number; checkIns: number } | null;
}

export interface ClientNoteInput {
  cohort: SummaryCohort;
  client: SummaryClient;
  sessions: SummarySession[];
  assignments: SummaryAssignment[];
  now: Date;
}

export interface OpenHomework {
  assignmentId: string;
  title: string;
  dueAt: Date;
  overdue: boolean;
}

export interface NextSession {
  sessionId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  meetingUrl: string | null;
}

export interface ClientWeeklyNote {
  cohortId: string;
  clientId: string;
  programWeek: number | null;
  /** Practices written "Title: description". */
  module: { key: string; title: string; practices: string[] } | null;
  /** Unsubmitted assignments due from a week ago onwards, by due date. */
  openHomework: OpenHomework[];
  nextSession: NextSession | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en');
const byTime = (a: Date, b: Date): number => a.getTime() - b.getTime();

function moduleOf(programWeek: number | null) {
  return programWeek === null ? null : moduleForWeek(curriculumWeekOf(programWeek));
}

function cohortWeek(cohort: SummaryCohort, at: Date): number | null {
  return programWeekOf(at, cohort.startsOn, cohort.timezone, cohort.programWeeks);
}

function quoteList(titles: string[]): string {
  return titles.map((title) => `“${title}”`).join(' and ');
}

const percent = (rate: number | null) => `${Math.round((rate ?? 0) * 100)}%`;

/** The dashboard's reach-out rule over the same rows the summary reads. */
function reachOutSuggestions(
  cohort: SummaryCohort,
  clients: SummaryClient[],
  sessions: SummarySession[],
  assignments: SummaryAssignment[],
  checkIns: SummaryCheckIn[],
  now: Date,
): ReachOutSuggestion[] {
  const progress = computeProgress({
    clientIds: clients.map((client) => client.id),
    assignments: assignments.map(({ id, dueAt }) => ({ id, dueAt })),
    submissions: assignments.flatMap((assignment) =>
      assignment.submissions.map((submission) => ({
        assignmentId: assignment.id,
        clientId: submission.clientId,
        late: submission.late,
        status: submission.reviewedAt ? SubmissionStatus.REVIEWED : SubmissionStatus.SUBMITTED,
      })),
    ),
    sessions,
    attendance: sessions.flatMap((session) => session.attendance.map((record) => ({ sessionId: session.id, ...record }))),
    checkIns: {
      programStartedAt: DateTime.fromISO(cohort.startsOn, { zone: cohort.timezone }).startOf('day').toJSDate(),
      rows: checkIns.map(({ clientId, at, anchored }) => ({ clientId, at, anchored })),
    },
    now,
  });
  const lastSessionTitles = heldSessions(sessions, now)
    .slice(0, REACH_OUT.missedInARow)
    .reverse()
    .map((session) => session.title);
  const sentence: Record<ReachOutReason, (figures: (typeof progress)[number]) => string> = {
    [ReachOutReason.MISSED_LAST_TWO_SESSIONS]: () => `Missed the last ${REACH_OUT.missedInARow} sessions (${quoteList(lastSessionTitles)}).`,
    [ReachOutReason.LOW_ATTENDANCE]: (figures) => `Attendance ${percent(figures.attendanceRate)}.`,
    [ReachOutReason.MISSING_HOMEWORK]: (figures) => `${figures.missing} missing assignments.`,
    [ReachOutReason.NO_RECENT_CHECK_IN]: () => `No check-in in the last ${REACH_OUT.checkInWithinDays} days.`,
    [ReachOutReason.ANCHORED_DROPPING]: () => 'Feeling less anchored in the last check-ins.',
  };
  const byId = new Map(progress.map((figures) => [figures.clientId, figures]));
  return [...clients]
    .sort(byName)
    .map((client) => {
      const figures = byId.get(client.id) as (typeof progress)[number];
      return { clientId: client.id, name: client.name, reasons: figures.reachOutReasons, sentences: figures.reachOutReasons.map((reason) => sentence[reason](figures)) };
    })
    .filter((suggestion) => suggestion.reasons.length > 0);
}

/** The coach's look back at one week of a cohort. */
export function buildCoachWeeklySummary(input: CoachSummaryInput): CoachWeeklySummary {
  const { cohort, clients, sessions, assignments, weekStart, weekEnd, now } = input;
  const checkIns = input.checkIns ?? [];
  const enrolled = new Map(clients.map((client) => [client.id, client]));
  const inWeek = (at: Date) => at.getTime() >= weekStart.getTime() && at.getTime() < weekEnd.getTime();

  // The program week the reported week starts in; when the program starts mid-week, the one it ends in.
  const programWeek = cohortWeek(cohort, weekStart) ?? cohortWeek(cohort, new Date(weekEnd.getTime() - 1));
  const module = moduleOf(programWeek);

  const sessionSummaries = heldSessions(sessions, now)
    .filter((session) => inWeek(session.startsAt))
    .reverse()
    .map((session): SessionAttendanceSummary => {
      const counts = { PRESENT: 0, ABSENT: 0, EXCUSED: 0 };
      const recorded = new Set<string>();
      const absentNames: string[] = [];
      for (const record of session.attendance) {
        const client = enrolled.get(record.clientId);
        if (!client || recorded.has(client.id)) continue;
        recorded.add(client.id);
        counts[record.status] += 1;
        if (record.status === AttendanceStatus.ABSENT) absentNames.push(client.name);
      }
      return {
        sessionId: session.id,
        title: session.title,
        startsAt: session.startsAt,
        present: counts.PRESENT,
        absent: counts.ABSENT,
        excused: counts.EXCUSED,
        unrecorded: clients.length - recorded.size,
        absentNames: absentNames.sort((a, b) => a.localeCompare(b, 'en')),
      };
    });

  const assignmentSummaries = assignments
    .filter((assignment) => inWeek(assignment.dueAt))
    .sort((a, b) => byTime(a.dueAt, b.dueAt))
    .map((assignment): AssignmentSubmissionSummary => {
      const submitted: string[] = [];
      const late: string[] = [];
      const missing: string[] = [];
      for (const client of [...clients].sort(byName)) {
        const own = assignment.submissions.filter((submission) => submission.clientId === client.id);
        if (own.length === 0) missing.push(client.name);
        else if (own.some((submission) => !submission.late)) submitted.push(client.name);
        else late.push(client.name);
      }
      return {
        assignmentId: assignment.id,
        title: assignment.title,
        dueAt: assignment.dueAt,
        pastDue: assignment.dueAt.getTime() <= now.getTime(),
        submitted,
        late,
        missing,
      };
    });

  const awaitingReview = assignments.reduce(
    (total, assignment) => total + assignment.submissions.filter((submission) => submission.reviewedAt === null).length,
    0,
  );

  return {
    cohortId: cohort.id,
    weekStart,
    weekEnd,
    programWeek,
    module: module ? { key: module.key, title: module.title } : null,
    sessions: sessionSummaries,
    assignments: assignmentSummaries,
    awaitingReview,
    reachOut: reachOutSuggestions(cohort, clients, sessions, assignments, checkIns, now),
    checkIns: checkIns.length === 0 ? null : checkInsOfWeek(clients, checkIns.filter((c) => inWeek(c.at))),
  };
}

function checkInsOfWeek(clients: SummaryClient[], inWeek: SummaryCheckIn[]): CoachWeeklySummary['checkIns'] {
  const ids = new Set(clients.map((client) => client.id));
  const mine = inWeek.filter((c) => ids.has(c.clientId));
  return { clientsCheckedIn: new Set(mine.map((c) => c.clientId)).size, clients: clients.length, checkIns: mine.length };
}

/** One client's note for the week ahead. */
export function buildClientWeeklyNote(input: ClientNoteInput): ClientWeeklyNote {
  const { cohort, client, sessions, assignments, now } = input;
  const programWeek = cohortWeek(cohort, now);
  const module = moduleOf(programWeek);
  const since = now.getTime() - 7 * DAY_MS;

  const openHomework = assignments
    .filter((assignment) => assignment.dueAt.getTime() >= since)
    .filter((assignment) => !assignment.submissions.some((submission) => submission.clientId === client.id))
    .sort((a, b) => byTime(a.dueAt, b.dueAt) || a.title.localeCompare(b.title, 'en'))
    .map((assignment) => ({
      assignmentId: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      overdue: assignment.dueAt.getTime() < now.getTime(),
    }));

  const next = sessions
    .filter((session) => session.status === SessionStatus.SCHEDULED && session.startsAt.getTime() > now.getTime())
    .sort((a, b) => byTime(a.startsAt, b.startsAt))[0];

  return {
    cohortId: cohort.id,
    clientId: client.id,
    programWeek,
    module: module
      ? { key: module.key, title: module.title, practices: module.practices.map((practice) => `${practice.title}: ${practice.description}`) }
      : null,
    openHomework,
    nextSession: next
      ? { sessionId: next.id, title: next.title, startsAt: next.startsAt, durationMinutes: next.durationMinutes, meetingUrl: next.meetingUrl }
      : null,
  };
}
