import { ALL_PERMISSIONS, Permission, decide, factsNeeded, roleRefusal, rolesFor } from './access-policy';
import { CohortStatus } from './cohort-status';
import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

const admin = { id: 'a', role: Role.ADMIN };
const coach = { id: 'c', role: Role.COACH };
const client = { id: 'k', role: Role.CLIENT };
const allowed = (p: Permission, actor: typeof admin, facts = {}) => decide(p, actor, facts).allowed;

describe('access policy', () => {
  it('gives every permission at least one role, and a reason to those refused', () => {
    for (const p of ALL_PERMISSIONS) {
      expect(rolesFor(p).length).toBeGreaterThan(0);
      const outsider = [admin, coach, client].find((a) => !rolesFor(p).includes(a.role)) ?? { id: 'x', role: Role.CLIENT };
      const refusal = decide(p, outsider, {});
      if (!refusal.allowed) expect(refusal.reason).toMatch(/\.$/);
    }
    expect(roleRefusal(Permission.MANAGE_COHORT)).toBe('Only coaches and admins may do that.');
    expect(roleRefusal(Permission.WITHDRAW_ENROLLMENT)).toBe('Only clients and admins may do that.');
  });

  it('two-factor sign-in: coaches and admins, for themselves (no facts needed); never clients', () => {
    expect(allowed(Permission.USE_TWO_FACTOR, coach)).toBe(true);
    expect(allowed(Permission.USE_TWO_FACTOR, admin)).toBe(true);
    expect(allowed(Permission.USE_TWO_FACTOR, client, { ownerId: 'k' })).toBe(false);
    expect(factsNeeded(Permission.USE_TWO_FACTOR, Role.COACH)).toEqual([]);
    expect(roleRefusal(Permission.USE_TWO_FACTOR)).toBe('Only coaches and admins may do that.');
  });

  it('admin-only permissions', () => {
    for (const p of [Permission.ADMINISTER, Permission.MANAGE_ENROLLMENT, Permission.READ_AUDIT_LOG]) {
      expect(allowed(p, admin)).toBe(true);
      expect(allowed(p, coach, { coachOfCohort: true })).toBe(false);
      expect(allowed(p, client, { ownerId: 'k' })).toBe(false);
    }
  });

  it('cohort scope: view, follow, manage', () => {
    expect(allowed(Permission.VIEW_COHORT, client, { cohortStatus: CohortStatus.ENROLLING })).toBe(true);
    expect(allowed(Permission.VIEW_COHORT, client, { cohortStatus: CohortStatus.ACTIVE })).toBe(false);
    expect(allowed(Permission.VIEW_COHORT, client, { cohortStatus: CohortStatus.ACTIVE, appliedToCohort: true })).toBe(true);
    expect(allowed(Permission.VIEW_COHORT, coach, { cohortStatus: CohortStatus.ENROLLING })).toBe(false);
    expect(allowed(Permission.VIEW_COHORT, coach, { coachOfCohort: true })).toBe(true);

    expect(allowed(Permission.FOLLOW_PROGRAM, client, { seat: EnrollmentStatus.ENROLLED })).toBe(true);
    expect(allowed(Permission.FOLLOW_PROGRAM, client, { seat: EnrollmentStatus.GRADUATED })).toBe(true);
    expect(allowed(Permission.FOLLOW_PROGRAM, client, { appliedToCohort: true })).toBe(false);
    expect(allowed(Permission.FOLLOW_PROGRAM, admin)).toBe(true);

    expect(allowed(Permission.MANAGE_COHORT, client, { seat: EnrollmentStatus.ENROLLED, coachOfCohort: true })).toBe(false);
    expect(allowed(Permission.MANAGE_COHORT, coach, { coachOfCohort: false })).toBe(false);
    expect(allowed(Permission.MANAGE_COHORT, coach, { coachOfCohort: true })).toBe(true);
    expect(factsNeeded(Permission.MANAGE_COHORT, Role.ADMIN)).toEqual([]);
  });

  it('coaching is for the cohort\'s coaches only, handing in for ENROLLED clients only', () => {
    for (const p of [Permission.ASSIGN_HOMEWORK, Permission.REVIEW_HOMEWORK]) {
      expect(allowed(p, coach, { coachOfCohort: true })).toBe(true);
      expect(allowed(p, coach, { coachOfCohort: false })).toBe(false);
      expect(allowed(p, admin)).toBe(false);
    }
    expect(allowed(Permission.SUBMIT_HOMEWORK, client, { seat: EnrollmentStatus.ENROLLED })).toBe(true);
    expect(allowed(Permission.SUBMIT_HOMEWORK, client, { seat: EnrollmentStatus.GRADUATED })).toBe(false);
  });

  it('private text: answers, feedback, motivations and own settings', () => {
    expect(allowed(Permission.READ_ANSWERS, client, { ownerId: 'k' })).toBe(true);
    expect(allowed(Permission.READ_ANSWERS, client, { ownerId: 'other' })).toBe(false);
    expect(allowed(Permission.READ_ANSWERS, client, {})).toBe(false);
    expect(allowed(Permission.READ_ANSWERS, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.READ_ANSWERS, admin, { adminsReadHomework: false })).toBe(false);
    expect(allowed(Permission.READ_ANSWERS, admin, { adminsReadHomework: true })).toBe(true);
    for (const p of [Permission.READ_FEEDBACK, Permission.READ_MOTIVATION]) {
      expect(allowed(p, client, { ownerId: 'k' })).toBe(true);
      expect(allowed(p, client, { ownerId: 'other' })).toBe(false);
      expect(allowed(p, coach, { coachOfCohort: false })).toBe(false);
      expect(allowed(p, admin)).toBe(true);
    }
    expect(allowed(Permission.READ_OWN_SETTINGS, admin, { ownerId: 'a' })).toBe(true);
    expect(allowed(Permission.READ_OWN_SETTINGS, admin, { ownerId: 'k' })).toBe(false);
    expect(allowed(Permission.WITHDRAW_ENROLLMENT, client, { ownerId: 'other' })).toBe(false);
    expect(allowed(Permission.WITHDRAW_ENROLLMENT, admin, { ownerId: 'k' })).toBe(true);
  });

  it('check-ins: clients with a seat anywhere check in; only the cohort’s coaches read them', () => {
    expect(allowed(Permission.CHECK_IN, client, { seatAnywhere: true })).toBe(true);
    expect(allowed(Permission.CHECK_IN, client, { seatAnywhere: false })).toBe(false);
    expect(allowed(Permission.CHECK_IN, client, {})).toBe(false);
    expect(allowed(Permission.CHECK_IN, coach, { seatAnywhere: true })).toBe(false);
    expect(allowed(Permission.CHECK_IN, admin)).toBe(false);
    expect(allowed(Permission.READ_CHECK_INS, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.READ_CHECK_INS, coach, { coachOfCohort: false })).toBe(false);
    expect(allowed(Permission.READ_CHECK_INS, admin)).toBe(false);
    expect(allowed(Permission.READ_CHECK_INS, client, { ownerId: 'k' })).toBe(false);
  });
});
