import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

/**
 * Private conversations (docs/messages.md): two people of one cohort, one conversation per pair
 * and cohort. Pure rules here; the API gathers the facts.
 */

/** A message body: 1 to 4,000 characters after trimming (about two pages; longer belongs in a session). */
export const MESSAGE_MAX_LENGTH = 4000;
/** Messages one person may send per minute, over all their conversations. */
export const MESSAGES_PER_MINUTE = 20;
/** Messages one page returns at most. */
export const MESSAGE_PAGE_MAX = 100;

export enum ConversationKind {
  /** A client and one of the cohort's coaches. */
  COACHING = 'COACHING',
  /** Two buddies of the cohort's current pairing. */
  BUDDIES = 'BUDDIES',
}

export interface Person {
  id: string;
  role: Role;
}

/** What the API looks up about two people and a cohort before deciding. */
export interface ConversationFacts {
  /** Each person's seat in the cohort (ENROLLED / GRADUATED), null without one. */
  seatOf: (userId: string) => EnrollmentStatus | null | undefined;
  /** Whether the person is one of the cohort's coaches now. */
  coachOf: (userId: string) => boolean;
  /** Whether the two are buddies in the cohort's current pairing (the buddies feature provides it; absent: no). */
  currentBuddies?: boolean;
}

const seated = (status: EnrollmentStatus | null | undefined) => status === EnrollmentStatus.ENROLLED || status === EnrollmentStatus.GRADUATED;

/**
 * Which kind of conversation two people may have in a cohort, or null when none: a client with an
 * ENROLLED or GRADUATED seat and a coach of the cohort (COACHING); two seated clients who are
 * current buddies (BUDDIES). Nobody talks to themselves; admins have no conversations.
 */
export function conversationKindFor(a: Person, b: Person, facts: ConversationFacts): ConversationKind | null {
  if (a.id === b.id) return null;
  const [client, coach] = a.role === Role.CLIENT ? [a, b] : [b, a];
  if (client.role === Role.CLIENT && coach.role === Role.COACH && seated(facts.seatOf(client.id)) && facts.coachOf(coach.id)) return ConversationKind.COACHING;
  if (a.role === Role.CLIENT && b.role === Role.CLIENT && seated(facts.seatOf(a.id)) && seated(facts.seatOf(b.id)) && facts.currentBuddies === true) return ConversationKind.BUDDIES;
  return null;
}

/**
 * Whether an existing conversation is still open to its participants: the rule that allowed it
 * still holds (a withdrawn client, a coach taken off the cohort, a pairing that ended: closed, its
 * messages unreadable and no new ones, until the rule holds again).
 */
export function conversationOpen(kind: ConversationKind, a: Person, b: Person, facts: ConversationFacts): boolean {
  return conversationKindFor(a, b, facts) === kind;
}

/** The trimmed body, or why it cannot be sent. */
export function checkMessageBody(body: string): { ok: true; body: string } | { ok: false; reason: string } {
  const trimmed = body.trim();
  if (!trimmed) return { ok: false, reason: 'Write something before sending.' };
  if (trimmed.length > MESSAGE_MAX_LENGTH) return { ok: false, reason: `A message can be at most ${MESSAGE_MAX_LENGTH} characters (this one has ${trimmed.length}).` };
  return { ok: true, body: trimmed };
}
