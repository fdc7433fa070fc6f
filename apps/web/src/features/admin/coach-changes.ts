/** Wording of the cohort's coach audit log (`cohortAuditLog`) on the admin's cohort page. */

export interface CoachChange {
  id: string;
  action: 'COACH_ASSIGNED' | 'COACH_UNASSIGNED';
  at: string;
  coach: { id: string; name: string; email: string };
  actor: { id: string; name: string; email: string };
}

/** "Added Casey Coach" / "Removed Casey Coach". */
export function coachChangeText(change: Pick<CoachChange, 'action' | 'coach'>): string {
  return `${change.action === 'COACH_ASSIGNED' ? 'Added' : 'Removed'} ${change.coach.name}`;
}

/** Who made the change: the admin's name, or "You" for the viewer's own steps. */
export function coachChangeActor(change: Pick<CoachChange, 'actor'>, viewerId: string): string {
  return change.actor.id === viewerId ? 'You' : change.actor.name;
}

/**
 * What changes when the coaches change: a key that is new after every assignment or removal, so the
 * log's section can start again from its newest page.
 */
export function coachesKey(coaches: readonly { id: string }[]): string {
  return coaches
    .map((c) => c.id)
    .sort()
    .join(',');
}
