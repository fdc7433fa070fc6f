import { DateTime } from 'luxon';
import { ADMIN, type Platform } from './platform';

export interface Person {
  email: string;
  name: string;
}

/**
 * A cohort in Berlin that began three days ago, with an invited coach and one client who signed up,
 * applied and was accepted, arranged through the API (the browser tests are about what comes next).
 * `activate` moves it to ACTIVE; otherwise it stays ENROLLING.
 */
export async function coachedCohort(
  platform: Platform,
  options: { password: string; cohortName: string; coach: Person; client: Person; activate?: boolean },
): Promise<{ cohortId: string; coach: Person; client: Person }> {
  const { password, coach, client } = options;
  const admin = await platform.logIn(ADMIN.email, ADMIN.password);
  const { inviteUser } = await platform.gql<{ inviteUser: { token: string } }>('mutation($i: InviteInput!) { inviteUser(input: $i) { token } }', { i: { email: coach.email, role: 'COACH' } }, admin);
  const { acceptInvitation } = await platform.gql<{ acceptInvitation: { user: { id: string } } }>(
    'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { user { id } } }',
    { i: { token: inviteUser.token, name: coach.name, password, timezone: 'Europe/Berlin' } },
  );
  const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
    i: { email: client.email, password, name: client.name, timezone: 'Europe/Berlin' },
  });
  const startsOn = DateTime.utc().minus({ days: 3 }).toFormat('yyyy-MM-dd');
  const { createCohort } = await platform.gql<{ createCohort: { id: string } }>(
    'mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }',
    { i: { name: options.cohortName, startsOn, timezone: 'Europe/Berlin', capacity: 5 } },
    admin,
  );
  const cohortId = createCohort.id;
  await platform.gql('mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }', { c: cohortId, u: acceptInvitation.user.id }, admin);
  await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ENROLLING) { id } }', { c: cohortId }, admin);
  const { applyToCohort } = await platform.gql<{ applyToCohort: { id: string } }>('mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }', { c: cohortId }, signUp.accessToken);
  await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: ACCEPT) { id } }', { e: applyToCohort.id }, admin);
  if (options.activate) await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ACTIVE) { id } }', { c: cohortId }, admin);
  return { cohortId, coach, client };
}
