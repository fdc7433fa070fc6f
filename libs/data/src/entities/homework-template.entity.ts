import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HomeworkField } from '@anchored/curriculum';
import { UserEntity } from './user.entity';

/** A coach's own homework template (docs/homework-templates.md); its content lives in versions. */
@Entity('homework_templates')
@Index('homework_templates_owner_idx', ['ownerId'])
@Check('homework_templates_current_version_check', 'current_version >= 1')
export class HomeworkTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** NULL once the coach's account is deleted: assignments made from it keep their version. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'homework_templates_owner_id_fkey', onDelete: 'SET NULL' })
  ownerId: string | null;

  @Column({ name: 'current_version', type: 'int', default: 1 })
  currentVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One saved state of a coach's template. Never changed: an edit adds the next version. */
@Entity('homework_template_versions')
@Index('homework_template_versions_number_idx', ['templateId', 'version'], { unique: true })
@Check('homework_template_versions_title_check', 'length(btrim(title)) > 0')
export class HomeworkTemplateVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  @ForeignKey(() => HomeworkTemplateEntity, { name: 'homework_template_versions_template_id_fkey', onDelete: 'CASCADE' })
  templateId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  instructions: string;

  /** The fields in libs/curriculum's HomeworkField shape, checked by validateTemplateDraft. */
  @Column({ type: 'jsonb' })
  fields: HomeworkField[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
