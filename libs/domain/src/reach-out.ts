/** Why a coach may want to reach out to a client. Values match the GraphQL enum ReachOutReason. */
export enum ReachOutReason {
  MISSED_LAST_TWO_SESSIONS = 'MISSED_LAST_TWO_SESSIONS',
  LOW_ATTENDANCE = 'LOW_ATTENDANCE',
  MISSING_HOMEWORK = 'MISSING_HOMEWORK',
  NO_RECENT_CHECK_IN = 'NO_RECENT_CHECK_IN',
  ANCHORED_DROPPING = 'ANCHORED_DROPPING',
}

/** The thresholds of the reach-out rule, so screens and emails can explain them. */
export const REACH_OUT = {
  missedInARow: 2,
  attendanceBelow: 0.6,
  missingAtLeast: 2,
  checkInWithinDays: 7,
  recentCheckIns: 3,
  earlierCheckIns: 7,
  anchoredDropAtLeast: 3,
} as const;

const DAY_MS = 86_400_000;

export interface CheckIn {
  at: Date;
  /** How anchored the client felt, on the check-in's scale. */
  anchored: number;
}

export interface CheckInFacts {
  /** When the program's first day began, in the cohort's timezone. */
  programStartedAt: Date;
  /** This client's check-ins, in any order. */
  checkIns: readonly CheckIn[];
}

export interface ReachOutFacts {
  /** Assignments past due with nothing submitted. */
  missing: number;
  attendanceRate: number | null;
  missedLastTwoSessions: boolean;
  /** Absent until check-ins exist: then the check-in reasons are never given. */
  checkIns?: CheckInFacts;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function noRecentCheckIn({ programStartedAt, checkIns }: CheckInFacts, now: Date): boolean {
  const window = REACH_OUT.checkInWithinDays * DAY_MS;
  if (now.getTime() - programStartedAt.getTime() < window) return false;
  return !checkIns.some((c) => c.at.getTime() <= now.getTime() && now.getTime() - c.at.getTime() <= window);
}

/** The last 3 check-ins average at least 3 below the 7 before them (needs all 10). */
function anchoredDropping({ checkIns }: CheckInFacts, now: Date): boolean {
  const newestFirst = checkIns.filter((c) => c.at.getTime() <= now.getTime()).sort((a, b) => b.at.getTime() - a.at.getTime());
  const recent = newestFirst.slice(0, REACH_OUT.recentCheckIns).map((c) => c.anchored);
  const earlier = newestFirst.slice(REACH_OUT.recentCheckIns, REACH_OUT.recentCheckIns + REACH_OUT.earlierCheckIns).map((c) => c.anchored);
  if (earlier.length < REACH_OUT.earlierCheckIns) return false;
  return mean(earlier) - mean(recent) >= REACH_OUT.anchoredDropAtLeast;
}

/**
 * The one reach-out rule, shown on the coach's dashboard and in the weekly summary. Reasons come
 * in the enum's order; none means the client seems on track.
 */
export function reachOutReasons(facts: ReachOutFacts, now: Date): ReachOutReason[] {
  const reasons: ReachOutReason[] = [];
  if (facts.missedLastTwoSessions) reasons.push(ReachOutReason.MISSED_LAST_TWO_SESSIONS);
  if (facts.attendanceRate !== null && facts.attendanceRate < REACH_OUT.attendanceBelow) reasons.push(ReachOutReason.LOW_ATTENDANCE);
  if (facts.missing >= REACH_OUT.missingAtLeast) reasons.push(ReachOutReason.MISSING_HOMEWORK);
  if (facts.checkIns && noRecentCheckIn(facts.checkIns, now)) reasons.push(ReachOutReason.NO_RECENT_CHECK_IN);
  if (facts.checkIns && anchoredDropping(facts.checkIns, now)) reasons.push(ReachOutReason.ANCHORED_DROPPING);
  return reasons;
}
