import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SessionStatus } from '@anchored/domain';
import { CohortEntity } from './cohort.entity';

@Entity('sessions')
@Index('sessions_cohort_starts_idx', ['cohortId', 'startsAt'])
@Index('sessions_starts_idx', ['startsAt'], { where: `status = '${SessionStatus.SCHEDULED}'` })
@Check('sessions_title_check', 'length(btrim(title)) > 0')
@Check('sessions_duration_minutes_check', 'duration_minutes BETWEEN 5 AND 600')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'sessions_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  /** Set for sessions created together by scheduleSessionSeries. */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'module_key', type: 'text', nullable: true })
  moduleKey: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ name: 'meeting_url', type: 'text', nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status', default: SessionStatus.SCHEDULED })
  status: SessionStatus;

  /** iCalendar SEQUENCE: calendars replace an event only when this grows. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** When startsAt was last set; a reminder due before this moment is skipped, not sent late. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', default: () => 'now()' })
  scheduledAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
