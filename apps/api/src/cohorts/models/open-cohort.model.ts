import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';

@ObjectType('WeeklyMeeting', { description: "A recurring weekly slot of a cohort's live sessions" })
export class WeeklyMeetingModel {
  @Field(() => Int, { description: "ISO weekday in the cohort's timezone: 1 Monday … 7 Sunday" })
  weekday: number;

  @Field(() => String, { description: "HH:mm in the cohort's timezone" })
  startTime: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => GraphQLISODateTime, { description: "The next meeting in this slot (the last once all are past): show it in the viewer's timezone" })
  nextStartsAt: Date;
}

@ObjectType('CoachProfile', { description: 'What visitors see of a coach: name and bio, nothing else' })
export class CoachProfileModel {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  bio: string | null;
}

@ObjectType('OpenCohort', { description: 'A cohort taking applications, as anyone (signed in or not) may see it' })
export class OpenCohortModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => String, { description: 'IANA timezone the sessions are planned in' })
  timezone: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => Int, { description: 'Free seats; 0 means applicants join the waitlist' })
  seatsLeft: number;

  @Field(() => [WeeklyMeetingModel], { description: 'Monday first; empty until sessions are scheduled' })
  meetings: WeeklyMeetingModel[];

  @Field(() => [CoachProfileModel])
  coaches: CoachProfileModel[];
}
