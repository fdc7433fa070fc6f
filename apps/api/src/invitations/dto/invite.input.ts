import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { EmailField } from '../../common/validators';
import { Role } from '../../graphql/enums';

@InputType()
export class InviteInput {
  @Field(() => String)
  @EmailField()
  email: string;

  @Field(() => Role)
  @IsEnum(Role, { message: 'role must be ADMIN, COACH or CLIENT' })
  role: Role;
}
