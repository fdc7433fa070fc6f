import { Module } from '@nestjs/common';
import { AccessLogResolver } from './access-log.resolver';
import { AccessLogService } from './access-log.service';

@Module({ providers: [AccessLogService, AccessLogResolver], exports: [AccessLogService] })
export class AccessLogModule {}
