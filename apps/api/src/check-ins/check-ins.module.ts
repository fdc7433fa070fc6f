import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CheckInsResolver } from './check-ins.resolver';
import { CheckInsService } from './check-ins.service';

@Module({
  imports: [AccessLogModule],
  providers: [CheckInsService, CheckInsResolver],
  exports: [CheckInsService],
})
export class CheckInsModule {}
