import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CheckInLocation, NervousSystemState } from '@anchored/domain';
import { UserEntity } from './user.entity';

/**
 * A client's daily check-in (docs/check-ins.md): one per person and local calendar day in their
 * timezone; checking in again that day replaces it. It belongs to the person, not to a cohort: it
 * counts for every cohort where they hold an ENROLLED or GRADUATED seat. The note is encrypted
 * (checkInNoteAad) and only its writer ever reads it.
 */
@Entity('check_ins')
@Index('check_ins_one_per_day', ['clientId', 'localDate'], { unique: true })
@Check('check_ins_anchored_check', 'anchored >= 0 AND anchored <= 10')
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'check_ins_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  /** The client's own calendar day (YYYY-MM-DD) when they checked in. */
  @Column({ name: 'local_date', type: 'date' })
  localDate: string;

  @Column({ type: 'enum', enum: CheckInLocation, enumName: 'check_in_location' })
  location: CheckInLocation;

  @Column({ type: 'enum', enum: NervousSystemState, enumName: 'nervous_system_state' })
  state: NervousSystemState;

  @Column({ type: 'smallint' })
  anchored: number;

  /** The private note, encrypted; null when there is none. */
  @Column({ name: 'note_encrypted', type: 'text', nullable: true })
  noteEncrypted: string | null;

  /** When this check-in was made (a replacement the same day moves it). */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
