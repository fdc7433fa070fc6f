import { DateTime } from 'luxon';
import { ADMIN, type Platform } from './platform';

export interface Person {
  email: string;
  name: string;
}

export interface CohortMember extends Person {
  /** Europe/Berlin unless given. */
  timezone?: string;
}

/**
 * A cohort in Berlin with an invited coach and clients who signed up, applied and were accepted,
 * arranged through the API (the browser tests are about what comes next). `activate` moves it to
 * ACTIVE; otherwise it stays ENROLLING. Returns each client's access token, in order.
 */
export async function cohortWithClients(
  platform: Platform,
  options: { password: string; cohortName: string; coach: Person; clients: CohortMember[]; startsOn: string; capacity?: number; activate?: boolean },
): Promise<{ cohortId: string; coachId: string; clientTokens: string[] }> {
  const { password, coach } = options;
  const admin = await platform.logIn(ADMIN.email, ADMIN.password);
  const { inviteUser } = await platform.gql<{ inviteUser: { token: string } }>('mutation($i: InviteInput!) { inviteUser(input: $i) { token } }', { i: { email: coach.email, role: 'COACH' } }, admin);
  const { acceptInvitation } = await platform.gql<{ acceptInvitation: { user: { id: string } } }>(
    'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { user { id } } }',
    { i: { token: inviteUser.token, name: coach.name, password, timezone: 'Europe/Berlin' } },
  );
  const coachId = acceptInvitation.user.id;
  const { createCohort } = await platform.gql<{ createCohort: { id: string } }>(
    'mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }',
    { i: { name: options.cohortName, startsOn: options.startsOn, timezone: 'Europe/Berlin', capacity: options.capacity ?? 10 } },
    admin,
  );
  const cohortId = createCohort.id;
  await platform.gql('mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }', { c: cohortId, u: coachId }, admin);
  await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ENROLLING) { id } }', { c: cohortId }, admin);
  const clientTokens: string[] = [];
  for (const client of options.clients) {
    const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email: client.email, password, name: client.name, timezone: client.timezone ?? 'Europe/Berlin' },
    });
    const { applyToCohort } = await platform.gql<{ applyToCohort: { id: string } }>('mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }', { c: cohortId }, signUp.accessToken);
    await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: ACCEPT) { id } }', { e: applyToCohort.id }, admin);
    clientTokens.push(signUp.accessToken);
  }
  if (options.activate) await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ACTIVE) { id } }', { c: cohortId }, admin);
  return { cohortId, coachId, clientTokens };
}

/** A cohort that began three days ago with one coach and one client (the coach shares the client's password). */
export async function coachedCohort(
  platform: Platform,
  options: { password: string; cohortName: string; coach: Person; client: Person; activate?: boolean },
): Promise<{ cohortId: string; coach: Person; client: Person }> {
  const { cohortId } = await cohortWithClients(platform, {
    ...options,
    clients: [options.client],
    startsOn: DateTime.utc().minus({ days: 3 }).toFormat('yyyy-MM-dd'),
    capacity: 5,
  });
  return { cohortId, coach: options.coach, client: options.client };
}
