import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CohortAccessService } from './cohort-access.service';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';

@Module({
  imports: [AuditModule],
  providers: [CohortsService, CohortsResolver, CohortAccessService],
  exports: [CohortsService, CohortAccessService],
})
export class CohortsModule {}
