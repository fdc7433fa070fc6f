import { Role } from '@anchored/domain';
import { Session, TestApp } from './test-app';

/**
 * Shared set-up for the sessions and homework integration tests: a cohort with an assigned coach
 * and clients seated the way production seats them (apply, then an admin accepts), all over HTTP.
 */

export const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id name status startsOn endsOn timezone programWeeks } }`;
export const SET_COHORT_STATUS = `mutation($id: ID!, $status: CohortStatus!) { setCohortStatus(cohortId: $id, status: $status) { id status } }`;
export const ASSIGN_COACH = `mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id coaches { id } } }`;
export const APPLY = `mutation($cohortId: ID!) { applyToCohort(input: { cohortId: $cohortId }) { id status } }`;
export const DECIDE = `mutation($id: ID!, $decision: ApplicationDecision!) { decideApplication(enrollmentId: $id, decision: $decision) { id status } }`;

export interface CohortOptions {
  name?: string;
  startsOn: string;
  timezone: string;
  programWeeks?: number;
  capacity?: number;
  /** How many clients to seat (apply + ACCEPT). */
  clients?: number;
  /** Names for the seated clients, in order; random when omitted. */
  clientNames?: string[];
  /** Reuse a coach instead of creating one. */
  coach?: Session;
  /** Move the cohort to ACTIVE once the clients are seated (default true); otherwise it stays ENROLLING. */
  activate?: boolean;
}

export interface CoachingCohort {
  id: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  programWeeks: number;
  coach: Session;
  clients: Session[];
}

export async function createAdmin(t: TestApp): Promise<Session> {
  return t.user(Role.ADMIN);
}

/** An admin-created cohort with one assigned coach and `clients` ENROLLED clients. */
export async function coachingCohort(t: TestApp, admin: Session, options: CohortOptions): Promise<CoachingCohort> {
  const created = (
    await t.ok(
      CREATE_COHORT,
      {
        input: {
          name: options.name ?? 'Interdependence Circle',
          startsOn: options.startsOn,
          timezone: options.timezone,
          capacity: options.capacity ?? Math.max(options.clients ?? 0, 1) + 2,
          ...(options.programWeeks ? { programWeeks: options.programWeeks } : {}),
        },
      },
      admin.token,
    )
  ).createCohort;
  const coach = options.coach ?? (await t.user(Role.COACH));
  await t.ok(ASSIGN_COACH, { c: created.id, u: coach.user.id }, admin.token);
  await t.ok(SET_COHORT_STATUS, { id: created.id, status: 'ENROLLING' }, admin.token);

  const clients: Session[] = [];
  for (let i = 0; i < (options.clients ?? 0); i++) {
    clients.push(await enrollNewClient(t, admin, created.id, options.clientNames?.[i]));
  }
  if (options.activate ?? true) await t.ok(SET_COHORT_STATUS, { id: created.id, status: 'ACTIVE' }, admin.token);
  return {
    id: created.id,
    startsOn: created.startsOn,
    endsOn: created.endsOn,
    timezone: created.timezone,
    programWeeks: created.programWeeks,
    coach,
    clients,
  };
}

/** A new client who applies to the cohort and is accepted by the admin. */
export async function enrollNewClient(t: TestApp, admin: Session, cohortId: string, name?: string): Promise<Session> {
  const client = await t.user(Role.CLIENT, name);
  const applied = (await t.ok(APPLY, { cohortId }, client.token)).applyToCohort;
  const decided = (await t.ok(DECIDE, { id: applied.id, decision: 'ACCEPT' }, admin.token)).decideApplication;
  if (decided.status !== 'ENROLLED') throw new Error(`Expected the client to be ENROLLED, got ${decided.status}`);
  return client;
}

/** A client who has applied to the (ENROLLING) cohort but holds no seat. */
export async function applicant(t: TestApp, cohortId: string): Promise<Session> {
  const client = await t.user(Role.CLIENT);
  await t.ok(APPLY, { cohortId }, client.token);
  return client;
}

/**
 * Counts the SQL statements the API sends while `run` is in flight. Every statement TypeORM runs,
 * through repositories, query builders or DataSource.query, goes through a QueryRunner, which
 * reports it to the DataSource's logger before sending it; the counter wraps that hook.
 */
export async function countQueries<T>(t: TestApp, run: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const logger = t.db.logger;
  const hadOwn = Object.prototype.hasOwnProperty.call(logger, 'logQuery');
  const own = logger.logQuery;
  const original = logger.logQuery.bind(logger);
  const statements: string[] = [];
  logger.logQuery = (query, parameters, queryRunner) => {
    statements.push(query);
    return original(query, parameters, queryRunner);
  };
  try {
    const result = await run();
    return { result, count: statements.length, statements };
  } finally {
    if (hadOwn) logger.logQuery = own;
    else delete (logger as { logQuery?: unknown }).logQuery;
  }
}
