import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** What a one-time account link does when it is followed. */
export enum AccountTokenPurpose {
  RESET_PASSWORD = 'RESET_PASSWORD',
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  CHANGE_EMAIL = 'CHANGE_EMAIL',
}

/**
 * A one-time link sent by email (password reset, address verification, address change). Only the
 * sha256 of the token is stored; a link is used up atomically (used_at) and expires.
 */
@Entity('account_tokens')
@Index('account_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('account_tokens_user_idx', ['userId'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'account_tokens_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose: AccountTokenPurpose;

  /** sha256 (hex) of the token in the link. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /** The address the link was sent to: the one to verify, or the new one for CHANGE_EMAIL; null for resets. */
  @Column({ name: 'new_email', type: 'text', nullable: true })
  newEmail: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
