import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from './user.entity';

@Entity('cohort_coaches')
@Index('cohort_coaches_coach_idx', ['coachId'])
export class CohortCoachEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'cohort_coaches_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  @PrimaryColumn({ name: 'coach_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'cohort_coaches_coach_id_fkey', onDelete: 'CASCADE' })
  coachId: string;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
