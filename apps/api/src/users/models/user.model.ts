import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../graphql/enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String)
  timezone: string;

  @Field(() => String, { nullable: true, description: "A coach's short public introduction" })
  bio: string | null;
}
