import { DomainError, ErrorCode } from './errors';

export enum CohortStatus {
  DRAFT = 'DRAFT',
  ENROLLING = 'ENROLLING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ARCHIVED = 'ARCHIVED',
}

/** A cohort only ever moves one step forward. */
const NEXT_STATUS: Record<CohortStatus, CohortStatus | null> = {
  [CohortStatus.DRAFT]: CohortStatus.ENROLLING,
  [CohortStatus.ENROLLING]: CohortStatus.ACTIVE,
  [CohortStatus.ACTIVE]: CohortStatus.COMPLETED,
  [CohortStatus.COMPLETED]: CohortStatus.ARCHIVED,
  [CohortStatus.ARCHIVED]: null,
};

export function canMoveCohort(from: CohortStatus, to: CohortStatus): boolean {
  return NEXT_STATUS[from] === to;
}

export function assertCohortTransition(from: CohortStatus, to: CohortStatus): void {
  if (canMoveCohort(from, to)) return;
  const next = NEXT_STATUS[from];
  throw new DomainError(
    ErrorCode.CONFLICT,
    next
      ? `A ${from} cohort can only move to ${next}, not to ${to}.`
      : `An ${from} cohort cannot change status any more.`,
  );
}

/** Clients may apply only while enrollment is open. */
export function acceptsApplications(status: CohortStatus): boolean {
  return status === CohortStatus.ENROLLING;
}

/** Seats can be filled while enrolling and during the program (late joiners). */
export function acceptsEnrollments(status: CohortStatus): boolean {
  return status === CohortStatus.ENROLLING || status === CohortStatus.ACTIVE;
}

export const DEFAULT_PROGRAM_WEEKS = 26;

/** endsOn = startsOn + programWeeks weeks, as calendar dates (YYYY-MM-DD, no time zone involved). */
export function cohortEndsOn(startsOn: string, programWeeks: number): string {
  const [y, m, d] = startsOn.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + programWeeks * 7));
  return date.toISOString().slice(0, 10);
}
