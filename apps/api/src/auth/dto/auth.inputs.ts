import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { EmailField, IsIanaTimeZone, NameField, PasswordField } from '../../common/validators';

@InputType()
export class SignUpInput {
  @Field(() => String)
  @EmailField()
  email: string;

  @Field(() => String, { description: '12 to 128 characters, any characters' })
  @PasswordField()
  password: string;

  @Field(() => String)
  @NameField()
  name: string;

  @Field(() => String, { nullable: true, description: 'IANA timezone, e.g. Europe/Berlin; UTC when omitted' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;
}

@InputType()
export class LogInInput {
  @Field(() => String)
  @IsString()
  email: string;

  @Field(() => String)
  @IsString()
  password: string;

  @Field(() => String, { nullable: true, description: 'When the account has two-factor sign-in on: the six digits from the authenticator app, or a recovery code (spent)' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'totpCode is too long' })
  totpCode?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  @IsString()
  @Length(10, 200, { message: 'token is not a valid invitation token' })
  token: string;

  @Field(() => String)
  @NameField()
  name: string;

  @Field(() => String)
  @PasswordField()
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;
}
