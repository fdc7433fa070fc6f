import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { HomeworkTemplateVersionEntity } from './homework-template.entity';
import { UserEntity } from './user.entity';

@Entity('homework_assignments')
@Index('homework_assignments_cohort_due_idx', ['cohortId', 'dueAt'])
/** The reminder reconciler scans upcoming due times. */
@Index('homework_assignments_due_idx', ['dueAt'])
@Index('homework_assignments_template_version_idx', ['templateVersionId'])
@Check('homework_assignments_title_check', 'length(btrim(title)) > 0')
export class HomeworkAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  @ForeignKey(() => CohortEntity, { name: 'homework_assignments_cohort_id_fkey', onDelete: 'CASCADE' })
  cohortId: string;

  /** A template of libs/curriculum, or the id of a coach's template (then templateVersionId is set). */
  @Column({ name: 'template_key', type: 'text' })
  templateKey: string;

  /** The coach's template version answers are checked against: pinned when assigned, never moved. */
  @Column({ name: 'template_version_id', type: 'uuid', nullable: true })
  @ForeignKey(() => HomeworkTemplateVersionEntity, { name: 'homework_assignments_template_version_id_fkey', onDelete: 'RESTRICT' })
  templateVersionId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'homework_assignments_created_by_id_fkey', onDelete: 'SET NULL' })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
