import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators';
import { ApplicationDecision, EnrollmentStatus } from '../../graphql/enums';

export const MAX_BULK_DECISIONS = 100;

@InputType()
export class DecideApplicationsInput {
  @Field(() => [ID], { description: `Up to ${MAX_BULK_DECISIONS} applications, decided in this order` })
  @ArrayMinSize(1, { message: 'enrollmentIds must name at least one application' })
  @ArrayMaxSize(MAX_BULK_DECISIONS, { message: `enrollmentIds can name at most ${MAX_BULK_DECISIONS} applications` })
  @ArrayUnique({ message: 'enrollmentIds must not repeat an application' })
  @IsUUID('all', { each: true, message: 'enrollmentIds must all be valid ids' })
  enrollmentIds: string[];

  @Field(() => ApplicationDecision)
  @IsEnum(ApplicationDecision, { message: 'decision must be ACCEPT, WAITLIST or REJECT' })
  decision: ApplicationDecision;

  @Field(() => String, { nullable: true, description: 'REJECT only: a personal note emailed to each client (never stored)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;
}

@InputType()
export class ApplicationsFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId?: string;

  @Field(() => EnrollmentStatus, { nullable: true, description: 'Any status when left out' })
  @IsOptional()
  @IsEnum(EnrollmentStatus, { message: 'status is not an enrollment status' })
  status?: EnrollmentStatus;

  @Field(() => String, { nullable: true, description: "A piece of the client's name or email, any case" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;
}
