/** The operation a coach's cohort dashboard sends (the web app's main screen). */
export const DASHBOARD_QUERY = `query Dashboard($id: ID!) {
  cohort(id: $id) {
    id name status enrolledCount waitlistCount
    enrollments(status: ENROLLED) { id client { id name } }
    sessions { id title startsAt status attendance { status client { id } } }
    assignments { id title dueAt submissions { id status late submittedAt reviewedAt client { id } } }
  }
  cohortProgress(cohortId: $id) { client { id name } submitted missing late reviewed attendanceRate }
}`;
