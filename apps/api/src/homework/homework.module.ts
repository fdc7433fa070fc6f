import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CohortAssignmentsResolver, HomeworkAssignmentResolver, SubmissionResolver } from './homework.resolver';
import { HomeworkService } from './homework.service';

@Module({
  imports: [CohortsModule, AccessLogModule],
  providers: [HomeworkService, HomeworkAssignmentResolver, SubmissionResolver, CohortAssignmentsResolver],
  exports: [HomeworkService],
})
export class HomeworkModule {}
