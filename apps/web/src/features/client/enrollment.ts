export type EnrollmentStatusName = 'APPLIED' | 'WAITLISTED' | 'ENROLLED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED';

/** Applications and seats the client can still withdraw from. */
export const OPEN_STATUSES: readonly EnrollmentStatusName[] = ['APPLIED', 'WAITLISTED', 'ENROLLED'];

/** One warm sentence on where an application stands. */
export function enrollmentSentence(e: { status: EnrollmentStatusName; waitlistPosition?: number | null; withdrawnByTeam?: boolean }): string {
  switch (e.status) {
    case 'APPLIED':
      return 'Your application is with the team. We will let you know as soon as it is decided.';
    case 'WAITLISTED':
      return e.waitlistPosition
        ? `You are number ${e.waitlistPosition} on the waitlist. We will offer you a seat as soon as one frees up.`
        : 'You are on the waitlist. We will offer you a seat as soon as one frees up.';
    case 'ENROLLED':
      return 'You have a seat in this cohort.';
    case 'REJECTED':
      return 'This cohort was not the right fit this time. You are welcome to apply to another one.';
    case 'WITHDRAWN':
      return e.withdrawnByTeam
        ? 'The program team withdrew you from this cohort. If that comes as a surprise, please contact them.'
        : 'You withdrew from this cohort.';
    case 'GRADUATED':
      return 'You completed this program. Well done.';
  }
}

/** Seats left, or how the waitlist works when it is full. */
export function spotsText(c: { capacity: number; enrolledCount: number; waitlistCount: number }): string {
  const left = c.capacity - c.enrolledCount;
  if (left > 0) return `${left} of ${c.capacity} ${c.capacity === 1 ? 'spot' : 'spots'} left.`;
  const queue = c.waitlistCount === 0 ? '' : c.waitlistCount === 1 ? ' 1 person is waiting.' : ` ${c.waitlistCount} people are waiting.`;
  return `All ${c.capacity} spots are taken; you can still apply and join the waitlist.${queue}`;
}

/** Open applications and seats first, then the closed ones; the API's newest-first order is kept within each. */
export function sortEnrollments<T extends { status: EnrollmentStatusName }>(enrollments: readonly T[]): T[] {
  const open = enrollments.filter((e) => OPEN_STATUSES.includes(e.status));
  const closed = enrollments.filter((e) => !OPEN_STATUSES.includes(e.status));
  return [...open, ...closed];
}
