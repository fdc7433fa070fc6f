import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

/** A post's kind (GraphQL PostKind). */
export enum PostKind {
  DISCUSSION = 'DISCUSSION',
  WEEKLY_PROMPT = 'WEEKLY_PROMPT',
  SHARED_REFLECTION = 'SHARED_REFLECTION',
}

/** The three supportive reactions: toggles, no "likes" to compete over (GraphQL Reaction). */
export enum Reaction {
  HEART = 'HEART',
  WITH_YOU = 'WITH_YOU',
  THANK_YOU = 'THANK_YOU',
}

export const ALL_REACTIONS: readonly Reaction[] = [Reaction.HEART, Reaction.WITH_YOU, Reaction.THANK_YOU];

/** The community's limits, in characters after trimming (docs/community.md). */
export const COMMUNITY_LIMITS = {
  postBody: 4000,
  replyBody: 2000,
  /** A moderator's reason to hide a post, and a member's reason to report one. */
  reason: 500,
  /** A note above a shared reflection. */
  shareNote: 1000,
  /** Posts, shares and replies one person may write per window (all their circles together). */
  writesPerWindow: 10,
  windowSeconds: 60,
  pageMax: 50,
} as const;

/** How someone belongs to a cohort's community (docs/community.md). */
export enum CommunityStanding {
  /** An ENROLLED or GRADUATED client of the cohort (alumni keep their circle), or one of its coaches: reads and writes. */
  MEMBER = 'MEMBER',
  /** An admin: reads and moderates (hide, remove), never writes. */
  MODERATOR = 'MODERATOR',
  /** Everyone else: APPLIED, WAITLISTED, REJECTED or WITHDRAWN clients, other cohorts' coaches. */
  OUTSIDER = 'OUTSIDER',
}

export interface CommunityFacts {
  /** The person's seat in the cohort, if any (any status). */
  seat?: EnrollmentStatus | null;
  /** The person is one of the cohort's coaches. */
  coachOfCohort?: boolean;
}

/** The one membership rule of a cohort's community. Facts not given count as "no". */
export function communityStanding(role: Role, facts: CommunityFacts): CommunityStanding {
  if (role === Role.ADMIN) return CommunityStanding.MODERATOR;
  if (role === Role.COACH) return facts.coachOfCohort === true ? CommunityStanding.MEMBER : CommunityStanding.OUTSIDER;
  return facts.seat === EnrollmentStatus.ENROLLED || facts.seat === EnrollmentStatus.GRADUATED ? CommunityStanding.MEMBER : CommunityStanding.OUTSIDER;
}

/** Trims a body and checks it is neither empty nor longer than `max`; the message names the field. */
export function checkedText(field: string, value: string, max: number): { ok: true; text: string } | { ok: false; message: string } {
  const text = value.trim();
  if (!text) return { ok: false, message: `${field} must not be empty.` };
  if (text.length > max) return { ok: false, message: `${field} must be at most ${max} characters (it has ${text.length}).` };
  return { ok: true, text };
}
