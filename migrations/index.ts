// Every migration, in order. Listed explicitly (not globbed) so the same list works from
// TypeScript sources in tests and from compiled JavaScript at run time.
import { CreateFoundation1764000000000 } from './1764000000000-CreateFoundation';
import { CreateCoachingLoop1764100000000 } from './1764100000000-CreateCoachingLoop';
import { CreateNotifications1764200000000 } from './1764200000000-CreateNotifications';
import { LoginBackoffPerIp1764300000000 } from './1764300000000-LoginBackoffPerIp';
import { ProtectPrivateText1764400000000 } from './1764400000000-ProtectPrivateText';
import { AccountTokens1764600000000 } from './1764600000000-AccountTokens';
import { RevocableInvitations1764700000000 } from './1764700000000-RevocableInvitations';
import { LoginSessions1764800000000 } from './1764800000000-LoginSessions';
import { DataExports1764900000000 } from './1764900000000-DataExports';
import { TwoFactor1765000000000 } from './1765000000000-TwoFactor';
import { Conversations1765200000000 } from './1765200000000-Conversations';
import { CheckIns1765300000000 } from './1765300000000-CheckIns';
import { BuddyPairs1765400000000 } from './1765400000000-BuddyPairs';
import { WithdrawnByTeam1765500000000 } from './1765500000000-WithdrawnByTeam';
import { CreateCommunity1765100000000 } from './1765100000000-CreateCommunity';
import { PublicCohortInfo1765600000000 } from './1765600000000-PublicCohortInfo';
import { Drafts1765700000000 } from './1765700000000-Drafts';
import { NotificationAbout1765850000000 } from './1765850000000-NotificationAbout';
import { AdminListIndexes1765860000000 } from './1765860000000-AdminListIndexes';
import { FeedbackEdits1765870000000 } from './1765870000000-FeedbackEdits';
import { CoachHomeworkTemplates1765873000000 } from './1765873000000-CoachHomeworkTemplates';
import { EncryptHomeworkUploads1765890000000 } from './1765890000000-EncryptHomeworkUploads';

// In timestamp order, one per line (so parallel branches add lines, not edit one).
export const MIGRATIONS = [
  CreateFoundation1764000000000,
  CreateCoachingLoop1764100000000,
  CreateNotifications1764200000000,
  LoginBackoffPerIp1764300000000,
  ProtectPrivateText1764400000000,
  AccountTokens1764600000000,
  RevocableInvitations1764700000000,
  LoginSessions1764800000000,
  DataExports1764900000000,
  TwoFactor1765000000000,
  CreateCommunity1765100000000,
  Conversations1765200000000,
  CheckIns1765300000000,
  BuddyPairs1765400000000,
  WithdrawnByTeam1765500000000,
  PublicCohortInfo1765600000000,
  Drafts1765700000000,
  NotificationAbout1765850000000,
  AdminListIndexes1765860000000,
  FeedbackEdits1765870000000,
  CoachHomeworkTemplates1765873000000,
  EncryptHomeworkUploads1765890000000,
];
