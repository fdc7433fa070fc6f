import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PasswordField } from '../../common/validators';

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(1024, { message: 'currentPassword is too long' })
  currentPassword: string;

  @Field(() => String, { description: '12 to 128 characters, any characters' })
  @PasswordField()
  newPassword: string;
}
