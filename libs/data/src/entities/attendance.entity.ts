import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AttendanceStatus } from '@anchored/domain';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

@Entity('attendance')
@Index('attendance_client_idx', ['clientId'])
export class AttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => SessionEntity, { name: 'attendance_session_id_fkey', onDelete: 'CASCADE' })
  sessionId: string;

  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'attendance_client_id_fkey', onDelete: 'CASCADE' })
  clientId: string;

  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' })
  status: AttendanceStatus;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'attendance_recorded_by_id_fkey', onDelete: 'SET NULL' })
  recordedById: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
