import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataExportStatus } from '@anchored/data';

registerEnumType(DataExportStatus, { name: 'DataExportStatus', description: 'PENDING while the worker builds it, READY for 24 hours, then EXPIRED (file deleted)' });

@ObjectType('DataExport', { description: 'One copy of everything the platform holds about the caller, as a JSON file' })
export class DataExportModel {
  @Field(() => ID)
  id: string;

  @Field(() => DataExportStatus)
  status: DataExportStatus;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readyAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'READY only: a secret link (GET, no header needed) to the JSON file, answers decrypted; valid 24 h, dead once the account is deleted',
  })
  downloadUrl: string | null;
}
