import { AttendanceEntity } from './attendance.entity';
import { CohortCoachEntity } from './cohort-coach.entity';
import { CohortEntity } from './cohort.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

export {
  AttendanceEntity,
  CohortCoachEntity,
  CohortEntity,
  EnrollmentEntity,
  HomeworkAssignmentEntity,
  InvitationEntity,
  LoginAttemptEntity,
  RefreshTokenEntity,
  SessionEntity,
  SubmissionEntity,
  UserEntity,
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
];
