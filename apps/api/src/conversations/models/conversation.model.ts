import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ConversationKind } from '@anchored/domain';

@ObjectType('Conversation', { description: 'Two people of one cohort: a client and one of its coaches, or two buddies of its current pairing' })
export class ConversationModel {
  @Field(() => ID)
  id: string;

  @Field(() => Date, { nullable: true, description: 'When the last message was sent; null before the first' })
  lastMessageAt: Date | null;

  cohortId: string;
  kind: ConversationKind;
  userAId: string | null;
  userBId: string | null;
  userAReadAt: Date | null;
  userBReadAt: Date | null;
  createdAt: Date;
}

@ObjectType('Message')
export class MessageModel {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  createdAt: Date;

  conversationId: string;
  authorId: string;
  bodyEncrypted: string;
  crisis: boolean;
}
