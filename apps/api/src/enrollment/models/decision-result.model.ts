import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EnrollmentModel } from './enrollment.model';

@ObjectType('ApplicationDecisionResult', { description: 'One application of a decideApplications call: decided, or why not' })
export class ApplicationDecisionResultModel {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => EnrollmentModel, { nullable: true, description: 'The application after the decision; null when it failed' })
  enrollment: unknown;

  @Field(() => String, { nullable: true, description: 'Why it failed, as in extensions.code: CONFLICT (e.g. the cohort is full), NOT_FOUND' })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, in words for people' })
  errorMessage: string | null;
}
