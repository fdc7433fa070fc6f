import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { EnrollmentStatus } from '../../graphql/enums';

@ObjectType('Enrollment')
export class EnrollmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => EnrollmentStatus)
  status: EnrollmentStatus;

  @Field(() => GraphQLISODateTime)
  appliedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt: Date | null;

  @Field({ description: 'WITHDRAWN by the program team (an admin) rather than by the client themself' })
  withdrawnByTeam: boolean;
}
