import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIanaTimeZone, NameField, Trim } from '../../common/validators';

export const COHORT_DESCRIPTION_MAX_LENGTH = 2000;

/** Omitted fields keep their value. */
@InputType()
export class UpdateCohortInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NameField()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Public while the cohort takes applications; up to 2000 characters; "" removes it' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(COHORT_DESCRIPTION_MAX_LENGTH, { message: `description must be at most ${COHORT_DESCRIPTION_MAX_LENGTH} characters` })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Never below the seats already taken' })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(500, { message: 'capacity must be at most 500' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Only before the program starts and before any session is scheduled' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string | null;
}
