import { ConversationKind, MESSAGE_MAX_LENGTH, checkMessageBody, conversationKindFor, conversationOpen } from './conversations';
import { EnrollmentStatus } from './enrollment';
import { Role } from './roles';

const client = { id: 'c1', role: Role.CLIENT };
const other = { id: 'c2', role: Role.CLIENT };
const coach = { id: 'k1', role: Role.COACH };
const admin = { id: 'a1', role: Role.ADMIN };

const facts = (seats: Record<string, EnrollmentStatus>, coaches: string[], currentBuddies?: boolean) => ({
  seatOf: (id: string) => seats[id] ?? null,
  coachOf: (id: string) => coaches.includes(id),
  currentBuddies,
});

describe('conversation rules', () => {
  it('a seated (ENROLLED or GRADUATED) client and a coach of the cohort, either way round', () => {
    for (const seat of [EnrollmentStatus.ENROLLED, EnrollmentStatus.GRADUATED]) {
      expect(conversationKindFor(client, coach, facts({ c1: seat }, ['k1']))).toBe(ConversationKind.COACHING);
      expect(conversationKindFor(coach, client, facts({ c1: seat }, ['k1']))).toBe(ConversationKind.COACHING);
    }
  });

  it('nobody without a seat, with a coach of another cohort, with an admin or with themselves', () => {
    for (const seat of [EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REJECTED]) {
      expect(conversationKindFor(client, coach, facts({ c1: seat }, ['k1']))).toBeNull();
    }
    expect(conversationKindFor(client, coach, facts({ c1: EnrollmentStatus.ENROLLED }, []))).toBeNull();
    expect(conversationKindFor(client, admin, facts({ c1: EnrollmentStatus.ENROLLED }, ['a1']))).toBeNull();
    expect(conversationKindFor(client, client, facts({ c1: EnrollmentStatus.ENROLLED }, []))).toBeNull();
    expect(conversationKindFor(coach, { id: 'k2', role: Role.COACH }, facts({}, ['k1', 'k2']))).toBeNull();
  });

  it('two seated clients only as current buddies (a fact the buddies feature provides)', () => {
    const seats = { c1: EnrollmentStatus.ENROLLED, c2: EnrollmentStatus.ENROLLED };
    expect(conversationKindFor(client, other, facts(seats, []))).toBeNull();
    expect(conversationKindFor(client, other, facts(seats, [], false))).toBeNull();
    expect(conversationKindFor(client, other, facts(seats, [], true))).toBe(ConversationKind.BUDDIES);
    expect(conversationKindFor(client, other, facts({ c1: EnrollmentStatus.ENROLLED }, [], true))).toBeNull();
  });

  it('a conversation closes when its rule stops holding', () => {
    expect(conversationOpen(ConversationKind.COACHING, client, coach, facts({ c1: EnrollmentStatus.ENROLLED }, ['k1']))).toBe(true);
    expect(conversationOpen(ConversationKind.COACHING, client, coach, facts({ c1: EnrollmentStatus.WITHDRAWN }, ['k1']))).toBe(false);
    expect(conversationOpen(ConversationKind.COACHING, client, coach, facts({ c1: EnrollmentStatus.ENROLLED }, []))).toBe(false);
  });

  it('bodies: trimmed, not empty, at most MESSAGE_MAX_LENGTH characters', () => {
    expect(checkMessageBody('  hello \n')).toEqual({ ok: true, body: 'hello' });
    expect(checkMessageBody(' \n\t ').ok).toBe(false);
    expect(checkMessageBody('x'.repeat(MESSAGE_MAX_LENGTH)).ok).toBe(true);
    expect(checkMessageBody('x'.repeat(MESSAGE_MAX_LENGTH + 1))).toMatchObject({ ok: false, reason: expect.stringContaining(String(MESSAGE_MAX_LENGTH)) });
  });
});
