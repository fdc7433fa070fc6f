import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CheckInLocation, NervousSystemState } from '@anchored/domain';
// Registers the Location and NervousSystemState enums (the check-ins feature's) before they are used here.
import '../../check-ins/models/check-in.model';
import { DateScalar } from '../../graphql/date.scalar';
import { UserModel } from '../../users/models/user.model';

/** A member of a stored pair, as the service hands it to the resolvers (members resolve by DataLoader). */
export interface BuddyPairRecord {
  id: string;
  cohortId: string;
  startsOn: string;
  endsOn: string | null;
  members: { userId: string; sharesWeather: boolean }[];
}

@ObjectType('BuddyPair', { description: 'Buddies of a cohort: two clients, or the one trio when the count is odd' })
export class BuddyPairModel {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar, { description: "The cohort's local day the pairing was made" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the next pairing replaced it; null while current' })
  endsOn: string | null;
}

@ObjectType('BuddyPairPreview', { description: 'One group of a pairing the coach has not confirmed yet' })
export class BuddyPairPreviewModel {
  @Field(() => [UserModel])
  members: UserModel[];

  @Field(() => Int, { description: 'Minutes of the day when every member is within their waking hours (08:00-22:00 local)' })
  overlapMinutes: number;

  @Field(() => Boolean, { description: 'Two of them were buddies in the current pairing (no better choice was found)' })
  repeatsPrevious: boolean;
}

@ObjectType('BuddyWeather', { description: "A buddy's latest check-in as they share it: where they are and their state, never the note or the score" })
export class BuddyWeatherModel {
  @Field(() => UserModel)
  buddy: UserModel;

  @Field(() => DateScalar, { nullable: true, description: "The buddy's own calendar day of that check-in; null: none yet" })
  localDate: string | null;

  @Field(() => CheckInLocation, { nullable: true, description: 'Where they were; null: no check-in yet' })
  location: CheckInLocation | null;

  @Field(() => NervousSystemState, { nullable: true, description: 'Their nervous-system state; null: no check-in yet' })
  state: NervousSystemState | null;
}
