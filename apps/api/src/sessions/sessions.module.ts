import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { AttendanceResolver, CohortSessionsResolver, SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CohortsModule],
  providers: [SessionsService, SessionsResolver, AttendanceResolver, CohortSessionsResolver],
  exports: [SessionsService],
})
export class SessionsModule {}
