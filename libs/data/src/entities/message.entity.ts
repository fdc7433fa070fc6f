import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity';
import { UserEntity } from './user.entity';

/**
 * One private message. The body is encrypted (messageBodyAad: bound to the message and its
 * conversation); it goes with its author's account (ON DELETE CASCADE).
 */
@Entity('messages')
@Index('messages_conversation_created_idx', ['conversationId', 'createdAt'])
@Index('messages_author_idx', ['authorId'])
export class MessageEntity {
  /** Chosen before the insert: the body's associated data names it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  @ForeignKey(() => ConversationEntity, { name: 'messages_conversation_id_fkey', onDelete: 'CASCADE' })
  conversationId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'messages_author_id_fkey', onDelete: 'CASCADE' })
  authorId: string;

  @Column({ name: 'body_encrypted', type: 'text' })
  bodyEncrypted: string;

  /** The body read like a crisis when sent (readsLikeCrisis): the author was shown the crisis resources, the coach told. */
  @Column({ name: 'crisis', type: 'boolean', default: false })
  crisis: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
