import { Permission, decide } from './access-policy';
import { CommunityStanding, COMMUNITY_LIMITS, checkedText, communityStanding } from './community';
import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

describe('communityStanding', () => {
  it('ENROLLED and GRADUATED clients are members; any other seat, or none, is not', () => {
    expect(communityStanding(Role.CLIENT, { seat: EnrollmentStatus.ENROLLED })).toBe(CommunityStanding.MEMBER);
    expect(communityStanding(Role.CLIENT, { seat: EnrollmentStatus.GRADUATED })).toBe(CommunityStanding.MEMBER);
    for (const seat of [EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.REJECTED, EnrollmentStatus.WITHDRAWN, null, undefined]) {
      expect(communityStanding(Role.CLIENT, { seat })).toBe(CommunityStanding.OUTSIDER);
    }
  });

  it("the cohort's coaches are members; other coaches are not", () => {
    expect(communityStanding(Role.COACH, { coachOfCohort: true })).toBe(CommunityStanding.MEMBER);
    expect(communityStanding(Role.COACH, { coachOfCohort: false })).toBe(CommunityStanding.OUTSIDER);
    expect(communityStanding(Role.COACH, { seat: EnrollmentStatus.ENROLLED })).toBe(CommunityStanding.OUTSIDER);
  });

  it('admins moderate every circle, never as members', () => {
    expect(communityStanding(Role.ADMIN, {})).toBe(CommunityStanding.MODERATOR);
  });
});

describe('checkedText', () => {
  it('trims, refuses empty and over-long text with a message naming the field', () => {
    expect(checkedText('body', '  hello  ', COMMUNITY_LIMITS.postBody)).toEqual({ ok: true, text: 'hello' });
    expect(checkedText('body', ' \n ', COMMUNITY_LIMITS.postBody)).toEqual({ ok: false, message: 'body must not be empty.' });
    expect(checkedText('body', 'x'.repeat(4001), COMMUNITY_LIMITS.postBody)).toEqual({ ok: false, message: 'body must be at most 4000 characters (it has 4001).' });
    expect(checkedText('body', 'x'.repeat(4000), COMMUNITY_LIMITS.postBody).ok).toBe(true);
  });
});

describe('community permissions (access policy)', () => {
  const admin = { id: 'a', role: Role.ADMIN };
  const coach = { id: 'c', role: Role.COACH };
  const client = { id: 'k', role: Role.CLIENT };
  const allowed = (p: Permission, actor: { id: string; role: Role }, facts = {}) => decide(p, actor, facts).allowed;

  it('READ_COMMUNITY: members and admins', () => {
    expect(allowed(Permission.READ_COMMUNITY, client, { seat: EnrollmentStatus.ENROLLED })).toBe(true);
    expect(allowed(Permission.READ_COMMUNITY, client, { seat: EnrollmentStatus.GRADUATED })).toBe(true);
    expect(allowed(Permission.READ_COMMUNITY, client, { seat: null, appliedToCohort: true })).toBe(false);
    expect(allowed(Permission.READ_COMMUNITY, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.READ_COMMUNITY, coach, { coachOfCohort: false })).toBe(false);
    expect(allowed(Permission.READ_COMMUNITY, admin)).toBe(true);
  });

  it('WRITE_COMMUNITY: members only, never admins', () => {
    expect(allowed(Permission.WRITE_COMMUNITY, client, { seat: EnrollmentStatus.ENROLLED })).toBe(true);
    expect(allowed(Permission.WRITE_COMMUNITY, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.WRITE_COMMUNITY, admin)).toBe(false);
    expect(allowed(Permission.WRITE_COMMUNITY, client, {})).toBe(false);
  });

  it('MODERATE_COMMUNITY: the cohort’s coaches and admins; PIN_POSTS: its coaches', () => {
    expect(allowed(Permission.MODERATE_COMMUNITY, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.MODERATE_COMMUNITY, coach, { coachOfCohort: false })).toBe(false);
    expect(allowed(Permission.MODERATE_COMMUNITY, admin)).toBe(true);
    expect(allowed(Permission.MODERATE_COMMUNITY, client, { seat: EnrollmentStatus.ENROLLED })).toBe(false);
    expect(allowed(Permission.PIN_POSTS, coach, { coachOfCohort: true })).toBe(true);
    expect(allowed(Permission.PIN_POSTS, admin)).toBe(false);
    expect(allowed(Permission.PIN_POSTS, client, { seat: EnrollmentStatus.ENROLLED })).toBe(false);
  });
});
