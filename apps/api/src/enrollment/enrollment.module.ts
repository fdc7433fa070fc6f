import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CohortEnrollmentsResolver, EnrollmentResolver } from './enrollment.resolver';
import { EnrollmentService } from './enrollment.service';

@Module({
  imports: [CohortsModule],
  providers: [EnrollmentService, EnrollmentResolver, CohortEnrollmentsResolver],
  exports: [EnrollmentService],
})
export class EnrollmentModule {}
