import { CohortStatus, acceptsApplications, acceptsEnrollments, assertCohortTransition, canMoveCohort, cohortEndsOn } from './cohort-status';
import { DomainError, ErrorCode } from './errors';

const all = Object.values(CohortStatus);
const legal: Array<[CohortStatus, CohortStatus]> = [
  [CohortStatus.DRAFT, CohortStatus.ENROLLING],
  [CohortStatus.ENROLLING, CohortStatus.ACTIVE],
  [CohortStatus.ACTIVE, CohortStatus.COMPLETED],
  [CohortStatus.COMPLETED, CohortStatus.ARCHIVED],
];

describe('cohort status transitions', () => {
  it.each(legal)('%s -> %s is allowed', (from, to) => {
    expect(canMoveCohort(from, to)).toBe(true);
    expect(() => assertCohortTransition(from, to)).not.toThrow();
  });

  it('every other pair is refused with CONFLICT', () => {
    let refused = 0;
    for (const from of all) {
      for (const to of all) {
        if (legal.some(([a, b]) => a === from && b === to)) continue;
        expect(canMoveCohort(from, to)).toBe(false);
        try {
          assertCohortTransition(from, to);
          throw new Error('should have thrown');
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
        }
        refused++;
      }
    }
    expect(refused).toBe(all.length * all.length - legal.length);
  });

  it('names the next legal step in the message', () => {
    expect(() => assertCohortTransition(CohortStatus.DRAFT, CohortStatus.ACTIVE)).toThrow('A DRAFT cohort can only move to ENROLLING, not to ACTIVE.');
    expect(() => assertCohortTransition(CohortStatus.ARCHIVED, CohortStatus.DRAFT)).toThrow(/cannot change status/);
  });

  it('opens applications only while ENROLLING and seats while ENROLLING or ACTIVE', () => {
    expect(all.filter(acceptsApplications)).toEqual([CohortStatus.ENROLLING]);
    expect(all.filter(acceptsEnrollments)).toEqual([CohortStatus.ENROLLING, CohortStatus.ACTIVE]);
  });
});

describe('cohortEndsOn', () => {
  it('adds whole weeks as calendar days', () => {
    expect(cohortEndsOn('2026-01-05', 26)).toBe('2026-07-06');
    expect(cohortEndsOn('2026-12-28', 1)).toBe('2027-01-04');
    expect(cohortEndsOn('2028-02-22', 1)).toBe('2028-02-29');
  });
});
