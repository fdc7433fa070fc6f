import { AccessLogEntity, AccessSubject } from './access-log.entity';
import { AccountTokenEntity, AccountTokenPurpose } from './account-token.entity';
import { AttendanceEntity } from './attendance.entity';
import { BuddyPairEntity, BuddyPairMemberEntity } from './buddy-pair.entity';
import { CheckInEntity } from './check-in.entity';
import { CohortCoachEntity } from './cohort-coach.entity';
import { CohortAuditAction, CohortAuditEntryEntity } from './cohort-audit-entry.entity';
import { CohortEntity } from './cohort.entity';
import { ConversationEntity } from './conversation.entity';
import { DataExportEntity, DataExportStatus } from './data-export.entity';
import { DraftEntity } from './draft.entity';
import { HomeworkTemplateEntity, HomeworkTemplateVersionEntity } from './homework-template.entity';
import { HomeworkUploadEntity } from './homework-upload.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { HomeworkAssignmentEntity } from './homework-assignment.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { MessageEntity } from './message.entity';
import { NotificationEntity } from './notification.entity';
import { PostEntity, PostReactionEntity, PostReplyEntity, PostReportEntity } from './post.entity';
import { QueueDashboardTicketEntity } from './queue-dashboard-ticket.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SubmissionEntity } from './submission.entity';
import { TwoFactorCredentialEntity, TwoFactorRecoveryCodeEntity } from './two-factor.entity';
import { UserEntity } from './user.entity';
import { WeeklySummaryRunEntity } from './weekly-summary-run.entity';

export {
  AccessLogEntity,
  AccessSubject,
  AccountTokenEntity,
  AccountTokenPurpose,
  AttendanceEntity,
  BuddyPairEntity,
  BuddyPairMemberEntity,
  CheckInEntity,
  CohortAuditAction,
  CohortAuditEntryEntity,
  CohortCoachEntity,
  CohortEntity,
  ConversationEntity,
  DataExportEntity,
  DataExportStatus,
  DraftEntity,
  HomeworkTemplateEntity,
  HomeworkTemplateVersionEntity,
  HomeworkUploadEntity,
  EnrollmentEntity,
  HomeworkAssignmentEntity,
  InvitationEntity,
  LoginAttemptEntity,
  MessageEntity,
  NotificationEntity,
  PostEntity,
  PostReactionEntity,
  PostReplyEntity,
  PostReportEntity,
  QueueDashboardTicketEntity,
  RefreshTokenEntity,
  SessionEntity,
  SubmissionEntity,
  TwoFactorCredentialEntity,
  TwoFactorRecoveryCodeEntity,
  UserEntity,
  WeeklySummaryRunEntity,
};

export const ENTITIES = [
  ConversationEntity,
  MessageEntity,
  BuddyPairEntity,
  BuddyPairMemberEntity,
  CheckInEntity,
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
  AccessLogEntity,
  CohortAuditEntryEntity,
  QueueDashboardTicketEntity,
  DataExportEntity,
  AccountTokenEntity,
  TwoFactorCredentialEntity,
  TwoFactorRecoveryCodeEntity,
  PostEntity,
  PostReplyEntity,
  PostReactionEntity,
  PostReportEntity,
  DraftEntity,
  HomeworkTemplateEntity,
  HomeworkTemplateVersionEntity,
  HomeworkUploadEntity,
];
