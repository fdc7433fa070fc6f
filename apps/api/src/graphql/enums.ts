import { registerEnumType } from '@nestjs/graphql';
import {
  ApplicationDecision,
  AttendanceStatus,
  CohortStatus,
  EmailStatus,
  EnrollmentStatus,
  NotificationKind,
  Role,
  SessionStatus,
  SubmissionStatus,
} from '@anchored/domain';

// The domain's enums are the GraphQL enums: one definition, no mapping.
registerEnumType(Role, { name: 'Role' });
registerEnumType(CohortStatus, { name: 'CohortStatus' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
registerEnumType(ApplicationDecision, { name: 'ApplicationDecision' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(EmailStatus, { name: 'EmailStatus' });

export {
  ApplicationDecision,
  AttendanceStatus,
  CohortStatus,
  EmailStatus,
  EnrollmentStatus,
  NotificationKind,
  Role,
  SessionStatus,
  SubmissionStatus,
};
