import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/models/user.model';

@ObjectType('ClientProgress')
export class ClientProgressModel {
  @Field(() => UserModel)
  client: UserModel;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int, { description: 'Assignments past due with nothing submitted' })
  missing: number;

  @Field(() => Int)
  late: number;

  @Field(() => Int)
  reviewed: number;

  @Field(() => Float, { nullable: true, description: 'PRESENT / sessions held, null before any' })
  attendanceRate: number | null;
}
