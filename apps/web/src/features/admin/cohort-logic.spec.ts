import { acceptBlockedReason, capacityOf, earlyStartWarning, groupEnrollments, invitationLink, nextStep, sortCohorts } from './cohort-logic';

describe('nextStep', () => {
  it('moves a cohort one step along its life', () => {
    expect(nextStep('DRAFT')).toMatchObject({ status: 'ENROLLING', label: 'Open enrollment', confirm: false });
    expect(nextStep('ENROLLING')).toMatchObject({ status: 'ACTIVE', label: 'Start the program', confirm: true });
    expect(nextStep('COMPLETED')).toMatchObject({ status: 'ARCHIVED', label: 'Archive' });
  });

  it('asks for confirmation before completing, and says that it graduates and closes applications', () => {
    const step = nextStep('ACTIVE');
    expect(step).toMatchObject({ status: 'COMPLETED', label: 'Complete the cohort', confirm: true });
    expect(step?.explanation).toMatch(/graduates/);
    expect(step?.explanation).toMatch(/applications/);
  });

  it('offers nothing after archiving, or for an unknown status', () => {
    expect(nextStep('ARCHIVED')).toBeNull();
    expect(nextStep('SOMETHING')).toBeNull();
  });
});

describe('capacityOf', () => {
  it('describes seats and the waitlist in words', () => {
    const c = capacityOf({ enrolledCount: 4, capacity: 12, waitlistCount: 2 });
    expect(c.label).toBe('4 of 12 seats filled, 2 waitlisted');
    expect(c.filled).toBe('4 of 12 seats filled');
    expect(c.percent).toBe(33);
    expect(c.seatsLeft).toBe(8);
    expect(c.full).toBe(false);
  });

  it('leaves out an empty waitlist and uses the singular for one seat', () => {
    expect(capacityOf({ enrolledCount: 0, capacity: 1, waitlistCount: 0 }).label).toBe('0 of 1 seat filled');
  });

  it('caps the bar at 100% and reports a full cohort', () => {
    const c = capacityOf({ enrolledCount: 13, capacity: 12, waitlistCount: 0 });
    expect(c.percent).toBe(100);
    expect(c.full).toBe(true);
    expect(c.seatsLeft).toBe(0);
  });

  it('does not divide by zero', () => {
    expect(capacityOf({ enrolledCount: 0, capacity: 0, waitlistCount: 0 }).percent).toBe(0);
  });
});

describe('groupEnrollments', () => {
  const e = (id: string, status: string, appliedAt: string, waitlistPosition: number | null = null) => ({ id, status, appliedAt, waitlistPosition });

  it('groups by status, applications oldest first and the waitlist in queue order', () => {
    const groups = groupEnrollments([
      e('a2', 'APPLIED', '2025-03-02T10:00:00Z'),
      e('w2', 'WAITLISTED', '2025-01-01T10:00:00Z', 2),
      e('n1', 'ENROLLED', '2025-01-05T10:00:00Z'),
      e('a1', 'APPLIED', '2025-03-01T10:00:00Z'),
      e('w1', 'WAITLISTED', '2025-02-01T10:00:00Z', 1),
      e('r1', 'REJECTED', '2025-01-02T10:00:00Z'),
      e('x1', 'WITHDRAWN', '2025-01-01T10:00:00Z'),
      e('g1', 'GRADUATED', '2025-01-03T10:00:00Z'),
    ]);
    expect(groups.applied.map((x) => x.id)).toEqual(['a1', 'a2']);
    expect(groups.waitlisted.map((x) => x.id)).toEqual(['w1', 'w2']);
    expect(groups.enrolled.map((x) => x.id)).toEqual(['n1']);
    expect(groups.past.map((x) => x.id)).toEqual(['x1', 'r1', 'g1']);
  });

  it('does not change the list it was given', () => {
    const list = [e('a2', 'APPLIED', '2025-03-02T10:00:00Z'), e('a1', 'APPLIED', '2025-03-01T10:00:00Z')];
    groupEnrollments(list);
    expect(list.map((x) => x.id)).toEqual(['a2', 'a1']);
  });
});

describe('sortCohorts', () => {
  it('puts open cohorts first and archived ones last, newest first within a status', () => {
    const sorted = sortCohorts([
      { name: 'Old', status: 'ARCHIVED', startsOn: '2024-01-01' },
      { name: 'Live', status: 'ACTIVE', startsOn: '2025-01-01' },
      { name: 'Open B', status: 'ENROLLING', startsOn: '2025-06-01' },
      { name: 'Open A', status: 'ENROLLING', startsOn: '2025-09-01' },
      { name: 'Draft', status: 'DRAFT', startsOn: '2026-01-01' },
    ]);
    expect(sorted.map((c) => c.name)).toEqual(['Open A', 'Open B', 'Live', 'Draft', 'Old']);
  });
});

describe('invitationLink', () => {
  it('joins origin and token without doubling slashes, the token as ?token= like the emailed link', () => {
    expect(invitationLink('https://app.example.com/', 'abc123')).toBe('https://app.example.com/invite?token=abc123');
    expect(invitationLink('http://localhost:4200', 'a b')).toBe('http://localhost:4200/invite?token=a%20b');
  });
});

describe('earlyStartWarning', () => {
  it('warns only when starting the program before its start date (in the cohort’s own day)', () => {
    expect(earlyStartWarning(nextStep('ENROLLING'), '2027-03-01', '2027-02-28')).toContain('before its start date');
    expect(earlyStartWarning(nextStep('ENROLLING'), '2027-03-01', '2027-03-01')).toBeNull();
    expect(earlyStartWarning(nextStep('ACTIVE'), '2027-03-01', '2027-02-01')).toBeNull();
  });
});

describe('acceptBlockedReason', () => {
  it('names the full cohort and what to do instead', () => {
    expect(acceptBlockedReason({ name: 'Spring', enrolledCount: 4, capacity: 4 })).toBe('Spring is full (4 of 4 seats). Waitlist instead, or free a seat first.');
    expect(acceptBlockedReason({ name: 'Spring', enrolledCount: 3, capacity: 4 })).toBeNull();
  });
});
