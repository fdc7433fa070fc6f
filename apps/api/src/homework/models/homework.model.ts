import { SubmissionStatus } from '../../graphql/enums';
import { UserModel } from '../../users/models/user.model';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('HomeworkAssignment')
export class HomeworkAssignmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  instructions: string | null;

  @Field(() => GraphQLISODateTime)
  dueAt: Date;
}

@ObjectType('Submission')
export class SubmissionModel {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  submittedAt: Date;

  @Field(() => Boolean, { description: 'Submitted after the due time' })
  late: boolean;

  @Field(() => SubmissionStatus)
  status: SubmissionStatus;

  @Field(() => UserModel)
  client: UserModel;

  @Field(() => GraphQLISODateTime, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the coach last changed the feedback after sending it' })
  feedbackEditedAt: Date | null;
}
