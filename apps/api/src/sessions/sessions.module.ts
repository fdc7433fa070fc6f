import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CohortSessionsResolver, SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CohortsModule],
  providers: [SessionsService, SessionsResolver, CohortSessionsResolver],
  exports: [SessionsService],
})
export class SessionsModule {}
