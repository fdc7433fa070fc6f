import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A one-time link to the queue dashboard. Consumed by deleting it (one statement, so two uses
 * race and one loses); the cookie it becomes is tied to the admin's login family.
 */
@Entity('queue_dashboard_tickets')
export class QueueDashboardTicketEntity {
  /** sha256 of the secret in the link. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'queue_dashboard_tickets_user_fk', onDelete: 'CASCADE' })
  userId: string;

  /** The refresh-token family of the login that asked for the link. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
