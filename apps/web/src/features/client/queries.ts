import { graphql } from '../../gql';

/** The client's applications and seats, with what the screens need of each cohort. */
export const CLIENT_ENROLLMENTS = graphql(`
  query ClientMyEnrollments {
    myEnrollments {
      id
      status
      withdrawnByTeam
      waitlistPosition
      cohort {
        id
        name
        status
        startsOn
        endsOn
        timezone
        programWeeks
      }
    }
  }
`);

/** Statuses whose holders can follow the program (sessions, homework). */
export const PROGRAM_STATUSES = ['ENROLLED', 'GRADUATED'] as const;

/** Names of the queries that show homework, refreshed after an answer is sent. */
export const HOMEWORK_QUERIES = ['ClientHomeworkCohort', 'ClientWeekCohort', 'ClientProgressSubmissions', 'ClientProgressChart'];

/** …and of those that show applications. */
export const ENROLLMENT_QUERIES = ['ClientCohortsPage', 'ClientMyEnrollments'];
