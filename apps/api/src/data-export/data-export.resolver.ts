import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { DataExportService } from './data-export.service';
import { DataExportModel } from './models/data-export.model';

/** The caller's own exports only: there is no argument that could name anyone else. */
@Resolver(() => DataExportModel)
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  @Query(() => [DataExportModel], { description: "The caller's data exports, newest first (the last 20)" })
  myDataExports(@CurrentUser() caller: AuthUser) {
    return this.exports.listMine(caller.id);
  }

  @Mutation(() => DataExportModel, {
    description: 'Asks for a copy of everything the platform holds about the caller; the worker builds it and sends DATA_EXPORT_READY. Asking again while one is pending returns that one.',
  })
  requestDataExport(@CurrentUser() caller: AuthUser) {
    return this.exports.request(caller.id);
  }
}
