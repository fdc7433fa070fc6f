import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import type { GqlContext } from '../common/gql-context';
import { HomeworkTemplateModel } from '../curriculum/models/curriculum.model';
import { HomeworkTemplateInput } from './homework-templates.models';
import { HomeworkTemplateSource, HomeworkTemplatesService, type ServedTemplate } from './homework-templates.service';

@Resolver(() => HomeworkTemplateModel)
export class HomeworkTemplatesResolver {
  constructor(private readonly templates: HomeworkTemplatesService) {}

  @Requires(Permission.WRITE_HOMEWORK_TEMPLATES)
  @Query(() => [HomeworkTemplateModel], { description: "The calling coach's own templates, each at its current version, most recently changed first" })
  myHomeworkTemplates(@CurrentUser() caller: AuthUser) {
    return this.templates.mine(caller);
  }

  @Requires(Permission.WRITE_HOMEWORK_TEMPLATES)
  @Mutation(() => HomeworkTemplateModel, { description: 'A coach: a template of their own, version 1; assign it with its key' })
  createHomeworkTemplate(@Args('input') input: HomeworkTemplateInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.templates.create(caller, input, ctx.loaders);
  }

  @Requires(Permission.WRITE_HOMEWORK_TEMPLATES)
  @Mutation(() => HomeworkTemplateModel, {
    description: "Its coach (or an admin): saves the next version. Assignments made earlier keep theirs; the curriculum's templates are FORBIDDEN",
  })
  updateHomeworkTemplate(@Args('key') key: string, @Args('input') input: HomeworkTemplateInput, @CurrentUser() caller: AuthUser, @Context() ctx: GqlContext) {
    return this.templates.update(caller, key, input, ctx.loaders);
  }

  @ResolveField(() => HomeworkTemplateSource)
  source(@Parent() template: ServedTemplate) {
    return template.source ?? HomeworkTemplateSource.CURRICULUM;
  }

  @ResolveField(() => Int, { nullable: true, description: "A coach's template: the version shown (an assignment's: the one it pinned)" })
  version(@Parent() template: ServedTemplate) {
    return template.version ?? null;
  }
}
