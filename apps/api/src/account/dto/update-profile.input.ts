import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsIanaTimeZone, NameField } from '../../common/validators';

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Shown to coaches and the cohort; omit to keep as is' })
  @IsOptional()
  @NameField()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA timezone, e.g. Europe/Berlin: every time, reminder and quiet hour follows it' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string | null;
}
