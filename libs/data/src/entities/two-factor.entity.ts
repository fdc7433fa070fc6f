import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A user's TOTP credential (authenticator app). Two-factor sign-in is on once `confirmedAt` is set;
 * until then the row is a setup in progress. The secret is encrypted (PrivateTextCipher, bound to
 * the user by twoFactorSecretAad), never stored or logged in the clear.
 */
@Entity('two_factor_credentials')
@Index('two_factor_credentials_user_id_key', ['userId'], { unique: true })
export class TwoFactorCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'two_factor_credentials_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ name: 'secret_encrypted', type: 'text' })
  secretEncrypted: string;

  /** When a first code proved the authenticator app holds the secret; null: setup not finished. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The 30-second time step of the last accepted code: a code at or before it is refused (no replay). */
  @Column({ name: 'last_used_step', type: 'integer', nullable: true })
  lastUsedStep: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One single-use recovery code; only its sha256 (bound to the user) is kept. */
@Entity('two_factor_recovery_codes')
@Index('two_factor_recovery_codes_code_hash_key', ['codeHash'], { unique: true })
@Index('two_factor_recovery_codes_user_idx', ['userId'])
export class TwoFactorRecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'two_factor_recovery_codes_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
