import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** Where a data export stands (the GraphQL enum DataExportStatus). */
export enum DataExportStatus {
  /** Requested; the worker builds it. */
  PENDING = 'PENDING',
  /** Built: downloadable with its secret link until `expiresAt`. */
  READY = 'READY',
  /** Past its 24 hours (or never built): the file and the link are gone. */
  EXPIRED = 'EXPIRED',
}

/**
 * One "take my data out" request and, once the worker has built it, the JSON file itself,
 * encrypted with the private-text cipher (bound to the export and its owner) in this row, so every
 * API and worker instance reaches it without shared disk. The download link's secret is kept as a
 * SHA-256 hash (to find and check it) and encrypted (so the owner's settings can show the link).
 */
@Entity('data_exports')
@Index('data_exports_user_requested_idx', ['userId', 'requestedAt'])
@Index('data_exports_one_pending_key', ['userId'], { unique: true, where: `status = 'PENDING'` })
@Index('data_exports_token_hash_key', ['tokenHash'], { unique: true })
@Check(
  'data_exports_ready_check',
  `status <> 'READY' OR (ready_at IS NOT NULL AND expires_at IS NOT NULL AND token_hash IS NOT NULL AND token_encrypted IS NOT NULL AND content_encrypted IS NOT NULL)`,
)
export class DataExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'data_exports_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'enum', enum: DataExportStatus, enumName: 'data_export_status', default: DataExportStatus.PENDING })
  status: DataExportStatus;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'token_hash', type: 'text', nullable: true })
  tokenHash: string | null;

  @Column({ name: 'token_encrypted', type: 'text', nullable: true })
  tokenEncrypted: string | null;

  @Column({ name: 'content_encrypted', type: 'text', nullable: true })
  contentEncrypted: string | null;
}
