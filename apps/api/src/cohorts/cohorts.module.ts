import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';

@Module({
  imports: [AuditModule],
  providers: [CohortsService, CohortsResolver],
  exports: [CohortsService],
})
export class CohortsModule {}
