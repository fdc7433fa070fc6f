import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CohortAuditAction } from '@anchored/data';
import { CohortModel } from '../../cohorts/models/cohort.model';
import { UserModel } from '../../users/models/user.model';

registerEnumType(CohortAuditAction, { name: 'CohortAuditAction' });

@ObjectType('CohortAuditEntry', { description: "A change to a cohort's coaches; append-only, nobody can edit or delete it" })
export class CohortAuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => CohortAuditAction)
  action: CohortAuditAction;

  @Field(() => CohortModel)
  cohort: CohortModel;

  @Field(() => UserModel, { description: 'The coach added or removed' })
  coach: UserModel;

  @Field(() => UserModel, { description: 'The admin who did it' })
  actor: UserModel;

  @Field(() => GraphQLISODateTime)
  at: Date;
}
