import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('LoginSession', { description: 'One login of the caller (a refresh-token family): a browser or device that stays logged in' })
export class LoginSessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the login last logged in or renewed its access' })
  lastUsedAt: Date;

  @Field(() => String, { nullable: true, description: 'The browser, in short (e.g. "Chrome on Linux")' })
  userAgent: string | null;

  @Field(() => Boolean, { description: 'The login making this request' })
  current: boolean;
}
