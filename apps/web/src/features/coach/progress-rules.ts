import { REACH_OUT, averageAttendance } from '@anchored/domain';
import type { ReachOutReason } from '../../gql/graphql';

export interface ProgressRow {
  clientId: string;
  submitted: number;
  missing: number;
  late: number;
  reviewed: number;
  /** PRESENT / held sessions the client was not excused from, null before any. */
  attendanceRate: number | null;
  /** The API's reach-out rule (libs/domain), the same as in the weekly summary. */
  reachOutReasons: readonly ReachOutReason[];
}

/** One reason as a short phrase for a badge: "2 missing assignments", "Attendance 50%", "Missed the last 2 sessions". */
export function reasonLabel(reason: ReachOutReason, row: ProgressRow): string {
  switch (reason) {
    case 'MISSED_LAST_TWO_SESSIONS':
      return `Missed the last ${REACH_OUT.missedInARow} sessions`;
    case 'LOW_ATTENDANCE':
      return `Attendance ${formatPercent(row.attendanceRate)}`;
    case 'MISSING_HOMEWORK':
      return `${row.missing} missing assignments`;
    case 'NO_RECENT_CHECK_IN':
      return `No check-in for ${REACH_OUT.checkInWithinDays} days`;
    case 'ANCHORED_DROPPING':
      return 'Feeling less anchored';
  }
}

/** What the rule looks for, in one sentence for the screen. */
export const REACH_OUT_RULE =
  `We suggest reaching out when someone missed the last ${REACH_OUT.missedInARow} sessions, attends under ` +
  `${Math.round(REACH_OUT.attendanceBelow * 100)}% of the sessions held (excused ones left out), or has ` +
  `${REACH_OUT.missingAtLeast} or more missing assignments; and, once your cohort checks in daily, when someone has not ` +
  `checked in for ${REACH_OUT.checkInWithinDays} days or their last ${REACH_OUT.recentCheckIns} check-ins are ` +
  `${REACH_OUT.anchoredDropAtLeast} or more points less anchored than the ${REACH_OUT.earlierCheckIns} before. The weekly summary email names the same people.`;

/** 0.666… → "67%"; null → "No sessions yet". */
export function formatPercent(rate: number | null): string {
  if (rate === null) return 'No sessions yet';
  return `${Math.round(rate * 100)}%`;
}

export interface ProgressSummary {
  clients: number;
  averageAttendance: number | null;
  missing: number;
  awaitingReview: number;
  toReachOut: number;
}

/** The figures above the table: the cohort's average attendance (libs/domain, as on the charts) and totals. */
export function summarizeProgress(rows: readonly ProgressRow[]): ProgressSummary {
  return {
    clients: rows.length,
    averageAttendance: averageAttendance(rows.map((r) => r.attendanceRate)),
    missing: rows.reduce((a, r) => a + r.missing, 0),
    awaitingReview: rows.reduce((a, r) => a + (r.submitted - r.reviewed), 0),
    toReachOut: rows.filter((r) => r.reachOutReasons.length > 0).length,
  };
}
