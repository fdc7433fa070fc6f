import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckInLocation, NervousSystemState } from '@anchored/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { UserModel } from '../../users/models/user.model';

registerEnumType(CheckInLocation, { name: 'Location', description: '"Where am I located right now?"' });
registerEnumType(NervousSystemState, { name: 'NervousSystemState', description: 'Calm; fight or flight; freeze; fawn' });

@ObjectType('CheckIn')
export class CheckInModel {
  @Field(() => ID)
  id: string;

  @Field(() => UserModel)
  client: UserModel;

  @Field(() => DateScalar, { description: "The client's own calendar day" })
  localDate: string;

  @Field(() => CheckInLocation)
  location: CheckInLocation;

  @Field(() => NervousSystemState)
  state: NervousSystemState;

  @Field(() => Int, { description: '0-10: how anchored in myself I feel' })
  anchored: number;

  @Field(() => String, { nullable: true, description: 'Private: the client alone, never coaches' })
  note: string | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('LocationCount')
export class LocationCountModel {
  @Field(() => CheckInLocation)
  location: CheckInLocation;

  @Field(() => Int)
  count: number;
}

@ObjectType('StateCount')
export class StateCountModel {
  @Field(() => NervousSystemState)
  state: NervousSystemState;

  @Field(() => Int)
  count: number;
}

@ObjectType('CohortWeather', { description: "The cohort's clients over the last `days` days" })
export class CohortWeatherModel {
  @Field(() => Int)
  clientsCheckedIn: number;

  @Field(() => [LocationCountModel], { nullable: true, description: 'Null (and averageAnchored null) while fewer than 3 clients checked in' })
  locations: LocationCountModel[] | null;

  @Field(() => [StateCountModel], { nullable: true, description: 'Null while fewer than 3 clients checked in, so no one can be singled out' })
  states: StateCountModel[] | null;

  @Field(() => Float, { nullable: true })
  averageAnchored: number | null;
}

@ObjectType('CheckInTrendDay')
export class CheckInTrendDayModel {
  @Field(() => DateScalar)
  localDate: string;

  @Field(() => Int)
  anchored: number;

  @Field(() => CheckInLocation)
  location: CheckInLocation;

  @Field(() => NervousSystemState)
  state: NervousSystemState;

  @Field(() => Int, { description: 'Program week of the day (0 or less: before the program)' })
  week: number;
}

@ObjectType('CheckInTrendWeek')
export class CheckInTrendWeekModel {
  @Field(() => Int, { description: '1-based program week' })
  week: number;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => Int)
  checkIns: number;

  @Field(() => Float, { nullable: true, description: 'Mean anchored, one decimal; null for a week without check-ins' })
  meanAnchored: number | null;

  @Field(() => [LocationCountModel])
  locations: LocationCountModel[];

  @Field(() => [StateCountModel])
  states: StateCountModel[];
}

@ObjectType('CheckInStreak', { description: 'What was done, never what was missed' })
export class CheckInStreakModel {
  @Field(() => Int, { description: 'Consecutive days up to today (or yesterday while today is still open)' })
  current: number;

  @Field(() => Int)
  longest: number;

  @Field(() => Int)
  daysInLastSeven: number;

  @Field(() => Int)
  totalDays: number;
}

@ObjectType('CheckInTrend')
export class CheckInTrendModel {
  @Field(() => [CheckInTrendDayModel], { description: 'One per day with a check-in, oldest first' })
  days: CheckInTrendDayModel[];

  @Field(() => [CheckInTrendWeekModel], { description: 'Program weeks 1 .. this week' })
  weeks: CheckInTrendWeekModel[];

  @Field(() => CheckInStreakModel)
  streak: CheckInStreakModel;
}
