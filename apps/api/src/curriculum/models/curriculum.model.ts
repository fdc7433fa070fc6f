import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HomeworkFieldKind, HomeworkUploadKind } from '@anchored/curriculum';

registerEnumType(HomeworkFieldKind, { name: 'HomeworkFieldKind' });
registerEnumType(HomeworkUploadKind, { name: 'HomeworkUploadKind' });

@ObjectType('HomeworkField')
export class HomeworkFieldModel {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => HomeworkFieldKind)
  kind: HomeworkFieldKind;

  @Field(() => Boolean)
  required: boolean;

  @Field(() => [String], { nullable: true, description: 'CHOICE and CHECKLIST' })
  options?: string[];

  @Field(() => Int, { nullable: true, description: 'SCALE' })
  min?: number;

  @Field(() => Int, { nullable: true, description: 'SCALE' })
  max?: number;

  @Field(() => String, { nullable: true, description: 'A hint shown under the field' })
  help?: string;

  @Field(() => HomeworkUploadKind, { nullable: true, description: 'UPLOAD: a document or picture, or a voice note' })
  uploadKind?: HomeworkUploadKind;
}

@ObjectType('HomeworkTemplate')
export class HomeworkTemplateModel {
  @Field(() => String, { description: "What assignHomework takes: the curriculum's key, or the id of a coach's template" })
  key: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  instructions: string;

  @Field(() => [HomeworkFieldModel])
  fields: HomeworkFieldModel[];
}

@ObjectType('Practice')
export class PracticeModel {
  @Field(() => String, { description: 'SOMATIC, BREATHWORK, THOUGHT_WORK or RELATIONAL' })
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;
}

@ObjectType('CurriculumModule')
export class CurriculumModuleModel {
  @Field(() => String)
  key: string;

  @Field(() => Int, { description: 'The first program week of the module' })
  week: number;

  @Field(() => [Int], { description: 'Every program week the module spans' })
  weeks: number[];

  @Field(() => String)
  title: string;

  @Field(() => String)
  summary: string;

  @Field(() => [String], { description: 'Each practice as "Title: description"' })
  practices: string[];

  @Field(() => [PracticeModel])
  practiceDetails: PracticeModel[];

  @Field(() => [HomeworkTemplateModel])
  homeworkTemplates: HomeworkTemplateModel[];
}
