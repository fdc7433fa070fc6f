import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';

/** One row per cohort and ISO week whose summaries went out: the weekly summary runs once. */
@Entity('weekly_summary_runs')
export class WeeklySummaryRunEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'weekly_summary_runs_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  @PrimaryColumn({ name: 'iso_week', type: 'text' })
  isoWeek: string;

  @Column({ name: 'ran_at', type: 'timestamptz', default: () => 'now()' })
  ranAt: Date;
}
