import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EmailStatus, NotificationKind } from '../../graphql/enums';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => String)
  subject: string;

  @Field(() => String, { description: 'Plain text: the email\'s fuller text' })
  body: string;

  @Field(() => String, { description: 'One short line for lists, e.g. "New feedback on your Week 3 reflection"' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'The web app path it is about (e.g. /homework/<id>), for the recipient; null: none' })
  link: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => EmailStatus, { description: 'Whether this notification was (or will be) emailed' })
  emailStatus: EmailStatus;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field(() => [NotificationKind], { description: 'Kinds sent by email; in-app notifications are always kept' })
  emailKinds: NotificationKind[];

  @Field(() => String, { nullable: true, description: 'HH:mm in your timezone; no email from then…' })
  quietHoursStart: string | null;

  @Field(() => String, { nullable: true, description: '…until then' })
  quietHoursEnd: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm in your timezone: a check-in reminder each day you have not checked in yet; null: none' })
  checkInReminderTime: string | null;
}
