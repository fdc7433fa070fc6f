import { EnrollmentStatus } from './enrollment';
import { Permission, decide } from './access-policy';
import { Role } from './roles';

const client = { id: 'k', role: Role.CLIENT };
const coach = { id: 'c', role: Role.COACH };
const admin = { id: 'a', role: Role.ADMIN };
const allowed = (permission: Permission, actor: { id: string; role: Role }, facts = {}) => decide(permission, actor, facts).allowed;

describe('buddies in the access policy', () => {
  it("pairing is for the cohort's coaches only, not admins or clients", () => {
    expect(allowed(Permission.PAIR_BUDDIES, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.PAIR_BUDDIES, coach, { coachOfCohort: false })).toBe(false);
    expect(allowed(Permission.PAIR_BUDDIES, admin)).toBe(false);
    expect(allowed(Permission.PAIR_BUDDIES, client, { seat: EnrollmentStatus.ENROLLED })).toBe(false);
  });

  it('having a buddy is for clients holding a seat (ENROLLED or GRADUATED) in the cohort', () => {
    expect(allowed(Permission.HAVE_BUDDY, client, { seat: EnrollmentStatus.ENROLLED })).toBe(true);
    expect(allowed(Permission.HAVE_BUDDY, client, { seat: EnrollmentStatus.GRADUATED })).toBe(true);
    expect(allowed(Permission.HAVE_BUDDY, client, { seat: null })).toBe(false);
    expect(allowed(Permission.HAVE_BUDDY, coach, { coachOfCohort: true })).toBe(false);
    expect(allowed(Permission.HAVE_BUDDY, admin)).toBe(false);
  });
});
