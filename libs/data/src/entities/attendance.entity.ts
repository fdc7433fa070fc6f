import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AttendanceStatus } from '@anchored/domain';

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' })
  status: AttendanceStatus;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
