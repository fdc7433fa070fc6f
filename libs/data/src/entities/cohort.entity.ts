import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CohortStatus } from '@anchored/domain';

@Entity('cohorts')
@Index('cohorts_status_idx', ['status'])
@Check('cohorts_name_check', 'length(btrim(name)) > 0')
@Check('cohorts_program_weeks_check', 'program_weeks BETWEEN 1 AND 104')
@Check('cohorts_capacity_check', 'capacity >= 1')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: CohortStatus, enumName: 'cohort_status', default: CohortStatus.DRAFT })
  status: CohortStatus;

  /** A calendar date (YYYY-MM-DD) in the cohort's own timezone. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'program_weeks', type: 'int', default: 26 })
  programWeeks: number;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'int' })
  capacity: number;

  /** What the cohort is about, for visitors and applicants; written by admins. */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
