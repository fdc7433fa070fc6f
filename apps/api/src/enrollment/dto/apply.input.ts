import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators';

@InputType()
export class ApplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId: string;

  @Field(() => String, { nullable: true, description: 'A few words on why the client wants to join' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'motivation must be at most 2000 characters' })
  motivation?: string;
}
