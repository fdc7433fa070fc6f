import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Trim } from '../../common/validators';

@InputType()
export class AssignHomeworkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId is not a valid id' })
  cohortId: string;

  @Field(() => String, { description: 'A template of the curriculum (see homeworkTemplates)' })
  @IsString()
  templateKey: string;

  @Field(() => GraphQLISODateTime)
  dueAt: Date;

  @Field(() => String, { nullable: true, description: "The template's title when omitted" })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(5000, { message: 'instructions must be at most 5000 characters' })
  instructions?: string;
}

@InputType()
export class SubmitHomeworkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId is not a valid id' })
  assignmentId: string;

  @Field(() => GraphQLJSON, { description: '{ fieldKey: value }, validated against the template' })
  @IsDefined({ message: 'responses are required' })
  responses: unknown;
}

@InputType()
export class UpdateAssignmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId is not a valid id' })
  assignmentId: string;

  @Field(() => String, { nullable: true, description: 'Unchanged when omitted' })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Unchanged when omitted; an empty text removes them' })
  @IsOptional()
  @Trim()
  @MaxLength(5000, { message: 'instructions must be at most 5000 characters' })
  instructions?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Unchanged when omitted' })
  dueAt?: Date;
}
