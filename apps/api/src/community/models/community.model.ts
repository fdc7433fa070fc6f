import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { PostKind, Reaction } from '@anchored/domain';

registerEnumType(PostKind, { name: 'PostKind' });
registerEnumType(Reaction, { name: 'Reaction' });

export enum FeedEventKind {
  POST_CREATED = 'POST_CREATED',
  POST_UPDATED = 'POST_UPDATED',
  POST_REMOVED = 'POST_REMOVED',
  REPLY_CREATED = 'REPLY_CREATED',
  REACTIONS_CHANGED = 'REACTIONS_CHANGED',
}
registerEnumType(FeedEventKind, { name: 'FeedEventKind' });

@ObjectType('ReactionCount')
export class ReactionCountModel {
  @Field(() => Reaction)
  reaction: Reaction;

  @Field(() => Int)
  count: number;

  @Field(() => Boolean, { description: 'The caller reacted so' })
  mine: boolean;
}

/** Post fields are resolved per caller in PostResolver (body, author, hidden text). */
@ObjectType('Post', { description: "A post in a cohort's community feed" })
export class PostModel {
  @Field(() => ID)
  id: string;

  @Field(() => PostKind)
  kind: PostKind;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  editedAt: Date | null;

  @Field(() => Boolean)
  pinned: boolean;
}

@ObjectType('Reply', { description: 'A reply to a post (one level), oldest first' })
export class ReplyModel {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('SharedAnswer', { description: 'One answer a client chose to share with their circle (a copy kept with the post)' })
export class SharedAnswerModel {
  @Field(() => String)
  fieldKey: string;

  @Field(() => String, { description: "The template field's label" })
  label: string;

  @Field(() => GraphQLJSON, { description: 'The answer as it was when shared' })
  value: unknown;
}

@ObjectType('FeedEvent', { description: "Something changed in a cohort's feed: the post as the subscriber may see it now" })
export class FeedEventModel {
  @Field(() => FeedEventKind)
  kind: FeedEventKind;

  @Field(() => PostModel)
  post: unknown;

  @Field(() => ReplyModel, { nullable: true, description: 'REPLY_CREATED (and a removed reply)' })
  reply: unknown;
}
