import { Module } from '@nestjs/common';
import { CohortAccessService } from './cohort-access.service';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';

@Module({
  providers: [CohortsService, CohortsResolver, CohortAccessService],
  exports: [CohortsService, CohortAccessService],
})
export class CohortsModule {}
