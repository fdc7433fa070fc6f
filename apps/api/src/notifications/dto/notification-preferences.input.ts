import { Field, InputType } from '@nestjs/graphql';
import { ArrayUnique, IsOptional, Matches } from 'class-validator';
import { LOCAL_TIME_PATTERN } from '@anchored/domain';
import { NotificationKind } from '../../graphql/enums';

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [NotificationKind], { nullable: true, description: 'Kinds to receive by email; omit to keep as is' })
  @IsOptional()
  @ArrayUnique({ message: 'emailKinds must not repeat a kind' })
  emailKinds?: NotificationKind[];

  @Field(() => String, { nullable: true, description: 'HH:mm; set both ends, or both to null to turn quiet hours off' })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'quietHoursStart must be a local time HH:mm' })
  quietHoursStart?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'quietHoursEnd must be a local time HH:mm' })
  quietHoursEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm in your timezone for the daily check-in reminder; null turns it off' })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'checkInReminderTime must be a local time HH:mm, e.g. 08:30' })
  checkInReminderTime?: string | null;
}
