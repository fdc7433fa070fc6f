import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { EmailField, PasswordField } from '../../common/validators';

const TOKEN_MESSAGE = 'This link is not valid. Please use the newest link we emailed you, or ask for a new one.';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field(() => String)
  @EmailField()
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => String, { description: 'The token= of the emailed link' })
  @IsString()
  @Length(10, 200, { message: TOKEN_MESSAGE })
  token: string;

  @Field(() => String, { description: '12 to 128 characters, any characters' })
  @PasswordField()
  newPassword: string;
}

@ArgsType()
export class RequestEmailChangeArgs {
  @Field(() => String)
  @EmailField()
  newEmail: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1024, { message: 'currentPassword is too long' })
  currentPassword: string;
}

@ArgsType()
export class ConfirmEmailArgs {
  @Field(() => String, { description: 'The token= of the emailed link' })
  @IsString()
  @Length(10, 200, { message: TOKEN_MESSAGE })
  token: string;
}
