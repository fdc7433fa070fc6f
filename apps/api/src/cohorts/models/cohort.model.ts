import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { CohortStatus } from '../../graphql/enums';

@ObjectType('Cohort')
export class CohortModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => CohortStatus)
  status: CohortStatus;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => Int, { description: '26 by default (six months)' })
  programWeeks: number;

  @Field(() => String, { description: 'IANA name, e.g. America/New_York' })
  timezone: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => String, { nullable: true, description: 'What the cohort is about; public while it takes applications' })
  description: string | null;
}
