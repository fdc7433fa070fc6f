import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIanaTimeZone, NameField, Trim } from '../../common/validators';

export const BIO_MAX_LENGTH = 600;

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

  @Field(() => String, { nullable: true, description: 'Coaches and admins: a short public introduction, up to 600 characters; "" removes it' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(BIO_MAX_LENGTH, { message: `bio must be at most ${BIO_MAX_LENGTH} characters` })
  bio?: string | null;
}
