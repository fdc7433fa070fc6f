import { enrollmentSentence, sortEnrollments, spotsText } from './enrollment';

describe('enrollmentSentence', () => {
  it('tells a waitlisted client their place', () => {
    expect(enrollmentSentence({ status: 'WAITLISTED', waitlistPosition: 2 })).toMatch(/^You are number 2 on the waitlist\./);
    expect(enrollmentSentence({ status: 'WAITLISTED', waitlistPosition: null })).toMatch(/^You are on the waitlist\./);
  });

  it('has a sentence for every other status', () => {
    expect(enrollmentSentence({ status: 'APPLIED' })).toMatch(/with the team/);
    expect(enrollmentSentence({ status: 'ENROLLED' })).toBe('You have a seat in this cohort.');
    expect(enrollmentSentence({ status: 'WITHDRAWN' })).toBe('You withdrew from this cohort.');
    expect(enrollmentSentence({ status: 'WITHDRAWN', withdrawnByTeam: false })).toBe('You withdrew from this cohort.');
    expect(enrollmentSentence({ status: 'WITHDRAWN', withdrawnByTeam: true })).toMatch(/^The program team withdrew you from this cohort\./);
  });
});

describe('spotsText', () => {
  it('counts the seats left', () => {
    expect(spotsText({ capacity: 12, enrolledCount: 8, waitlistCount: 0 })).toBe('4 of 12 spots left.');
    expect(spotsText({ capacity: 1, enrolledCount: 0, waitlistCount: 0 })).toBe('1 of 1 spot left.');
  });

  it('explains the waitlist when full', () => {
    expect(spotsText({ capacity: 10, enrolledCount: 10, waitlistCount: 0 })).toBe('All 10 spots are taken; you can still apply and join the waitlist.');
    expect(spotsText({ capacity: 10, enrolledCount: 11, waitlistCount: 3 })).toBe('All 10 spots are taken; you can still apply and join the waitlist. 3 people are waiting.');
  });
});

describe('sortEnrollments', () => {
  it('puts open applications and seats first, keeping the order within each group', () => {
    const list = [
      { id: 1, status: 'WITHDRAWN' as const },
      { id: 2, status: 'WAITLISTED' as const },
      { id: 3, status: 'GRADUATED' as const },
      { id: 4, status: 'ENROLLED' as const },
    ];
    expect(sortEnrollments(list).map((e) => e.id)).toEqual([2, 4, 1, 3]);
  });
});
