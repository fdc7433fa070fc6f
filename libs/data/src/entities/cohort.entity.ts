import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CohortStatus } from '@anchored/domain';

@Entity('cohorts')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
