import { registerEnumType } from '@nestjs/graphql';
import * as domain from '@anchored/domain';

// The domain's enums are the GraphQL enums: one definition, no mapping.
registerEnumType(domain.Role, { name: 'Role' });
registerEnumType(domain.CohortStatus, { name: 'CohortStatus' });
registerEnumType(domain.EnrollmentStatus, { name: 'EnrollmentStatus' });
registerEnumType(domain.ApplicationDecision, { name: 'ApplicationDecision' });
registerEnumType(domain.SessionStatus, { name: 'SessionStatus' });
registerEnumType(domain.AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(domain.SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(domain.NotificationKind, { name: 'NotificationKind' });
registerEnumType(domain.EmailStatus, { name: 'EmailStatus' });

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
} from '@anchored/domain';
