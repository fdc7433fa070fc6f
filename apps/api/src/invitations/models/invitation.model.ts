import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../graphql/enums';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'Shown once, to the admin who created the invitation' })
  token?: string | null;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an admin revoked it; its link no longer works' })
  revokedAt: Date | null;
}
