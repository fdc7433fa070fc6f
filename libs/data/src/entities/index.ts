import { AttendanceEntity } from './attendance.entity';
import { CohortCoachEntity } from './cohort-coach.entity';
import { CohortEntity } from './cohort.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { NotificationEntity } from './notification.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';
import { WeeklySummaryRunEntity } from './weekly-summary-run.entity';

export {
  AttendanceEntity,
  CohortCoachEntity,
  CohortEntity,
  EnrollmentEntity,
  HomeworkAssignmentEntity,
  InvitationEntity,
  LoginAttemptEntity,
  NotificationEntity,
  RefreshTokenEntity,
  SessionEntity,
  SubmissionEntity,
  UserEntity,
  WeeklySummaryRunEntity,
};

export const ENTITIES = [
  UserEntity,
  InvitationEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  CohortEntity,
  CohortCoachEntity,
  EnrollmentEntity,
  SessionEntity,
  AttendanceEntity,
  HomeworkAssignmentEntity,
  SubmissionEntity,
  NotificationEntity,
  WeeklySummaryRunEntity,
];
