import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/models/user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field(() => String, { description: 'Short-lived JWT for the Authorization header' })
  accessToken: string;

  @Field(() => String, { nullable: true, description: 'Rotating refresh token; use it once with refreshSession' })
  refreshToken: string | null;

  @Field(() => UserModel)
  user: UserModel;
}
