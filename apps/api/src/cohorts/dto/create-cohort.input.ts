import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIanaTimeZone, NameField } from '../../common/validators';
import { DateScalar } from '../../graphql/date.scalar';

@InputType()
export class CreateCohortInput {
  @Field(() => String)
  @NameField()
  name: string;

  @Field(() => DateScalar, { description: 'First day of the program, in the cohort timezone' })
  startsOn: string;

  @Field(() => String, { description: 'IANA timezone, e.g. America/New_York' })
  @IsIanaTimeZone()
  timezone: string;

  @Field(() => Int)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(500, { message: 'capacity must be at most 500' })
  capacity: number;

  @Field(() => Int, { nullable: true, description: '26 (six months) when omitted' })
  @IsOptional()
  @IsInt({ message: 'programWeeks must be a whole number' })
  @Min(1, { message: 'programWeeks must be at least 1' })
  @Max(104, { message: 'programWeeks must be at most 104' })
  programWeeks?: number;
}
