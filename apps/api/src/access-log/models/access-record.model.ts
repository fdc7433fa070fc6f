import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessSubject } from '@anchored/data';
import { UserModel } from '../../users/models/user.model';

registerEnumType(AccessSubject, { name: 'AccessSubject', description: 'What kind of private text was read' });

@ObjectType('AccessRecord', {
  description: "Someone other than the owner read the owner's private text (homework answers, check-in notes); coaches' reads too. Repeated reads of one item by one reader within a clock hour are one record.",
})
export class AccessRecordModel {
  @Field(() => UserModel)
  reader: UserModel;

  @Field(() => AccessSubject)
  subject: AccessSubject;

  @Field(() => ID)
  subjectId: string;

  @Field(() => GraphQLISODateTime, { description: 'The first read within the hour' })
  at: Date;
}
