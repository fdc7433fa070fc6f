import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIanaTimeZone, NameField, Trim } from '../../common/validators';
import { DateScalar } from '../../graphql/date.scalar';
import { COHORT_DESCRIPTION_MAX_LENGTH } from './update-cohort.input';

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

  @Field(() => String, { nullable: true, description: 'Public while the cohort takes applications; up to 2000 characters' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(COHORT_DESCRIPTION_MAX_LENGTH, { message: `description must be at most ${COHORT_DESCRIPTION_MAX_LENGTH} characters` })
  description?: string | null;

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
