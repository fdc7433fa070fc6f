import { formatDate } from '../../lib/time';

/**
 * Pure rules behind the admin screens: the one next step of a cohort, how full it is, and how
 * its enrollments are grouped and ordered. No React here, so it is easy to test.
 */

export type CohortStatusValue = 'DRAFT' | 'ENROLLING' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
export type EnrollmentStatusValue = 'APPLIED' | 'WAITLISTED' | 'ENROLLED' | 'GRADUATED' | 'REJECTED' | 'WITHDRAWN';

export interface NextStep {
  status: CohortStatusValue;
  /** The button's text. */
  label: string;
  /** One sentence on what happens. */
  explanation: string;
  /** Whether the step is hard to undo and asks for a confirmation first. */
  confirm: boolean;
}

const NEXT: Partial<Record<CohortStatusValue, NextStep>> = {
  DRAFT: {
    status: 'ENROLLING',
    label: 'Open enrollment',
    explanation: 'Clients can see the cohort and apply to it.',
    confirm: false,
  },
  ENROLLING: {
    status: 'ACTIVE',
    label: 'Start the program',
    explanation: 'The cohort begins: coaches run sessions and assign homework to enrolled clients, and it stops taking applications. This cannot be undone.',
    confirm: true,
  },
  ACTIVE: {
    status: 'COMPLETED',
    label: 'Complete the cohort',
    explanation:
      'Every enrolled client graduates and is told so, and applications or waitlist places still open are closed. This cannot be undone.',
    confirm: true,
  },
  COMPLETED: {
    status: 'ARCHIVED',
    label: 'Archive',
    explanation: 'The cohort is put away: it stays readable but no longer changes. This cannot be undone.',
    confirm: true,
  },
};

/** The single status change an admin can make next, or null when the cohort is archived. */
export function nextStep(status: string): NextStep | null {
  return NEXT[status as CohortStatusValue] ?? null;
}

/**
 * Starting a program before its first day is allowed but rarely meant: the warning to show, or
 * null. `today` is the date (YYYY-MM-DD) in the cohort's own timezone.
 */
export function earlyStartWarning(step: NextStep | null, startsOn: string, today: string): string | null {
  if (step?.status !== 'ACTIVE' || today >= startsOn) return null;
  return `This cohort is set to start on ${formatDate(startsOn)}, and it is only ${formatDate(today)} in its timezone: starting now begins the program before its start date.`;
}

/** Why Accept cannot be pressed, or null when it can: a full cohort refuses new seats. */
export function acceptBlockedReason(cohort: { enrolledCount: number; capacity: number; name: string }): string | null {
  if (cohort.enrolledCount < cohort.capacity) return null;
  return `${cohort.name} is full (${cohort.enrolledCount} of ${cohort.capacity} seats). Waitlist instead, or free a seat first.`;
}

export interface Capacity {
  enrolled: number;
  capacity: number;
  waitlisted: number;
  /** 0–100, for the progress bar. */
  percent: number;
  full: boolean;
  seatsLeft: number;
  /** "4 of 12 seats filled" */
  filled: string;
  /** "4 of 12 seats filled, 2 waitlisted" */
  label: string;
}

export function capacityOf({ enrolledCount, capacity, waitlistCount }: { enrolledCount: number; capacity: number; waitlistCount: number }): Capacity {
  const percent = capacity > 0 ? Math.min(100, Math.round((enrolledCount / capacity) * 100)) : 0;
  const seatsLeft = Math.max(0, capacity - enrolledCount);
  const seats = capacity === 1 ? 'seat' : 'seats';
  const waitlist = waitlistCount > 0 ? `, ${waitlistCount} waitlisted` : '';
  return {
    enrolled: enrolledCount,
    capacity,
    waitlisted: waitlistCount,
    percent,
    full: enrolledCount >= capacity,
    seatsLeft,
    filled: `${enrolledCount} of ${capacity} ${seats} filled`,
    label: `${enrolledCount} of ${capacity} ${seats} filled${waitlist}`,
  };
}

interface EnrollmentLike {
  status: string;
  appliedAt: string;
  waitlistPosition?: number | null;
}

export interface EnrollmentGroups<T> {
  applied: T[];
  waitlisted: T[];
  enrolled: T[];
  /** Graduated, rejected and withdrawn: the record of past decisions. */
  past: T[];
}

/**
 * Applications oldest first (first come, first considered); the waitlist in its queue order;
 * enrolled clients and past decisions by when they applied.
 */
export function groupEnrollments<T extends EnrollmentLike>(enrollments: readonly T[]): EnrollmentGroups<T> {
  const groups: EnrollmentGroups<T> = { applied: [], waitlisted: [], enrolled: [], past: [] };
  for (const e of enrollments) {
    if (e.status === 'APPLIED') groups.applied.push(e);
    else if (e.status === 'WAITLISTED') groups.waitlisted.push(e);
    else if (e.status === 'ENROLLED') groups.enrolled.push(e);
    else groups.past.push(e);
  }
  groups.applied.sort(byAppliedAt);
  groups.enrolled.sort(byAppliedAt);
  groups.past.sort(byAppliedAt);
  groups.waitlisted.sort((a, b) => (a.waitlistPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitlistPosition ?? Number.MAX_SAFE_INTEGER) || byAppliedAt(a, b));
  return groups;
}

function byAppliedAt(a: { appliedAt: string }, b: { appliedAt: string }): number {
  return Date.parse(a.appliedAt) - Date.parse(b.appliedAt);
}

/** Cohorts in the order an admin works on them: open ones first, archived last; newest start first within a status. */
export function sortCohorts<C extends { status: string; startsOn: string; name: string }>(cohorts: readonly C[]): C[] {
  const order: Record<string, number> = { ENROLLING: 0, ACTIVE: 1, DRAFT: 2, COMPLETED: 3, ARCHIVED: 4 };
  return [...cohorts].sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name));
}

/** The address a new person opens to accept an invitation. */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/invite?token=${encodeURIComponent(token)}`;
}
