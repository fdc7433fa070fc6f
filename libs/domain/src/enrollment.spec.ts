import { CohortStatus } from './cohort-status';
import {
  ApplicationDecision,
  EnrollmentStatus,
  assertCanWithdraw,
  canMoveEnrollment,
  decideApplication,
  hasFreeSeat,
  orderWaitlist,
  pickFromWaitlist,
  statusOnCohortCompletion,
} from './enrollment';
import { ErrorCode } from './errors';

const ctx = (over: Partial<Parameters<typeof decideApplication>[1]> = {}) => ({
  enrollmentStatus: EnrollmentStatus.APPLIED,
  cohortStatus: CohortStatus.ENROLLING,
  capacity: 2,
  enrolledCount: 0,
  ...over,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('capacity', () => {
  it('has a free seat only below capacity', () => {
    expect(hasFreeSeat(2, 0)).toBe(true);
    expect(hasFreeSeat(2, 1)).toBe(true);
    expect(hasFreeSeat(2, 2)).toBe(false);
    expect(hasFreeSeat(2, 3)).toBe(false);
  });

  it('accepts while seats remain and refuses a full cohort with CONFLICT', () => {
    expect(decideApplication(ApplicationDecision.ACCEPT, ctx({ enrolledCount: 1 }))).toBe(EnrollmentStatus.ENROLLED);
    expect(codeOf(() => decideApplication(ApplicationDecision.ACCEPT, ctx({ enrolledCount: 2 })))).toBe(ErrorCode.CONFLICT);
    expect(() => decideApplication(ApplicationDecision.ACCEPT, ctx({ enrolledCount: 2 }))).toThrow('The cohort is full (2 of 2 seats taken).');
  });

  it('still waitlists and rejects when the cohort is full', () => {
    expect(decideApplication(ApplicationDecision.WAITLIST, ctx({ enrolledCount: 2 }))).toBe(EnrollmentStatus.WAITLISTED);
    expect(decideApplication(ApplicationDecision.REJECT, ctx({ enrolledCount: 2 }))).toBe(EnrollmentStatus.REJECTED);
  });
});

describe('decisions', () => {
  it('promotes a waitlisted client', () => {
    expect(decideApplication(ApplicationDecision.ACCEPT, ctx({ enrollmentStatus: EnrollmentStatus.WAITLISTED }))).toBe(EnrollmentStatus.ENROLLED);
  });

  it('refuses repeating a decision or deciding a closed enrollment', () => {
    expect(codeOf(() => decideApplication(ApplicationDecision.WAITLIST, ctx({ enrollmentStatus: EnrollmentStatus.WAITLISTED })))).toBe(ErrorCode.CONFLICT);
    for (const closed of [EnrollmentStatus.REJECTED, EnrollmentStatus.WITHDRAWN, EnrollmentStatus.GRADUATED]) {
      for (const decision of Object.values(ApplicationDecision)) {
        expect(codeOf(() => decideApplication(decision, ctx({ enrollmentStatus: closed })))).toBe(ErrorCode.CONFLICT);
      }
    }
    expect(codeOf(() => decideApplication(ApplicationDecision.WAITLIST, ctx({ enrollmentStatus: EnrollmentStatus.ENROLLED })))).toBe(ErrorCode.CONFLICT);
  });

  it('only seats clients in an ENROLLING or ACTIVE cohort, but can always reject', () => {
    for (const cohortStatus of [CohortStatus.DRAFT, CohortStatus.COMPLETED, CohortStatus.ARCHIVED]) {
      expect(codeOf(() => decideApplication(ApplicationDecision.ACCEPT, ctx({ cohortStatus })))).toBe(ErrorCode.CONFLICT);
      expect(codeOf(() => decideApplication(ApplicationDecision.WAITLIST, ctx({ cohortStatus })))).toBe(ErrorCode.CONFLICT);
      expect(decideApplication(ApplicationDecision.REJECT, ctx({ cohortStatus }))).toBe(EnrollmentStatus.REJECTED);
    }
    expect(decideApplication(ApplicationDecision.ACCEPT, ctx({ cohortStatus: CohortStatus.ACTIVE }))).toBe(EnrollmentStatus.ENROLLED);
  });
});

describe('enrollment transitions', () => {
  it('lets open enrollments be withdrawn and closed ones not', () => {
    for (const s of [EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.ENROLLED]) {
      expect(() => assertCanWithdraw(s)).not.toThrow();
    }
    for (const s of [EnrollmentStatus.REJECTED, EnrollmentStatus.WITHDRAWN, EnrollmentStatus.GRADUATED]) {
      expect(codeOf(() => assertCanWithdraw(s))).toBe(ErrorCode.CONFLICT);
    }
  });

  it('graduates only enrolled clients', () => {
    expect(canMoveEnrollment(EnrollmentStatus.ENROLLED, EnrollmentStatus.GRADUATED)).toBe(true);
    expect(canMoveEnrollment(EnrollmentStatus.APPLIED, EnrollmentStatus.GRADUATED)).toBe(false);
    expect(statusOnCohortCompletion(EnrollmentStatus.ENROLLED)).toBe(EnrollmentStatus.GRADUATED);
    expect(statusOnCohortCompletion(EnrollmentStatus.APPLIED)).toBe(EnrollmentStatus.REJECTED);
    expect(statusOnCohortCompletion(EnrollmentStatus.WAITLISTED)).toBe(EnrollmentStatus.REJECTED);
    expect(statusOnCohortCompletion(EnrollmentStatus.WITHDRAWN)).toBe(EnrollmentStatus.WITHDRAWN);
  });
});

describe('waitlist order', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
  const entries = [
    { id: 'c', waitlistedAt: at(3) },
    { id: 'b', waitlistedAt: at(1) },
    { id: 'a', waitlistedAt: at(3) },
    { id: 'd', waitlistedAt: at(2) },
  ];

  it('is first come, first served, with the id breaking ties', () => {
    expect(orderWaitlist(entries).map((e) => e.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('does not reorder the input', () => {
    orderWaitlist(entries);
    expect(entries.map((e) => e.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('promotes the first in line unless another is chosen', () => {
    expect(pickFromWaitlist(entries).id).toBe('b');
    expect(pickFromWaitlist(entries, 'a').id).toBe('a');
    expect(codeOf(() => pickFromWaitlist(entries, 'zzz'))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => pickFromWaitlist([]))).toBe(ErrorCode.CONFLICT);
  });
});
