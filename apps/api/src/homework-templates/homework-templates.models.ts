import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { HomeworkFieldKind, HomeworkUploadKind } from '@anchored/curriculum';
import { HomeworkTemplateSource } from './homework-templates.service';

registerEnumType(HomeworkTemplateSource, { name: 'HomeworkTemplateSource', description: "CURRICULUM (read-only) or COACH (a coach's own, versioned)" });

@InputType()
export class HomeworkFieldInput {
  @Field(() => String, { description: 'camelCase, unique in the template: the key of the answer' })
  @IsString()
  @MaxLength(100)
  key: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1000)
  label: string;

  @Field(() => HomeworkFieldKind)
  kind: HomeworkFieldKind;

  @Field(() => Boolean)
  @IsBoolean()
  required: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  help?: string | null;

  @Field(() => Int, { nullable: true, description: 'SCALE' })
  @IsOptional()
  @IsInt()
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'SCALE' })
  @IsOptional()
  @IsInt()
  max?: number | null;

  @Field(() => [String], { nullable: true, description: 'CHOICE and CHECKLIST' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  options?: string[] | null;

  @Field(() => HomeworkUploadKind, { nullable: true, description: 'UPLOAD; FILE when omitted' })
  @IsOptional()
  uploadKind?: HomeworkUploadKind | null;
}

@InputType()
export class HomeworkTemplateInput {
  @Field(() => String)
  @IsString()
  @MaxLength(1000)
  title: string;

  @Field(() => String, { defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  instructions: string;

  @Field(() => [HomeworkFieldInput])
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => HomeworkFieldInput)
  fields: HomeworkFieldInput[];
}
