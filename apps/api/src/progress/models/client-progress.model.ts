import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReachOutReason } from '@anchored/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { UserModel } from '../../users/models/user.model';

registerEnumType(ReachOutReason, { name: 'ReachOutReason' });

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

  @Field(() => Float, { nullable: true, description: 'PRESENT / sessions held, excused ones left out; null before any' })
  attendanceRate: number | null;

  @Field(() => [ReachOutReason], { description: 'One rule, the same on screen and in the weekly summary' })
  reachOutReasons: ReachOutReason[];

  @Field(() => DateScalar, { nullable: true, description: "The client's last check-in (their local day); null before any" })
  lastCheckInOn: string | null;
}
