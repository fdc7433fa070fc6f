import { CohortStatus, acceptsEnrollments } from './cohort-status';
import { DomainError, ErrorCode } from './errors';

export enum EnrollmentStatus {
  APPLIED = 'APPLIED',
  WAITLISTED = 'WAITLISTED',
  ENROLLED = 'ENROLLED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  GRADUATED = 'GRADUATED',
}

export enum ApplicationDecision {
  ACCEPT = 'ACCEPT',
  WAITLIST = 'WAITLIST',
  REJECT = 'REJECT',
}

/** Statuses that hold a client's place in a cohort (one at a time per client and cohort). */
export const OPEN_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  EnrollmentStatus.APPLIED,
  EnrollmentStatus.WAITLISTED,
  EnrollmentStatus.ENROLLED,
];

const ALLOWED: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  [EnrollmentStatus.APPLIED]: [EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.REJECTED, EnrollmentStatus.WITHDRAWN],
  [EnrollmentStatus.WAITLISTED]: [EnrollmentStatus.ENROLLED, EnrollmentStatus.REJECTED, EnrollmentStatus.WITHDRAWN],
  [EnrollmentStatus.ENROLLED]: [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.GRADUATED],
  [EnrollmentStatus.REJECTED]: [],
  [EnrollmentStatus.WITHDRAWN]: [],
  [EnrollmentStatus.GRADUATED]: [],
};

export function canMoveEnrollment(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return ALLOWED[from].includes(to);
}

const DECISION_TARGET: Record<ApplicationDecision, EnrollmentStatus> = {
  [ApplicationDecision.ACCEPT]: EnrollmentStatus.ENROLLED,
  [ApplicationDecision.WAITLIST]: EnrollmentStatus.WAITLISTED,
  [ApplicationDecision.REJECT]: EnrollmentStatus.REJECTED,
};

export interface DecisionContext {
  enrollmentStatus: EnrollmentStatus;
  cohortStatus: CohortStatus;
  capacity: number;
  enrolledCount: number;
}

/**
 * Decides what an admin's decision does to an application, or throws why it cannot.
 * Capacity is checked here; the caller must hold a lock on the cohort so the count is current.
 */
export function decideApplication(decision: ApplicationDecision, ctx: DecisionContext): EnrollmentStatus {
  const target = DECISION_TARGET[decision];
  if (ctx.enrollmentStatus === target) {
    throw new DomainError(ErrorCode.CONFLICT, `This application is already ${target}.`);
  }
  if (!canMoveEnrollment(ctx.enrollmentStatus, target)) {
    throw new DomainError(ErrorCode.CONFLICT, `An enrollment that is ${ctx.enrollmentStatus} cannot become ${target}.`);
  }
  if (decision !== ApplicationDecision.REJECT && !acceptsEnrollments(ctx.cohortStatus)) {
    throw new DomainError(ErrorCode.CONFLICT, `The cohort is ${ctx.cohortStatus}; it is not taking clients.`);
  }
  if (decision === ApplicationDecision.ACCEPT && !hasFreeSeat(ctx.capacity, ctx.enrolledCount)) {
    throw new DomainError(ErrorCode.CONFLICT, `The cohort is full (${ctx.enrolledCount} of ${ctx.capacity} seats taken).`);
  }
  return target;
}

export function hasFreeSeat(capacity: number, enrolledCount: number): boolean {
  return enrolledCount < capacity;
}

export function assertCanWithdraw(status: EnrollmentStatus): void {
  if (!canMoveEnrollment(status, EnrollmentStatus.WITHDRAWN)) {
    throw new DomainError(ErrorCode.CONFLICT, `An enrollment that is ${status} cannot be withdrawn.`);
  }
}

export interface WaitlistEntry {
  id: string;
  waitlistedAt: Date;
}

/** The waitlist is first come, first served: by the time a client was waitlisted, then by id (as Postgres orders uuids). */
export function orderWaitlist<T extends WaitlistEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Who an admin promotes from the waitlist: the one they chose, or else the first in line. */
export function pickFromWaitlist<T extends WaitlistEntry>(entries: readonly T[], chosenId?: string): T {
  const ordered = orderWaitlist(entries);
  if (ordered.length === 0) throw new DomainError(ErrorCode.CONFLICT, 'Nobody is on the waitlist.');
  if (!chosenId) return ordered[0];
  const chosen = ordered.find((entry) => entry.id === chosenId);
  if (!chosen) throw new DomainError(ErrorCode.NOT_FOUND, 'That enrollment is not on this cohort\'s waitlist.');
  return chosen;
}

/** What completing a cohort does to each enrollment status (ENROLLED clients become alumni). */
export function statusOnCohortCompletion(status: EnrollmentStatus): EnrollmentStatus {
  switch (status) {
    case EnrollmentStatus.ENROLLED:
      return EnrollmentStatus.GRADUATED;
    case EnrollmentStatus.APPLIED:
    case EnrollmentStatus.WAITLISTED:
      return EnrollmentStatus.REJECTED;
    default:
      return status;
  }
}
