import { Field, InputType, Int } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { CheckInLocation, NervousSystemState } from '@anchored/domain';
import '../models/check-in.model';

/** Ranges and lengths are checked by checkInProblems (libs/domain), every problem reported at once. */
@InputType()
export class CheckInInput {
  @Field(() => CheckInLocation)
  location: CheckInLocation;

  @Field(() => NervousSystemState)
  state: NervousSystemState;

  @Field(() => Int, { description: '0-10' })
  anchored: number;

  @Field(() => String, { nullable: true, description: 'Private: only you will ever read it (encrypted at rest)' })
  @IsOptional()
  @IsString()
  note?: string | null;
}
