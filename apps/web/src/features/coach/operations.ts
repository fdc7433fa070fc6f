import { graphql } from '../../gql';

export const COACH_COHORTS = graphql(`
  query CoachCohorts {
    cohorts {
      id
      name
      status
      startsOn
      endsOn
      timezone
      programWeeks
      capacity
      enrolledCount
      waitlistCount
    }
  }
`);

export const COACH_COHORT_HEADER = graphql(`
  query CoachCohortHeader($id: ID!) {
    cohort(id: $id) {
      id
      name
      status
      startsOn
      endsOn
      timezone
      programWeeks
      capacity
      enrolledCount
    }
  }
`);

export const COACH_COHORT_PROGRESS = graphql(`
  query CoachCohortProgress($id: ID!) {
    cohortProgress(cohortId: $id) {
      client {
        id
        name
        email
      }
      submitted
      missing
      late
      reviewed
      attendanceRate
      reachOutReasons
      lastCheckInOn
    }
  }
`);

export const COACH_COHORT_REVIEW = graphql(`
  query CoachCohortReview($id: ID!) {
    cohort(id: $id) {
      id
      assignments {
        id
        title
        dueAt
        template {
          key
          title
          fields {
            key
            label
            kind
            min
            max
          }
        }
        submissions {
          id
          status
          late
          submittedAt
          reviewedAt
          feedbackEditedAt
          feedback
          responses
          myFeedbackDraft {
            feedback
            savedAt
          }
          client {
            id
            name
          }
        }
      }
    }
  }
`);

export const COACH_REVIEW_SUBMISSION = graphql(`
  mutation CoachReviewSubmission($submissionId: ID!, $feedback: String!) {
    reviewSubmission(submissionId: $submissionId, feedback: $feedback) {
      id
      status
      feedback
      reviewedAt
    }
  }
`);

export const COACH_SAVE_FEEDBACK_DRAFT = graphql(`
  mutation CoachSaveFeedbackDraft($submissionId: ID!, $feedback: String!) {
    saveFeedbackDraft(submissionId: $submissionId, feedback: $feedback) {
      feedback
      savedAt
    }
  }
`);

export const COACH_COHORT_SESSIONS = graphql(`
  query CoachCohortSessions($id: ID!) {
    cohort(id: $id) {
      id
      timezone
      startsOn
      endsOn
      sessions {
        id
        seriesId
        title
        startsAt
        durationMinutes
        meetingUrl
        calendarFileUrl
        status
        attendance {
          status
          client {
            id
          }
        }
      }
      enrollments(status: ENROLLED) {
        id
        client {
          id
          name
        }
      }
    }
  }
`);

export const COACH_CREATE_SESSION = graphql(`
  mutation CoachCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
      startsAt
    }
  }
`);

export const COACH_RESCHEDULE_SESSION = graphql(`
  mutation CoachRescheduleSession($sessionId: ID!, $startsAt: DateTime!) {
    rescheduleSession(sessionId: $sessionId, startsAt: $startsAt) {
      id
      startsAt
      status
    }
  }
`);

export const COACH_CANCEL_SESSION = graphql(`
  mutation CoachCancelSession($sessionId: ID!) {
    cancelSession(sessionId: $sessionId) {
      id
      status
    }
  }
`);

export const COACH_SCHEDULE_SERIES = graphql(`
  mutation CoachScheduleSeries($input: ScheduleSeriesInput!) {
    scheduleSessionSeries(input: $input) {
      id
      startsAt
    }
  }
`);

export const COACH_RECORD_ATTENDANCE = graphql(`
  mutation CoachRecordAttendance($sessionId: ID!, $clientId: ID!, $status: AttendanceStatus!) {
    recordAttendance(sessionId: $sessionId, clientId: $clientId, status: $status) {
      status
      client {
        id
      }
    }
  }
`);

export const COACH_COHORT_HOMEWORK = graphql(`
  query CoachCohortHomework($id: ID!) {
    cohort(id: $id) {
      id
      enrolledCount
      assignments {
        id
        title
        dueAt
        instructions
        template {
          key
          title
        }
        submissions {
          id
          status
        }
      }
    }
    homeworkTemplates {
      key
      title
      instructions
      fields {
        key
        label
        kind
        help
        options
        min
        max
        required
      }
    }
    myHomeworkTemplates {
      key
      title
      instructions
      version
      fields {
        key
        label
        kind
        help
        options
        min
        max
        required
      }
    }
  }
`);

export const COACH_ASSIGN_HOMEWORK = graphql(`
  mutation CoachAssignHomework($input: AssignHomeworkInput!) {
    assignHomework(input: $input) {
      id
      title
      dueAt
    }
  }
`);

export const COACH_COHORT_CHARTS = graphql(`
  query CoachCohortCharts($id: ID!) {
    cohortProgress(cohortId: $id) {
      client {
        id
      }
    }
    cohort(id: $id) {
      id
      startsOn
      timezone
      programWeeks
      sessions {
        id
        startsAt
        status
        attendance {
          status
          client {
            id
          }
        }
      }
      assignments {
        id
        dueAt
        submissions {
          id
        }
      }
    }
  }
`);

export const COACH_CURRICULUM = graphql(`
  query CoachCurriculum {
    curriculum {
      key
      title
      week
      weeks
      summary
      practiceDetails {
        kind
        title
        description
      }
      homeworkTemplates {
        key
        title
        instructions
        fields {
          key
          label
          kind
          help
          options
          min
          max
          required
        }
      }
    }
  }
`);

export const COACH_EDIT_FEEDBACK = graphql(`
  mutation CoachEditFeedback($submissionId: ID!, $feedback: String!) {
    editFeedback(submissionId: $submissionId, feedback: $feedback) {
      id
      status
      feedback
      reviewedAt
      feedbackEditedAt
    }
  }
`);

export const COACH_UPDATE_ASSIGNMENT = graphql(`
  mutation CoachUpdateAssignment($input: UpdateAssignmentInput!) {
    updateAssignment(input: $input) {
      id
      title
      instructions
      dueAt
    }
  }
`);

export const COACH_DELETE_ASSIGNMENT = graphql(`
  mutation CoachDeleteAssignment($assignmentId: ID!) {
    deleteAssignment(assignmentId: $assignmentId)
  }
`);

export const COACH_UPDATE_SESSION = graphql(`
  mutation CoachUpdateSession($input: UpdateSessionInput!) {
    updateSession(input: $input) {
      id
      title
      meetingUrl
    }
  }
`);

export const COACH_CANCEL_SERIES = graphql(`
  mutation CoachCancelSeries($seriesId: ID!) {
    cancelSessionSeries(seriesId: $seriesId) {
      id
      status
    }
  }
`);

export const COACH_SKIP_SERIES_DATES = graphql(`
  mutation CoachSkipSeriesDates($seriesId: ID!, $dates: [String!]!) {
    skipSeriesDates(seriesId: $seriesId, dates: $dates) {
      id
      status
    }
  }
`);
