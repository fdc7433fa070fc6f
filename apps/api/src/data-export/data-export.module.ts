import { Module } from '@nestjs/common';
import { DataExportController } from './data-export.controller';
import { DataExportResolver } from './data-export.resolver';
import { DataExportService } from './data-export.service';

@Module({ controllers: [DataExportController], providers: [DataExportService, DataExportResolver], exports: [DataExportService] })
export class DataExportModule {}
