import type { EntityManager } from 'typeorm';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  timezone: string;
}

/** A cohort's ENROLLED clients. */
export function enrolledClients(manager: EntityManager, cohortId: string): Promise<Recipient[]> {
  return manager.query(
    `SELECT u.id, u.name, u.email, u.timezone FROM enrollments e JOIN users u ON u.id = e.client_id
     WHERE e.cohort_id = $1 AND e.status = 'ENROLLED' ORDER BY u.name, u.id`,
    [cohortId],
  );
}

/** A cohort's coaches. */
export function cohortCoaches(manager: EntityManager, cohortId: string): Promise<Recipient[]> {
  return manager.query(
    `SELECT u.id, u.name, u.email, u.timezone FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id
     WHERE cc.cohort_id = $1 ORDER BY u.name, u.id`,
    [cohortId],
  );
}
