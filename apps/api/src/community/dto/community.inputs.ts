import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, IsString, IsUUID } from 'class-validator';

// Lengths are checked by the service (COMMUNITY_LIMITS), so the messages name the limits the same way everywhere.

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId: string;

  @Field(() => String, { description: 'At most 4000 characters' })
  @IsString()
  body: string;
}

@InputType()
export class ShareReflectionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'submissionId is not a valid id' })
  submissionId: string;

  @Field(() => [String], { description: 'Only these answers are shared (keys of the homework template)' })
  @IsString({ each: true })
  @ArrayMinSize(1, { message: 'fieldKeys must name at least one answer to share' })
  @ArrayMaxSize(50, { message: 'fieldKeys must name at most 50 answers' })
  fieldKeys: string[];

  @Field(() => String, { nullable: true, description: 'A note above the answers, at most 1000 characters' })
  @IsOptional()
  @IsString()
  note?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'false: others see "a member of your circle" instead of your name (you still see it is yours)',
  })
  @IsOptional()
  @IsBoolean()
  showName?: boolean;
}
