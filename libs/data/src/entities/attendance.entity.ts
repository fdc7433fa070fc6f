import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AttendanceStatus } from '@anchored/domain';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

@Entity('attendance')
@Index('attendance_client_idx', ['clientId'])
@Unique('attendance_session_client_key', ['sessionId', 'clientId'])
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => SessionEntity, { name: 'attendance_session_id_fkey', onDelete: 'CASCADE' })
  sessionId: string;

  /** Null once the client deleted their account: the session's headcount stays, their name goes. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'attendance_client_id_fkey', onDelete: 'SET NULL' })
  clientId: string | null;

  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' })
  status: AttendanceStatus;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'attendance_recorded_by_id_fkey', onDelete: 'SET NULL' })
  recordedById: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
