import { Module } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';
import { CohortsModule } from '../cohorts/cohorts.module';
import { APP_CONFIG } from '../config.module';
import { CohortAssignmentsResolver, HomeworkAssignmentResolver, SubmissionResolver } from './homework.resolver';
import { HomeworkService, RESPONSE_CIPHER } from './homework.service';
import { ResponseCipher } from './response-cipher';

@Module({
  imports: [CohortsModule],
  providers: [
    { provide: RESPONSE_CIPHER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ResponseCipher(config.homeworkKeys) },
    HomeworkService,
    HomeworkAssignmentResolver,
    SubmissionResolver,
    CohortAssignmentsResolver,
  ],
  exports: [HomeworkService],
})
export class HomeworkModule {}
