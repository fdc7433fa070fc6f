import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('cohort_coaches')
export class CohortCoachEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ name: 'coach_id', type: 'uuid' })
  coachId: string;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
