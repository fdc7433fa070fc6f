import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from './user.entity';

/** What kind of private text was read (the GraphQL enum AccessSubject). */
export enum AccessSubject {
  SUBMISSION = 'SUBMISSION',
  CHECK_IN = 'CHECK_IN',
}

/**
 * Someone other than the owner read the owner's private text. Repeated reads of the same item by
 * the same reader collapse into one row per clock hour (UTC), which keeps the log readable; the
 * row keeps the first read's time. Rows are never updated (a trigger refuses UPDATE), except that a
 * deleted reader's id becomes null.
 */
@Entity('access_log')
@Unique('access_log_once_per_hour', ['readerId', 'subject', 'subjectId', 'hour'])
@Index('access_log_owner_at_idx', ['ownerId', 'at'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Whose text it is; their log goes with their account. */
  @Column({ name: 'owner_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'access_log_owner_fk', onDelete: 'CASCADE' })
  ownerId: string;

  /** Null once the reader deleted their account: the owner keeps the record, read by "a deleted account". */
  @Column({ name: 'reader_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'access_log_reader_fk', onDelete: 'SET NULL' })
  readerId: string | null;

  @Column({ type: 'enum', enum: AccessSubject, enumName: 'access_subject' })
  subject: AccessSubject;

  /** The submission (or check-in) read; no foreign key, so the log outlives what it points to. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The clock hour (UTC) of the read: reads within it collapse into this row. */
  @Column({ type: 'timestamptz' })
  hour: Date;

  /** The first read within the hour. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
