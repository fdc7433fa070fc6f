import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AttendanceStatus } from '../../graphql/enums';
import { UserModel } from '../../users/models/user.model';

@ObjectType('Session')
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => ID, { nullable: true, description: 'Shared by the sessions scheduleSessionSeries created together' })
  seriesId: string | null;

  @Field(() => String, { nullable: true, description: 'The curriculum module this session works on' })
  moduleKey: string | null;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => String, { nullable: true })
  meetingUrl: string | null;
}

@ObjectType('Attendance')
export class AttendanceModel {
  @Field(() => UserModel)
  client: UserModel;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}
