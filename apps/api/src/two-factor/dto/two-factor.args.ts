import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class TwoFactorCodeArgs {
  @Field(() => String, { description: 'Six digits from the authenticator app, or (where allowed) a recovery code' })
  @IsString()
  @MaxLength(64, { message: 'code is too long' })
  code: string;
}

@ArgsType()
export class DisableTwoFactorArgs extends TwoFactorCodeArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(1024, { message: 'currentPassword is too long' })
  currentPassword: string;
}
