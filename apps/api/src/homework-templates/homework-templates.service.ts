import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findTemplate, validateTemplateDraft, type HomeworkTemplate, type TemplateDraft } from '@anchored/curriculum';
import { HomeworkAssignmentEntity, HomeworkTemplateEntity, HomeworkTemplateVersionEntity } from '@anchored/data';
import { DomainError, ErrorCode, Permission, Role } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';

export const HomeworkTemplateSource = { CURRICULUM: 'CURRICULUM', COACH: 'COACH' } as const;
export type HomeworkTemplateSource = (typeof HomeworkTemplateSource)[keyof typeof HomeworkTemplateSource];

/** A template as the API serves it: the curriculum's, or one version of a coach's. */
export type ServedTemplate = HomeworkTemplate & {
  source?: HomeworkTemplateSource;
  version?: number | null;
  ownerId?: string | null;
  updatedAt?: Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Versions never change once written, so one process may keep them. */
const VERSION_CACHE_SIZE = 500;

/**
 * Coaches' own homework templates (docs/homework-templates.md), and the one place that says which
 * form an assignment's answers are checked against: the curriculum's template, or the coach's
 * version the assignment pinned when it was made.
 */
@Injectable()
export class HomeworkTemplatesService {
  private readonly versions = new Map<string, HomeworkTemplateVersionEntity>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async create(caller: AuthUser, draft: TemplateDraft, loaders: Loaders): Promise<ServedTemplate> {
    await this.access.require(caller, Permission.WRITE_HOMEWORK_TEMPLATES, { userId: caller.id }, loaders);
    const checked = this.check(draft);
    return this.db.transaction(async (manager) => {
      const template = await manager.getRepository(HomeworkTemplateEntity).save({ ownerId: caller.id, currentVersion: 1 });
      const version = await manager.getRepository(HomeworkTemplateVersionEntity).save({ templateId: template.id, version: 1, ...checked });
      return served(template, version);
    });
  }

  /** Saves the edit as the next version; assignments made earlier keep theirs. */
  async update(caller: AuthUser, key: string, draft: TemplateDraft, loaders: Loaders): Promise<ServedTemplate> {
    if (findTemplate(key)) throw DomainError.forbidden("The curriculum's templates cannot be changed. Create a template of your own instead.");
    if (!UUID.test(key)) throw DomainError.notFound('That homework template');
    const checked = this.check(draft);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(HomeworkTemplateEntity);
      const template = await repo.findOne({ where: { id: key.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!template) throw DomainError.notFound('That homework template');
      await this.access.require(caller, Permission.WRITE_HOMEWORK_TEMPLATES, { userId: template.ownerId ?? '' }, loaders);
      template.currentVersion += 1;
      const saved = await repo.save(template);
      const version = await manager.getRepository(HomeworkTemplateVersionEntity).save({ templateId: template.id, version: template.currentVersion, ...checked });
      return served(saved, version);
    });
  }

  /** The caller's own templates, each at its current version, most recently changed first. */
  async mine(caller: AuthUser): Promise<ServedTemplate[]> {
    const rows: { id: string; owner_id: string; updated_at: Date; version: number; title: string; instructions: string; fields: HomeworkTemplate['fields'] }[] = await this.db.query(
      `SELECT t.id, t.owner_id, t.updated_at, v.version, v.title, v.instructions, v.fields
         FROM homework_templates t JOIN homework_template_versions v ON v.template_id = t.id AND v.version = t.current_version
        WHERE t.owner_id = $1 ORDER BY t.updated_at DESC, t.id`,
      [caller.id],
    );
    return rows.map((r) => ({
      key: r.id,
      title: r.title,
      instructions: r.instructions,
      fields: r.fields,
      source: HomeworkTemplateSource.COACH,
      version: r.version,
      ownerId: r.owner_id,
      updatedAt: r.updated_at,
    }));
  }

  /**
   * What assignHomework pins: a curriculum template by its key, or the current version of one of
   * the caller's own templates by its id (another coach's is FORBIDDEN).
   */
  async forAssigning(caller: AuthUser, key: string): Promise<{ template: HomeworkTemplate; versionId: string | null }> {
    const curriculum = findTemplate(key);
    if (curriculum) return { template: curriculum, versionId: null };
    const unknown = DomainError.badInput('templateKey', `templateKey "${key.slice(0, 60)}" is not a homework template of the curriculum or of yours.`);
    if (!UUID.test(key)) throw unknown;
    const template = await this.db.getRepository(HomeworkTemplateEntity).findOneBy({ id: key.toLowerCase() });
    if (!template) throw unknown;
    if (template.ownerId !== caller.id) throw DomainError.forbidden('Only the coach who wrote a homework template assigns it.');
    const version = await this.db.getRepository(HomeworkTemplateVersionEntity).findOneByOrFail({ templateId: template.id, version: template.currentVersion });
    return { template: toTemplate(version), versionId: version.id };
  }

  /** The form an assignment's answers are checked against: never changed by later edits. */
  async forAssignment(assignment: Pick<HomeworkAssignmentEntity, 'id' | 'templateKey' | 'templateVersionId'>): Promise<ServedTemplate> {
    if (!assignment.templateVersionId) {
      const template = findTemplate(assignment.templateKey);
      if (!template) throw new Error(`Assignment ${assignment.id} uses unknown template ${assignment.templateKey}`);
      return template;
    }
    const version = await this.version(assignment.templateVersionId);
    return { ...toTemplate(version), source: HomeworkTemplateSource.COACH, version: version.version };
  }

  private async version(id: string): Promise<HomeworkTemplateVersionEntity> {
    const cached = this.versions.get(id);
    if (cached) return cached;
    const version = await this.db.getRepository(HomeworkTemplateVersionEntity).findOneByOrFail({ id });
    if (this.versions.size >= VERSION_CACHE_SIZE) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(id, version);
    return version;
  }

  private check(draft: TemplateDraft): Pick<HomeworkTemplateVersionEntity, 'title' | 'instructions' | 'fields'> {
    const { template, problems } = validateTemplateDraft('', draft);
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Please check the template: ${problems.map((p) => p.message).join(' ')}`,
        problems.map((p) => ({ field: `input.${p.field}`, message: p.message })),
      );
    }
    return { title: template.title, instructions: template.instructions, fields: template.fields };
  }
}

function toTemplate(version: HomeworkTemplateVersionEntity): HomeworkTemplate {
  return { key: version.templateId, title: version.title, instructions: version.instructions, fields: version.fields };
}

function served(template: HomeworkTemplateEntity, version: HomeworkTemplateVersionEntity): ServedTemplate {
  return { ...toTemplate(version), source: HomeworkTemplateSource.COACH, version: version.version, ownerId: template.ownerId, updatedAt: template.updatedAt };
}

/** Admins may edit any coach's template; a coach only their own. */
export const canEditTemplate = (caller: AuthUser, template: ServedTemplate) => caller.role === Role.ADMIN || (template.ownerId != null && template.ownerId === caller.id);
