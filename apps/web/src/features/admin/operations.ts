import { graphql } from '../../gql';

export const ADMIN_COHORTS = graphql(`
  query AdminCohorts {
    cohorts {
      id
      name
      status
      startsOn
      endsOn
      timezone
      capacity
      programWeeks
      enrolledCount
      waitlistCount
      coaches {
        id
        name
      }
    }
  }
`);

export const ADMIN_CREATE_COHORT = graphql(`
  mutation AdminCreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      id
      name
      status
    }
  }
`);

export const ADMIN_QUEUE_DASHBOARD_URL = graphql(`
  query AdminQueueDashboardUrl {
    queueDashboardUrl
  }
`);

export const ADMIN_COHORT_DETAIL = graphql(`
  query AdminCohortDetail($id: ID!) {
    cohort(id: $id) {
      id
      name
      description
      status
      startsOn
      endsOn
      timezone
      capacity
      programWeeks
      enrolledCount
      waitlistCount
      coaches {
        id
        name
        email
      }
      enrollments {
        id
        status
        appliedAt
        decidedAt
        motivation
        waitlistPosition
        client {
          id
          name
          email
        }
      }
    }
  }
`);

export const ADMIN_COACHES = graphql(`
  query AdminCoaches {
    users(role: COACH) {
      id
      name
      email
    }
  }
`);

export const ADMIN_SET_COHORT_STATUS = graphql(`
  mutation AdminSetCohortStatus($cohortId: ID!, $status: CohortStatus!) {
    setCohortStatus(cohortId: $cohortId, status: $status) {
      id
      status
    }
  }
`);

export const ADMIN_ASSIGN_COACH = graphql(`
  mutation AdminAssignCoach($cohortId: ID!, $coachId: ID!) {
    assignCoach(cohortId: $cohortId, coachId: $coachId) {
      id
      coaches {
        id
        name
        email
      }
    }
  }
`);

export const ADMIN_UNASSIGN_COACH = graphql(`
  mutation AdminUnassignCoach($cohortId: ID!, $coachId: ID!) {
    unassignCoach(cohortId: $cohortId, coachId: $coachId) {
      id
      coaches {
        id
        name
        email
      }
    }
  }
`);

export const ADMIN_DECIDE_APPLICATION = graphql(`
  mutation AdminDecideApplication($enrollmentId: ID!, $decision: ApplicationDecision!, $note: String) {
    decideApplication(enrollmentId: $enrollmentId, decision: $decision, note: $note) {
      id
      status
      decidedAt
      waitlistPosition
    }
  }
`);

export const ADMIN_PROMOTE_FROM_WAITLIST = graphql(`
  mutation AdminPromoteFromWaitlist($cohortId: ID!, $enrollmentId: ID) {
    promoteFromWaitlist(cohortId: $cohortId, enrollmentId: $enrollmentId) {
      id
      status
      client {
        id
        name
      }
    }
  }
`);

export const ADMIN_WITHDRAW_ENROLLMENT = graphql(`
  mutation AdminWithdrawEnrollment($enrollmentId: ID!) {
    withdrawEnrollment(enrollmentId: $enrollmentId) {
      id
      status
    }
  }
`);

export const ADMIN_APPLICATIONS = graphql(`
  query AdminApplications($filter: ApplicationsFilterInput, $limit: Int, $offset: Int) {
    applications(filter: $filter, limit: $limit, offset: $offset) {
      id
      status
      appliedAt
      decidedAt
      motivation
      client {
        id
        name
        email
      }
      cohort {
        id
        name
        status
        capacity
        enrolledCount
        waitlistCount
      }
    }
  }
`);

export const ADMIN_COHORT_NAMES = graphql(`
  query AdminCohortNames {
    cohorts {
      id
      name
      status
      startsOn
    }
  }
`);

export const ADMIN_DECIDE_APPLICATIONS = graphql(`
  mutation AdminDecideApplications($input: DecideApplicationsInput!) {
    decideApplications(input: $input) {
      enrollmentId
      errorCode
      errorMessage
      enrollment {
        id
        status
        decidedAt
      }
    }
  }
`);

export const ADMIN_PEOPLE = graphql(`
  query AdminPeople($role: Role, $cohortId: ID, $status: EnrollmentStatus, $search: String, $limit: Int, $offset: Int) {
    users(role: $role, cohortId: $cohortId, status: $status, search: $search, limit: $limit, offset: $offset) {
      id
      name
      email
      role
      timezone
    }
  }
`);

export const ADMIN_INVITATIONS = graphql(`
  query AdminInvitations($status: InvitationStatus, $search: String, $limit: Int, $offset: Int) {
    invitations(status: $status, search: $search, limit: $limit, offset: $offset) {
      id
      email
      role
      expiresAt
      acceptedAt
      revokedAt
    }
  }
`);

export const ADMIN_INVITE_USER = graphql(`
  mutation AdminInviteUser($input: InviteInput!) {
    inviteUser(input: $input) {
      id
      email
      role
      expiresAt
      token
    }
  }
`);

export const ADMIN_UPDATE_COHORT = graphql(`
  mutation AdminUpdateCohort($cohortId: ID!, $input: UpdateCohortInput!) {
    updateCohort(cohortId: $cohortId, input: $input) {
      id
      name
      description
      capacity
      timezone
    }
  }
`);
