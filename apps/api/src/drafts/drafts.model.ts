import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('HomeworkDraft', { description: "A client's unsent answers, as they left them (not yet validated)" })
export class HomeworkDraftModel {
  @Field(() => GraphQLJSON, { description: '{ fieldKey: value } for the fields filled in so far' })
  responses: Record<string, unknown>;

  @Field(() => GraphQLISODateTime)
  savedAt: Date;
}

@ObjectType('FeedbackDraft', { description: "A coach's unsent feedback on one answer" })
export class FeedbackDraftModel {
  @Field(() => String)
  feedback: string;

  @Field(() => GraphQLISODateTime)
  savedAt: Date;
}
