import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CURRICULUM, CurriculumModule, HOMEWORK_TEMPLATES, moduleForWeek, templatesForModule } from '@anchored/curriculum';
import { DomainError } from '@anchored/domain';
import { Public } from '../common/decorators';
import { CurriculumModuleModel, HomeworkTemplateModel } from './models/curriculum.model';

function toModel(module: CurriculumModule): CurriculumModuleModel {
  return {
    key: module.key,
    week: module.weeks[0],
    weeks: module.weeks,
    title: module.title,
    summary: module.summary,
    practices: module.practices.map((p) => `${p.title}: ${p.description}`),
    practiceDetails: module.practices,
    homeworkTemplates: templatesForModule(module) as HomeworkTemplateModel[],
  };
}

/** The interdependence curriculum, served from libs/curriculum. Public: it is the program itself. */
@Resolver(() => CurriculumModuleModel)
export class CurriculumResolver {
  @Public()
  @Query(() => [CurriculumModuleModel], { description: 'The 26-week program, module by module' })
  curriculum() {
    return CURRICULUM.map(toModel);
  }

  @Public()
  @Query(() => CurriculumModuleModel, { description: 'The module taught in a program week (1 to 26)' })
  curriculumWeek(@Args('week', { type: () => Int }) week: number) {
    try {
      return toModel(moduleForWeek(week));
    } catch {
      throw DomainError.badInput('week', 'week must be a program week from 1 to 26.');
    }
  }

  @Public()
  @Query(() => [HomeworkTemplateModel], { description: 'Every homework template a coach can assign' })
  homeworkTemplates() {
    return HOMEWORK_TEMPLATES;
  }
}
