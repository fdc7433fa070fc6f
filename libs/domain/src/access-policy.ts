import { CohortStatus } from './cohort-status';
import { CommunityStanding, communityStanding } from './community';
import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

/**
 * Who may do what: every access rule of the platform, decided in one pure function.
 *
 * The API gathers the facts a rule needs (through per-request DataLoaders) and asks `decide`;
 * nothing else in the code base compares roles, coach assignments or seats to grant access. What
 * every GraphQL field needs is listed in apps/api/src/access/access-table.ts and checked, role by
 * role, by apps/api/test/authorization.integration-spec.ts. docs/authorization.md explains both.
 */
export enum Permission {
  /** Run the platform: cohorts, their status and coaches; people; invitations; the queue dashboard. Admins. */
  ADMINISTER = 'ADMINISTER',
  /** Decide applications and seat clients from the waitlist. Admins. */
  MANAGE_ENROLLMENT = 'MANAGE_ENROLLMENT',
  /** Read a cohort's append-only coach audit log. Admins. */
  READ_AUDIT_LOG = 'READ_AUDIT_LOG',
  /** Apply to a cohort (whether it takes applications is a rule of its own). Clients. */
  APPLY = 'APPLY',
  /** Withdraw an application or a seat. The client it belongs to, and admins. */
  WITHDRAW_ENROLLMENT = 'WITHDRAW_ENROLLMENT',
  /** See a cohort: admins, its coaches, and clients while it is ENROLLING or once they have applied to it. */
  VIEW_COHORT = 'VIEW_COHORT',
  /** See a cohort's program (sessions, assignments): admins, its coaches, and clients who hold or held a seat. */
  FOLLOW_PROGRAM = 'FOLLOW_PROGRAM',
  /** Run a cohort (its enrollments, sessions, attendance, progress and the list of submissions): admins and its coaches. */
  MANAGE_COHORT = 'MANAGE_COHORT',
  /** Assign homework to a cohort: its coaches only. */
  ASSIGN_HOMEWORK = 'ASSIGN_HOMEWORK',
  /** Review (give feedback on) a cohort's homework: its coaches only. */
  REVIEW_HOMEWORK = 'REVIEW_HOMEWORK',
  /** Hand in a cohort's homework: clients ENROLLED in it. */
  SUBMIT_HOMEWORK = 'SUBMIT_HOMEWORK',
  /** Read homework answers: the client who wrote them, the cohort's coaches, admins only with ADMINS_READ_HOMEWORK. */
  READ_ANSWERS = 'READ_ANSWERS',
  /** Read a coach's feedback on a submission: the client it is for, the cohort's coaches, admins. */
  READ_FEEDBACK = 'READ_FEEDBACK',
  /** Read why a client applied: that client, the cohort's coaches, admins. */
  READ_MOTIVATION = 'READ_MOTIVATION',
  /** Read a person's own settings (calendar feed URL, notification preferences): that person only. */
  READ_OWN_SETTINGS = 'READ_OWN_SETTINGS',
  /** Turn two-factor sign-in on or off for one's own account: coaches and admins (staff see other people's writing). */
  USE_TWO_FACTOR = 'USE_TWO_FACTOR',
  /** Check in (the daily practice): clients ENROLLED in or GRADUATED from any cohort. */
  CHECK_IN = 'CHECK_IN',
  /** Read a client's check-ins (never their notes): the coaches of a cohort the client is in. */
  READ_CHECK_INS = 'READ_CHECK_INS',
  /** Pair a cohort's enrolled clients as buddies (and preview the pairing): its coaches only. */
  PAIR_BUDDIES = 'PAIR_BUDDIES',
  /** Have a buddy in a cohort (see the pair, share one's daily weather with them): clients holding a seat in it. */
  HAVE_BUDDY = 'HAVE_BUDDY',
  /** Read a cohort's community feed: its members (ENROLLED and GRADUATED clients, its coaches) and admins. */
  READ_COMMUNITY = 'READ_COMMUNITY',
  /** Post, reply, react, report and share in a cohort's community: its members; admins never write. */
  WRITE_COMMUNITY = 'WRITE_COMMUNITY',
  /** Hide or remove anyone's post or reply in a cohort's community: its coaches and admins. */
  MODERATE_COMMUNITY = 'MODERATE_COMMUNITY',
  /** Pin a post in a cohort's community: its coaches. */
  PIN_POSTS = 'PIN_POSTS',
  /** Write homework templates of one's own (docs/homework-templates.md): coaches their own, admins anyone's. */
  WRITE_HOMEWORK_TEMPLATES = 'WRITE_HOMEWORK_TEMPLATES',
  /** Download a file attached to a homework answer: the client who uploaded it, the cohort's coaches, admins. */
  READ_UPLOADS = 'READ_UPLOADS',
}

/** A fact the API looks up before deciding; each rule names the ones it needs, per role. */
export type AccessFact =
  /** The actor is a coach assigned to the target's cohort. */
  | 'coachOfCohort'
  /** The actor's seat in the target's cohort: ENROLLED, GRADUATED, or none. */
  | 'seat'
  /** The actor has an enrollment of any status in the target's cohort. */
  | 'appliedToCohort'
  /** The target cohort's status. */
  | 'cohortStatus'
  /** The user the target belongs to (the client of a submission or enrollment, the user whose settings). */
  | 'ownerId'
  /** The ADMINS_READ_HOMEWORK setting. */
  | 'adminsReadHomework'
  /** The actor holds an ENROLLED or GRADUATED seat in some cohort (no target needed). */
  | 'seatAnywhere';

export interface Actor {
  id: string;
  role: Role;
}

export interface AccessFacts {
  coachOfCohort?: boolean;
  seat?: EnrollmentStatus.ENROLLED | EnrollmentStatus.GRADUATED | null;
  appliedToCohort?: boolean;
  cohortStatus?: CohortStatus;
  ownerId?: string;
  adminsReadHomework?: boolean;
  seatAnywhere?: boolean;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

interface Rule {
  /** The roles that can hold the permission at all, each with the facts it is decided on. */
  roles: Partial<Record<Role, readonly AccessFact[]>>;
  /** Decides for an actor whose role is listed; facts not given count as "no". */
  allows: (actor: Actor, facts: AccessFacts) => boolean;
  /** Said to those refused, written for the person using the app. */
  reason: string;
}

const owns = (actor: Actor, facts: AccessFacts) => facts.ownerId !== undefined && facts.ownerId === actor.id;

const RULES: Record<Permission, Rule> = {
  [Permission.ADMINISTER]: {
    roles: { [Role.ADMIN]: [] },
    allows: () => true,
    reason: 'Only admins may do that.',
  },
  [Permission.MANAGE_ENROLLMENT]: {
    roles: { [Role.ADMIN]: [] },
    allows: () => true,
    reason: 'Only admins may do that.',
  },
  [Permission.READ_AUDIT_LOG]: {
    roles: { [Role.ADMIN]: [] },
    allows: () => true,
    reason: 'Only admins may do that.',
  },
  [Permission.APPLY]: {
    roles: { [Role.CLIENT]: [] },
    allows: () => true,
    reason: 'Only clients apply to cohorts.',
  },
  [Permission.WITHDRAW_ENROLLMENT]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.ADMIN]: [] },
    allows: (actor, facts) => actor.role === Role.ADMIN || owns(actor, facts),
    reason: 'Only the client or an admin may withdraw an enrollment.',
  },
  [Permission.VIEW_COHORT]: {
    roles: { [Role.ADMIN]: [], [Role.COACH]: ['coachOfCohort'], [Role.CLIENT]: ['cohortStatus', 'appliedToCohort'] },
    allows: (actor, facts) =>
      actor.role === Role.ADMIN ||
      (actor.role === Role.COACH && facts.coachOfCohort === true) ||
      (actor.role === Role.CLIENT && (facts.cohortStatus === CohortStatus.ENROLLING || facts.appliedToCohort === true)),
    reason: 'You do not have access to that cohort.',
  },
  [Permission.FOLLOW_PROGRAM]: {
    roles: { [Role.ADMIN]: [], [Role.COACH]: ['coachOfCohort'], [Role.CLIENT]: ['seat'] },
    allows: (actor, facts) =>
      actor.role === Role.ADMIN ||
      (actor.role === Role.COACH && facts.coachOfCohort === true) ||
      (actor.role === Role.CLIENT && (facts.seat === EnrollmentStatus.ENROLLED || facts.seat === EnrollmentStatus.GRADUATED)),
    reason: "Only this cohort's clients, its coaches and admins may see its program.",
  },
  [Permission.MANAGE_COHORT]: {
    roles: { [Role.ADMIN]: [], [Role.COACH]: ['coachOfCohort'] },
    allows: (actor, facts) => actor.role === Role.ADMIN || facts.coachOfCohort === true,
    reason: "Only admins and this cohort's coaches may do that.",
  },
  [Permission.ASSIGN_HOMEWORK]: {
    roles: { [Role.COACH]: ['coachOfCohort'] },
    allows: (_actor, facts) => facts.coachOfCohort === true,
    reason: "Only this cohort's coaches assign its homework.",
  },
  [Permission.REVIEW_HOMEWORK]: {
    roles: { [Role.COACH]: ['coachOfCohort'] },
    allows: (_actor, facts) => facts.coachOfCohort === true,
    reason: "Only this cohort's coaches review its homework.",
  },
  [Permission.SUBMIT_HOMEWORK]: {
    roles: { [Role.CLIENT]: ['seat'] },
    allows: (_actor, facts) => facts.seat === EnrollmentStatus.ENROLLED,
    reason: 'Only clients enrolled in this cohort submit its homework.',
  },
  [Permission.READ_ANSWERS]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: ['adminsReadHomework'] },
    allows: (actor, facts) =>
      owns(actor, facts) ||
      (actor.role === Role.COACH && facts.coachOfCohort === true) ||
      (actor.role === Role.ADMIN && facts.adminsReadHomework === true),
    reason: "Homework answers are private to the client and their cohort's coaches.",
  },
  [Permission.READ_FEEDBACK]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: [] },
    allows: (actor, facts) => owns(actor, facts) || (actor.role === Role.COACH && facts.coachOfCohort === true) || actor.role === Role.ADMIN,
    reason: "Feedback is private to the client, their cohort's coaches and admins.",
  },
  [Permission.READ_MOTIVATION]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: [] },
    allows: (actor, facts) => owns(actor, facts) || (actor.role === Role.COACH && facts.coachOfCohort === true) || actor.role === Role.ADMIN,
    reason: "Why a client applied is private to them, the cohort's coaches and admins.",
  },
  [Permission.READ_OWN_SETTINGS]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.COACH]: ['ownerId'], [Role.ADMIN]: ['ownerId'] },
    allows: owns,
    reason: 'Only you can see your own settings.',
  },
  [Permission.USE_TWO_FACTOR]: {
    roles: { [Role.COACH]: [], [Role.ADMIN]: [] },
    allows: () => true,
    reason: 'Two-factor sign-in is for coaches and admins.',
  },
  [Permission.CHECK_IN]: {
    roles: { [Role.CLIENT]: ['seatAnywhere'] },
    allows: (_actor, facts) => facts.seatAnywhere === true,
    reason: 'Check-ins are for clients enrolled in or graduated from a cohort.',
  },
  [Permission.READ_CHECK_INS]: {
    roles: { [Role.COACH]: ['coachOfCohort'] },
    allows: (_actor, facts) => facts.coachOfCohort === true,
    reason: "Only this cohort's coaches see its clients' check-ins.",
  },
  [Permission.PAIR_BUDDIES]: {
    roles: { [Role.COACH]: ['coachOfCohort'] },
    allows: (_actor, facts) => facts.coachOfCohort === true,
    reason: "Only this cohort's coaches pair its buddies.",
  },
  [Permission.HAVE_BUDDY]: {
    roles: { [Role.CLIENT]: ['seat'] },
    allows: (_actor, facts) => facts.seat === EnrollmentStatus.ENROLLED || facts.seat === EnrollmentStatus.GRADUATED,
    reason: "Buddies are for this cohort's clients.",
  },
  [Permission.READ_COMMUNITY]: {
    roles: { [Role.CLIENT]: ['seat'], [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: [] },
    allows: (actor, facts) => communityStanding(actor.role, facts) !== CommunityStanding.OUTSIDER,
    reason: "Only this cohort's clients, its coaches and admins may read its circle.",
  },
  [Permission.WRITE_COMMUNITY]: {
    roles: { [Role.CLIENT]: ['seat'], [Role.COACH]: ['coachOfCohort'] },
    allows: (actor, facts) => communityStanding(actor.role, facts) === CommunityStanding.MEMBER,
    reason: "Only this cohort's clients and coaches may write in its circle.",
  },
  [Permission.MODERATE_COMMUNITY]: {
    roles: { [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: [] },
    allows: (actor, facts) => actor.role === Role.ADMIN || facts.coachOfCohort === true,
    reason: "Only this cohort's coaches and admins may moderate its circle.",
  },
  [Permission.PIN_POSTS]: {
    roles: { [Role.COACH]: ['coachOfCohort'] },
    allows: (_actor, facts) => facts.coachOfCohort === true,
    reason: "Only this cohort's coaches pin posts.",
  },
  [Permission.WRITE_HOMEWORK_TEMPLATES]: {
    roles: { [Role.COACH]: ['ownerId'], [Role.ADMIN]: [] },
    allows: (actor, facts) => actor.role === Role.ADMIN || owns(actor, facts),
    reason: 'Only the coach who wrote a homework template (and admins) may change it.',
  },
  [Permission.READ_UPLOADS]: {
    roles: { [Role.CLIENT]: ['ownerId'], [Role.COACH]: ['coachOfCohort'], [Role.ADMIN]: [] },
    allows: (actor, facts) => owns(actor, facts) || (actor.role === Role.COACH && facts.coachOfCohort === true) || actor.role === Role.ADMIN,
    reason: "Files attached to homework are private to the client, their cohort's coaches and admins.",
  },
};

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

/** The roles that can hold a permission at all (for a check before any fact is looked up). */
export function rolesFor(permission: Permission): Role[] {
  return Object.keys(RULES[permission].roles) as Role[];
}

/** The facts to look up before deciding `permission` for someone of `role` (none for roles that can never hold it). */
export function factsNeeded(permission: Permission, role: Role): readonly AccessFact[] {
  return RULES[permission].roles[role] ?? [];
}

/** Said when a role can never hold the permission, e.g. "Only coaches and admins may do that." */
export function roleRefusal(permission: Permission): string {
  const roles = rolesFor(permission);
  const plural: Record<Role, string> = { [Role.CLIENT]: 'clients', [Role.COACH]: 'coaches', [Role.ADMIN]: 'admins' };
  const names = [Role.CLIENT, Role.COACH, Role.ADMIN].filter((r) => roles.includes(r)).map((r) => plural[r]);
  return `Only ${names.join(' and ')} may do that.`;
}

/** The one access decision. Facts a rule needs but were not given count as "no" (fail closed). */
export function decide(permission: Permission, actor: Actor, facts: AccessFacts = {}): AccessDecision {
  const rule = RULES[permission];
  if (!rule) return { allowed: false, reason: 'You are not allowed to do that.' };
  if (!(actor.role in rule.roles)) return { allowed: false, reason: rule.reason };
  return rule.allows(actor, facts) ? { allowed: true } : { allowed: false, reason: rule.reason };
}
