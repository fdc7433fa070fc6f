import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { LOCAL_TIME_PATTERN } from '@anchored/domain';
import { NameField } from '../../common/validators';

const durationRules = () => (object: object, propertyName: string) => {
  IsInt({ message: 'durationMinutes must be a whole number' })(object, propertyName);
  Min(5, { message: 'durationMinutes must be at least 5' })(object, propertyName);
  Max(600, { message: 'durationMinutes must be at most 600' })(object, propertyName);
};

const meetingUrlRules = () => (object: object, propertyName: string) => {
  IsOptional()(object, propertyName);
  IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'meetingUrl must be an http(s) link' })(object, propertyName);
  MaxLength(2000)(object, propertyName);
};

@InputType()
export class CreateSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId: string;

  @Field(() => String)
  @NameField()
  title: string;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => Int)
  @durationRules()
  durationMinutes: number;

  @Field(() => String, { nullable: true, description: "A curriculum module key; by default the module of the session's program week" })
  @IsOptional()
  @IsString()
  moduleKey?: string;

  @Field(() => String, { nullable: true })
  @meetingUrlRules()
  meetingUrl?: string;
}

@InputType()
export class ScheduleSeriesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId: string;

  @Field(() => String)
  @NameField()
  title: string;

  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @ArrayMinSize(1, { message: 'weekdays must name at least one day' })
  @ArrayMaxSize(7, { message: 'weekdays can name at most seven days' })
  @IsInt({ each: true, message: 'weekdays must be whole numbers from 1 to 7' })
  @Min(1, { each: true, message: 'weekdays must be from 1 (Monday) to 7 (Sunday)' })
  @Max(7, { each: true, message: 'weekdays must be from 1 (Monday) to 7 (Sunday)' })
  weekdays: number[];

  @Field(() => String, { description: "HH:mm in the cohort's timezone" })
  @Matches(LOCAL_TIME_PATTERN, { message: 'localTime must be a time of day written HH:mm, e.g. 19:00' })
  localTime: string;

  @Field(() => Int)
  @durationRules()
  durationMinutes: number;

  @Field(() => String, { nullable: true })
  @meetingUrlRules()
  meetingUrl?: string;
}

@InputType()
export class UpdateSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId is not a valid id' })
  sessionId: string;

  @Field(() => String, { nullable: true, description: 'Unchanged when omitted' })
  @IsOptional()
  @NameField()
  title?: string;

  @Field(() => String, { nullable: true, description: 'Unchanged when omitted; an empty text removes the link' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== '')
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'meetingUrl must be an http(s) link' })
  @MaxLength(2000)
  meetingUrl?: string;
}
