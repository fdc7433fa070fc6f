import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationKind } from '@anchored/domain';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

/**
 * A private conversation between two people of one cohort (docs/messages.md): a client and one of
 * its coaches, or two current buddies. One per pair and cohort: the pair is stored in id order
 * (user_a_id < user_b_id). A participant who deletes their account becomes null (their messages
 * go with them; the other person keeps theirs).
 */
@Entity('conversations')
@Index('conversations_pair_idx', ['cohortId', 'userAId', 'userBId'], { unique: true })
@Index('conversations_user_a_idx', ['userAId'])
@Index('conversations_user_b_idx', ['userBId'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'conversations_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  @Column({ type: 'enum', enum: ConversationKind, enumName: 'conversation_kind' })
  kind: ConversationKind;

  @Column({ name: 'user_a_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'conversations_user_a_id_fkey', onDelete: 'SET NULL' })
  userAId: string | null;

  @Column({ name: 'user_b_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'conversations_user_b_id_fkey', onDelete: 'SET NULL' })
  userBId: string | null;

  /** Up to when each participant has read (messages after it, by the other, are unread). */
  @Column({ name: 'user_a_read_at', type: 'timestamptz', nullable: true })
  userAReadAt: Date | null;

  @Column({ name: 'user_b_read_at', type: 'timestamptz', nullable: true })
  userBReadAt: Date | null;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
